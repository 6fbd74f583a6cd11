import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { ConsensusSchema } from '../schemas/panel.js';
import { accessEvaluation } from '../access.js';
import { setConsensus } from '../services/review.js';

/** PUT /api/v1/evaluations/:id/consensus — the panel's agreed score for one cell, set in review. */
export const consensusApi = new Hono<AppEnv>().put('/', apiValid('json', ConsensusSchema), async (c) => {
  const a = await accessEvaluation(c, 'edit');
  const body = c.req.valid('json');
  await setConsensus(c.get('db'), a, body);
  return c.json(body);
});
