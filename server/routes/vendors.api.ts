import { z } from '@hono/zod-openapi';
import type { Vendor } from '../../db/schema.js';
import { NewVendorSchema, VendorPatchSchema } from '../schemas/vendors.js';
import { vendorsOf } from '../../db/queries/vendors.js';
import { addVendor, removeVendor, updateVendor } from '../services/vendors.js';
import { pricesHiddenFor } from '../read-models/visibility.js';
import { idParam } from './params.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { CreatedId, EvaluationParams, NO_CONTENT, READ_ERRORS, WRITE_ERRORS, errors, jsonBody, ok, pathParams } from '../openapi/shapes.js';

const vendorJson = (v: Vendor) => ({
  id: String(v.id), name: v.name, website: v.website, category: v.category, description: v.description, ...(v.price !== null ? { price: v.price } : {}),
});

const VendorList = z.object({
  vendors: z.array(z.object({ id: z.string(), name: z.string(), website: z.string().nullable(), category: z.string().nullable(), description: z.string().nullable(), price: z.number().optional() })),
  pricesHidden: z.literal(true).optional().openapi({ description: 'Present when the two-envelopes rule hides prices from the caller.' }),
});
const VendorParams = pathParams('id', 'vendorId');

const list = apiRoute({
  access: 'read', method: 'get', path: '/', summary: 'The longlist (prices left out while the caller may not see them)',
  request: { params: EvaluationParams },
  responses: { 200: ok('Every vendor of the evaluation.', VendorList), ...errors(...READ_ERRORS) },
});
const add = apiRoute({
  access: 'edit', method: 'post', path: '/', summary: 'Add a vendor (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(NewVendorSchema) },
  responses: { 201: ok('Created.', CreatedId), ...errors(...WRITE_ERRORS) },
});
const patch = apiRoute({
  access: 'edit', method: 'patch', path: '/{vendorId}', summary: 'Change a vendor (facilitator)',
  request: { params: VendorParams, body: jsonBody(VendorPatchSchema) },
  responses: { 200: ok('Changed.', CreatedId), ...errors(...WRITE_ERRORS) },
});
const remove = apiRoute({
  access: 'edit', method: 'delete', path: '/{vendorId}', summary: 'Remove a vendor (facilitator)',
  request: { params: VendorParams },
  responses: { 204: NO_CONTENT, ...errors(...WRITE_ERRORS) },
});

/** /api/v1/evaluations/:id/vendors — the longlist; prices are left out while the caller may not see them. */
export const vendorsApi = apiRouter('Vendors')
  .openapi(list, async (c) => {
    const a = c.var.actor;
    const hide = await pricesHiddenFor(c.get('db'), a);
    return c.json({ vendors: (await vendorsOf(c.get('db'), a.evaluation.id)).map((v) => vendorJson(hide ? { ...v, price: null } : v)), ...(hide ? { pricesHidden: true } : {}) });
  })
  .openapi(add, async (c) => {
    const a = c.var.actor;
    const id = await addVendor(c.get('db'), a, c.req.valid('json'));
    return c.json({ id: String(id) }, 201);
  })
  .openapi(patch, async (c) => {
    const a = c.var.actor;
    const id = idParam(c, 'vendorId', 'The vendor');
    await updateVendor(c.get('db'), a, id, c.req.valid('json'));
    return c.json({ id: String(id) });
  })
  .openapi(remove, async (c) => {
    const a = c.var.actor;
    await removeVendor(c.get('db'), a, idParam(c, 'vendorId', 'The vendor'));
    return c.body(null, 204);
  });
