import { z } from '@hono/zod-openapi';
import { WeightsSchema } from '../schemas/criteria.js';
import { setWeights } from '../services/weights.js';
import { voteAggregate } from '../services/voting.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, READ_ERRORS, WRITE_ERRORS, errors, jsonBody, ok } from '../openapi/shapes.js';

const WeightMap = z.record(z.string(), z.number()).openapi({ description: 'Criterion id → global weight.' });

const read = apiRoute({
  access: 'read', method: 'get', path: '/', summary: 'The weights the stakeholders’ votes make',
  request: { params: EvaluationParams },
  responses: { 200: ok('Weights, votes counted, aggregation and each stakeholder group’s share.'), ...errors(...READ_ERRORS) },
});

const write = apiRoute({
  access: 'edit', method: 'put', path: '/', summary: 'Set the weights directly (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(WeightsSchema) },
  responses: { 200: ok('The new weights version and the resolved global weights.', z.object({ version: z.number(), weights: WeightMap })), ...errors(...WRITE_ERRORS) },
});

/** /api/v1/evaluations/:id/weights — read: what the stakeholders' votes make; write: the facilitator sets them directly. */
export const weightsApi = apiRouter('Weights')
  .openapi(read, async (c) => {
    const { evaluation } = c.var.actor;
    const agg = await voteAggregate(c.get('db'), evaluation);
    return c.json({
      weights: agg.weights, votes: agg.counted, aggregation: agg.aggregation, ahp: agg.ahpMode, dispersion: agg.dispersion, consensus: agg.consensus,
      groups: agg.groups.map((g) => ({ id: g.id, name: g.name, weight: g.weight, votes: g.votes, weights: g.weights })),
    });
  })
  .openapi(write, async (c) => {
    const a = c.var.actor;
    const { version, resolved } = await setWeights(c.get('db'), a, c.req.valid('json').weights);
    return c.json({ version, weights: Object.fromEntries(resolved.global) });
  });
