import { ConsensusSchema } from '../schemas/panel.js';
import { setConsensus } from '../services/review.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, WRITE_ERRORS, errors, jsonBody, ok } from '../openapi/shapes.js';

const put = apiRoute({
  access: 'edit', method: 'put', path: '/', summary: 'Set the panel’s agreed score for one cell, in review (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(ConsensusSchema) },
  responses: { 200: ok('The consensus as sent.', ConsensusSchema), ...errors(...WRITE_ERRORS) },
});

/** PUT /api/v1/evaluations/:id/consensus — the panel's agreed score for one cell, set in review. */
export const consensusApi = apiRouter('Consensus').openapi(put, async (c) => {
  const a = c.var.actor;
  const body = c.req.valid('json');
  await setConsensus(c.get('db'), a, body);
  return c.json(body);
});
