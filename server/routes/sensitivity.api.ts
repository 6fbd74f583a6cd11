import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { accessEvaluation } from '../access.js';
import { sensitivityReport } from '../read-models/sensitivity.js';

const Query = z.object({ samples: z.coerce.number().int().min(10, { error: 'At least 10 samples.' }).max(20_000, { error: 'At most 20,000 samples.' }).default(1000) });

/** GET /api/v1/evaluations/:id/sensitivity — how robust the ranking is (API.md "Analysis and audit"). */
export const sensitivityApi = new Hono<AppEnv>().get('/', apiValid('query', Query), async (c) => {
  const a = await accessEvaluation(c, 'read');
  const r = await sensitivityReport(c.get('db'), a, { samples: c.req.valid('query').samples });
  return c.json({ stability: r.stability, acceptability: r.acceptability, samples: r.samples });
});
