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
import { pricesHiddenFor, setHidePrices } from '../services/envelopes.js';
import { z } from 'zod';

const vendorJson = (v: Vendor) => ({
  id: String(v.id), name: v.name, website: v.website, category: v.category, description: v.description, ...(v.price !== null ? { price: v.price } : {}),
});

/** /api/v1/evaluations/:id/vendors. */
export const apiVendors = new Hono<AppEnv>()
  .get('/:id/vendors', async (c) => {
    const a = await accessEvaluation(c, 'read');
    const hide = await pricesHiddenFor(c.get('db'), a);
    return c.json({ vendors: (await vendorsOf(c.get('db'), a.evaluation.id)).map((v) => vendorJson(hide ? { ...v, price: null } : v)), ...(hide ? { pricesHidden: true } : {}) });
  })
  .put('/:id/envelopes', apiValid('json', z.object({ hidePrices: z.boolean({ error: 'hidePrices is true or false.' }) })), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await setHidePrices(c.get('db'), a, c.req.valid('json').hidePrices);
    return c.json(c.req.valid('json'));
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
