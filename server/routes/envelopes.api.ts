import { z } from '@hono/zod-openapi';
import { setHidePrices } from '../services/envelopes.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, WRITE_ERRORS, errors, jsonBody, ok } from '../openapi/shapes.js';

const Envelopes = z.object({ hidePrices: z.boolean({ error: 'hidePrices is true or false.' }) });

const put = apiRoute({
  access: 'edit', method: 'put', path: '/', summary: 'Turn the two-envelopes rule on or off (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(Envelopes) },
  responses: { 200: ok('The setting as sent.', Envelopes), ...errors(...WRITE_ERRORS) },
});

/** PUT /api/v1/evaluations/:id/envelopes — the two-envelopes rule: hide prices until scoring is done. */
export const envelopesApi = apiRouter('Envelopes').openapi(put, async (c) => {
  const a = c.var.actor;
  await setHidePrices(c.get('db'), a, c.req.valid('json').hidePrices);
  return c.json(c.req.valid('json'));
});
