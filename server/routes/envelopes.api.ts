import { z } from '@hono/zod-openapi';
import { setHidePrices } from '../services/envelopes.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { writeRoute } from '../openapi/specs.js';
import { m } from '../../views/messages/index.js';

const Envelopes = z.object({ hidePrices: z.boolean({ error: () => m.validation.hidePricesFlag }) });

const put = writeRoute({ access: 'edit', method: 'put', summary: 'Turn the two-envelopes rule on or off (facilitator)', body: Envelopes, success: ok('The setting as sent.', Envelopes) });

/** PUT /api/v1/evaluations/:id/envelopes — the two-envelopes rule: hide prices until scoring is done. */
export const envelopesApi = apiRouter('Envelopes').openapi(put, async (c) => {
  await setHidePrices(c.get('db'), c.var.actor, c.req.valid('json').hidePrices);
  return c.json(c.req.valid('json'));
});
