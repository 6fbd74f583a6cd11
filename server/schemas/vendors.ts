import { z } from 'zod';
import { Name, OptionalText } from './common.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

const Website = z
  .string()
  .trim()
  .max(300, { error: () => v.atMostChars(300) })
  // Only web addresses: a javascript: or data: URL would become a live link on our pages.
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), { error: () => v.website });

export const NewVendorSchema = z.object({
  name: Name(160),
  website: Website.optional(),
  category: OptionalText(80).optional(),
  description: OptionalText(2000).optional(),
  price: z.number({ error: () => v.number }).finite().min(0, { error: () => v.priceNegative }).max(1e13).nullable().optional(),
});

export const VendorPatchSchema = NewVendorSchema.partial();

/** Withdrawing a vendor after scoring opened: the reason is what the ranking and the record show. */
export const WithdrawalSchema = z.object({
  reason: z.string({ error: () => v.withdrawReason }).trim().min(1, { error: () => v.withdrawReason }).max(500, { error: () => v.atMostChars(500) }),
});
