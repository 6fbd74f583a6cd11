import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { accessEvaluation } from '../access.js';
import { setHidePrices } from '../services/envelopes.js';

/** PUT /api/v1/evaluations/:id/envelopes — the two-envelopes rule: hide prices until scoring is done. */
export const envelopesApi = new Hono<AppEnv>().put('/', apiValid('json', z.object({ hidePrices: z.boolean({ error: 'hidePrices is true or false.' }) })), async (c) => {
  const a = await accessEvaluation(c, 'edit');
  await setHidePrices(c.get('db'), a, c.req.valid('json').hidePrices);
  return c.json(c.req.valid('json'));
});
