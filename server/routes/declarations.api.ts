import { DeclarationSchema } from '../schemas/panel.js';
import { declare } from '../services/panel.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { writeRoute } from '../openapi/specs.js';

const put = writeRoute({
  access: 'read', method: 'put', path: '/me', summary: 'Declare whether the caller has a conflict of interest', body: DeclarationSchema, success: ok('The declaration as sent.', DeclarationSchema),
});

/** PUT /api/v1/evaluations/:id/declarations/me — the caller's conflict-of-interest declaration (any member, even read-only). */
export const declarationsApi = apiRouter('Declarations').openapi(put, async (c) => {
  await declare(c.get('db'), c.var.actor, c.req.valid('json'));
  return c.json(c.req.valid('json'));
});
