import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { WeightsSchema } from '../schemas/criteria.js';
import { accessEvaluation } from '../access.js';
import { setWeights } from '../services/weights.js';
import { voteAggregate } from '../services/voting.js';

/** /api/v1/evaluations/:id/weights — read: what the stakeholders' votes make; write: the facilitator sets them directly. */
export const weightsApi = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { evaluation } = await accessEvaluation(c, 'read');
    const agg = await voteAggregate(c.get('db'), evaluation);
    return c.json({
      weights: agg.weights, votes: agg.counted, aggregation: agg.aggregation, ahp: agg.ahpMode, dispersion: agg.dispersion, consensus: agg.consensus,
      groups: agg.groups.map((g) => ({ id: g.id, name: g.name, weight: g.weight, votes: g.votes, weights: g.weights })),
    });
  })
  .put('/', apiValid('json', WeightsSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const { version, resolved } = await setWeights(c.get('db'), a, c.req.valid('json').weights);
    return c.json({ version, weights: Object.fromEntries(resolved.global) });
  });
