import { ConsensusSchema } from '../schemas/panel.js';
import { setConsensus } from '../services/review.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { writeRoute } from '../openapi/specs.js';

const put = writeRoute({
  access: 'edit', method: 'put', summary: 'Set the panel’s agreed score for one cell, in review (facilitator)', body: ConsensusSchema, success: ok('The consensus as sent.', ConsensusSchema),
});

/** PUT /api/v1/evaluations/:id/consensus — the panel's agreed score for one cell, set in review. */
export const consensusApi = apiRouter('Consensus').openapi(put, async (c) => {
  await setConsensus(c.get('db'), c.var.actor, c.req.valid('json'));
  return c.json(c.req.valid('json'));
});
