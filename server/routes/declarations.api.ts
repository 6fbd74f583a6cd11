import { DeclarationSchema } from '../schemas/panel.js';
import { declare } from '../services/panel.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, WRITE_ERRORS, errors, jsonBody, ok } from '../openapi/shapes.js';

const put = apiRoute({
  access: 'read', method: 'put', path: '/me', summary: 'Declare whether the caller has a conflict of interest',
  request: { params: EvaluationParams, body: jsonBody(DeclarationSchema) },
  responses: { 200: ok('The declaration as sent.', DeclarationSchema), ...errors(...WRITE_ERRORS) },
});

/** PUT /api/v1/evaluations/:id/declarations/me — the caller's conflict-of-interest declaration. */
export const declarationsApi = apiRouter('Declarations').openapi(put, async (c) => {
  const a = c.var.actor;
  const body = c.req.valid('json');
  await declare(c.get('db'), a, body);
  return c.json(body);
});
