import { z } from '@hono/zod-openapi';
import type { Vendor } from '../../db/schema.js';
import { NewVendorSchema, VendorPatchSchema, WithdrawalSchema } from '../schemas/vendors.js';
import { withdrawVendor } from '../services/vendor-withdrawal.js';
import { idParam } from './params.js';
import { vendorsOf } from '../../db/queries/vendors.js';
import { addVendor, removeVendor, updateVendor } from '../services/vendors.js';
import { pricesHiddenFor } from '../read-models/visibility.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute, writeRoute } from '../openapi/specs.js';
import { withItemWrites } from './item-writes.js';

const vendorJson = (v: Vendor) => ({
  id: String(v.id), name: v.name, website: v.website, category: v.category, description: v.description, ...(v.price !== null ? { price: v.price } : {}),
  ...(v.withdrawn_at !== null ? { withdrawn: { reason: v.withdrawn_reason ?? '', at: v.withdrawn_at } } : {}),
});

const VendorList = z.object({
  vendors: z.array(z.object({ id: z.string(), name: z.string(), website: z.string().nullable(), category: z.string().nullable(), description: z.string().nullable(), price: z.number().optional(),
    withdrawn: z.object({ reason: z.string(), at: z.string() }).optional().openapi({ description: 'Present when the vendor was withdrawn: it keeps its scores and leaves the ranking.' }) })),
  pricesHidden: z.literal(true).optional().openapi({ description: 'Present when the two-envelopes rule hides prices from the caller.' }),
});

const list = readRoute({ access: 'read', summary: 'The longlist (prices left out while the caller may not see them)', success: ok('Every vendor of the evaluation.', VendorList) });

const withdrawal = writeRoute({
  access: 'edit', method: 'post', path: '/{vendorId}/withdrawal', summary: 'Withdraw a vendor with a reason (facilitator): it keeps its scores and leaves the ranking', body: WithdrawalSchema,
  success: ok('When it was withdrawn.', z.object({ vendorId: z.string(), withdrawnAt: z.string() })),
});

/** /api/v1/evaluations/:id/vendors — the longlist; prices are left out while the caller may not see them. */
export const vendorsApi = withItemWrites(
  apiRouter('Vendors').openapi(list, async (c) => {
    const a = c.var.actor;
    const hide = await pricesHiddenFor(c.get('db'), a);
    return c.json({ vendors: (await vendorsOf(c.get('db'), a.evaluation.id)).map((v) => vendorJson(hide ? { ...v, price: null } : v)), ...(hide ? { pricesHidden: true } : {}) });
  }).openapi(withdrawal, async (c) => {
    const vendorId = idParam(c, 'vendorId', 'vendor');
    const { withdrawnAt } = await withdrawVendor(c.get('db'), c.var.actor, vendorId, c.req.valid('json').reason);
    return c.json({ vendorId: String(vendorId), withdrawnAt });
  }),
  {
    param: 'vendorId', what: 'vendor',
    add: { summary: 'Add a vendor (facilitator)', body: NewVendorSchema, save: addVendor },
    patch: { summary: 'Change a vendor (facilitator)', body: VendorPatchSchema, save: updateVendor },
    remove: { summary: 'Remove a vendor (facilitator)', save: removeVendor },
  },
);
