import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import type { Vendor } from '../../db/schema.js';
import { apiValid } from '../validation.js';
import { NewVendorSchema, VendorPatchSchema } from '../schemas/vendors.js';
import { accessEvaluation } from '../access.js';
import { vendorsOf } from '../../db/queries/vendors.js';
import { addVendor, removeVendor, updateVendor } from '../services/vendors.js';
import { parseId } from '../ids.js';
import { notFound } from '../errors.js';

const vendorJson = (v: Vendor) => ({
  id: String(v.id), name: v.name, website: v.website, category: v.category, description: v.description, ...(v.price !== null ? { price: v.price } : {}),
});

/** /api/v1/evaluations/:id/vendors. */
export const apiVendors = new Hono<AppEnv>()
  .get('/:id/vendors', async (c) => {
    const { evaluation } = await accessEvaluation(c, 'read');
    return c.json({ vendors: (await vendorsOf(c.get('db'), evaluation.id)).map(vendorJson) });
  })
  .post('/:id/vendors', apiValid('json', NewVendorSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = await addVendor(c.get('db'), a, c.req.valid('json'));
    return c.json({ id: String(id) }, 201);
  })
  .patch('/:id/vendors/:vendorId', apiValid('json', VendorPatchSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = parseId(c.req.param('vendorId'));
    if (id === null) throw notFound('The vendor');
    await updateVendor(c.get('db'), a, id, c.req.valid('json'));
    return c.json({ id: String(id) });
  })
  .delete('/:id/vendors/:vendorId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = parseId(c.req.param('vendorId'));
    if (id === null) throw notFound('The vendor');
    await removeVendor(c.get('db'), a, id);
    return c.body(null, 204);
  });
