import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { accessEvaluation } from '../access.js';
import { loadRanking } from '../read-models/ranking.js';

const LimitSchema = z.object({ limit: z.coerce.number().int().min(1, { error: 'At least 1.' }).max(100_000).optional() });

/** GET /api/v1/evaluations/:id/ranking — vendors ranked by weighted score, with the excluded ones and why. */
export const rankingApi = new Hono<AppEnv>().get('/', apiValid('query', LimitSchema), async (c) => {
  const a = await accessEvaluation(c, 'read');
  const { limit } = c.req.valid('query');
  const { result, resolved } = await loadRanking(c.get('db'), a, { limit });
  return c.json({
    rows: (limit ? result.rows.slice(0, limit) : result.rows).map((r) => ({ rank: r.rank, vendorId: r.vendorId, name: r.name, total: r.total, coverage: r.coverage, provisional: r.provisional, breakdown: r.breakdown })),
    excluded: result.excluded.map((x) => ({ vendorId: x.vendorId, name: x.name, reason: x.reason })),
    weights: Object.fromEntries(resolved.leaves),
  });
});
