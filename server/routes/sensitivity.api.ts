import { z } from '@hono/zod-openapi';
import { sensitivityReport } from '../read-models/sensitivity.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute } from '../openapi/specs.js';
import { m } from '../../views/messages/index.js';

const Query = z.object({ samples: z.coerce.number().int().min(10, { error: () => m.validation.samplesAtLeast(10) }).max(20_000, { error: () => m.validation.samplesAtMost(20_000) }).default(1000) });

const Sensitivity = z.object({
  stability: z.record(z.string(), z.object({ low: z.number(), high: z.number() })).openapi({ description: 'Top-level criterion id → the weight range within which the leader stays first.' }),
  acceptability: z.record(z.string(), z.object({ first: z.number(), top3: z.number() })).openapi({ description: 'Vendor id → share of weight samples in which it ranks first / in the top 3.' }),
  samples: z.number(),
});

const read = readRoute({ access: 'read', summary: 'How robust the ranking is to the weights', query: Query, success: ok('Stability ranges and rank acceptability.', Sensitivity) });

/** GET /api/v1/evaluations/:id/sensitivity — how robust the ranking is (API.md "Analysis and audit"). */
export const sensitivityApi = apiRouter('Sensitivity').openapi(read, async (c) => {
  const r = await sensitivityReport(c.get('db'), c.var.actor, { samples: c.req.valid('query').samples });
  return c.json({ stability: r.stability, acceptability: r.acceptability, samples: r.samples });
});
