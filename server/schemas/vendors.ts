import { z } from 'zod';
import { Name, OptionalText } from './common.js';

const Website = z
  .string()
  .trim()
  .max(300, { error: 'At most 300 characters.' })
  // Only web addresses: a javascript: or data: URL would become a live link on our pages.
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), { error: 'Start the address with http:// or https://' });

export const NewVendorSchema = z.object({
  name: Name(160),
  website: Website.optional(),
  category: OptionalText(80).optional(),
  description: OptionalText(2000).optional(),
  price: z.number({ error: 'A number.' }).finite().min(0, { error: 'A price cannot be negative.' }).max(1e13).nullable().optional(),
});

export const VendorPatchSchema = NewVendorSchema.partial();

/** Withdrawing a vendor after scoring opened: the reason is what the ranking and the record show. */
export const WithdrawalSchema = z.object({
  reason: z.string({ error: 'Say why the vendor is withdrawn.' }).trim().min(1, { error: 'Say why the vendor is withdrawn.' }).max(500, { error: 'At most 500 characters.' }),
});
