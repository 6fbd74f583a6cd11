import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import type { Vendor } from '../../db/schema.js';
import { apiValid } from '../validation.js';
import { NewVendorSchema, VendorPatchSchema } from '../schemas/vendors.js';
import { accessEvaluation } from '../access.js';
import { vendorsOf } from '../../db/queries/vendors.js';
import { addVendor, removeVendor, updateVendor } from '../services/vendors.js';
import { pricesHiddenFor } from '../read-models/visibility.js';
import { idParam } from './params.js';

const vendorJson = (v: Vendor) => ({
  id: String(v.id), name: v.name, website: v.website, category: v.category, description: v.description, ...(v.price !== null ? { price: v.price } : {}),
});

/** /api/v1/evaluations/:id/vendors — the longlist; prices are left out while the caller may not see them. */
export const vendorsApi = new Hono<AppEnv>()
  .get('/', async (c) => {
    const a = await accessEvaluation(c, 'read');
    const hide = await pricesHiddenFor(c.get('db'), a);
    return c.json({ vendors: (await vendorsOf(c.get('db'), a.evaluation.id)).map((v) => vendorJson(hide ? { ...v, price: null } : v)), ...(hide ? { pricesHidden: true } : {}) });
  })
  .post('/', apiValid('json', NewVendorSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = await addVendor(c.get('db'), a, c.req.valid('json'));
    return c.json({ id: String(id) }, 201);
  })
  .patch('/:vendorId', apiValid('json', VendorPatchSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = idParam(c, 'vendorId', 'The vendor');
    await updateVendor(c.get('db'), a, id, c.req.valid('json'));
    return c.json({ id: String(id) });
  })
  .delete('/:vendorId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await removeVendor(c.get('db'), a, idParam(c, 'vendorId', 'The vendor'));
    return c.body(null, 204);
  });
