import { z } from '@hono/zod-openapi';
import { WeightsSchema } from '../schemas/criteria.js';
import { setWeights } from '../services/weights.js';
import { voteAggregate } from '../read-models/votes.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute, writeRoute } from '../openapi/specs.js';

const WeightMap = z.record(z.string(), z.number()).openapi({ description: 'Criterion id → global weight.' });

const read = readRoute({ access: 'read', summary: 'The weights the stakeholders’ votes make', success: ok('Weights, votes counted, aggregation and each stakeholder group’s share.') });
const write = writeRoute({
  access: 'edit', method: 'put', summary: 'Set the weights directly (facilitator); from scoring on `reason` is required (400 with `fields.reason`)', body: WeightsSchema,
  success: ok('The new weights version and the resolved global weights.', z.object({ version: z.number(), weights: WeightMap })),
});

/** /api/v1/evaluations/:id/weights — read: what the stakeholders' votes make; write: the facilitator sets them directly. */
export const weightsApi = apiRouter('Weights')
  .openapi(read, async (c) => {
    const agg = await voteAggregate(c.get('db'), c.var.actor.evaluation);
    return c.json({
      weights: agg.weights, votes: agg.counted, aggregation: agg.aggregation, ahp: agg.ahpMode, dispersion: agg.dispersion, consensus: agg.consensus,
      groups: agg.groups.map((g) => ({ id: g.id, name: g.name, weight: g.weight, votes: g.votes, weights: g.weights })),
    });
  })
  .openapi(write, async (c) => {
    const body = c.req.valid('json');
    const { version, resolved } = await setWeights(c.get('db'), c.var.actor, body.weights, body.reason);
    return c.json({ version, weights: Object.fromEntries(resolved.global) });
  });
