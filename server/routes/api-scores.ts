import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { BatchSchema, ScoreSchema, ScoresQuerySchema } from '../schemas/scores.js';
import { accessEvaluation } from '../access.js';
import { saveBatch, saveScore } from '../services/scores.js';
import { scoresJsonStream } from '../services/scores-export.js';
import { loadRanking } from '../services/ranking.js';
import { z } from 'zod';
import { DeclarationSchema } from '../schemas/panel.js';
import { declare, submitScores } from '../services/panel.js';
import { pricesHiddenFor } from '../services/envelopes.js';

/**
 * Blind scoring: until review only the facilitator, who runs the panel, sees everyone's scores;
 * seeing others early makes panels converge out of politeness rather than evidence.
 */
const seesAllScores = (role: string, status: string) => role === 'facilitator' || status === 'review' || status === 'decided';

const LimitSchema = z.object({ limit: z.coerce.number().int().min(1, { error: 'At least 1.' }).max(100_000).optional() });

/** /api/v1/evaluations/:id/scores and /ranking. */
export const apiScores = new Hono<AppEnv>()
  .put('/:id/scores', apiValid('json', ScoreSchema), async (c) => {
    const a = await accessEvaluation(c, 'score');
    // The score services check the may-score rules themselves, in the transaction that writes.
    return c.json(await saveScore(c.get('db'), a, c.req.valid('json')));
  })
  .post('/:id/scores/batch', apiValid('json', BatchSchema), async (c) => {
    const a = await accessEvaluation(c, 'score');
    return c.json(await saveBatch(c.get('db'), a, c.req.valid('json').scores));
  })
  .put('/:id/declarations/me', apiValid('json', DeclarationSchema), async (c) => {
    const a = await accessEvaluation(c, 'read');
    const body = c.req.valid('json');
    await declare(c.get('db'), a, body);
    return c.json(body);
  })
  .post('/:id/submissions/me', async (c) => {
    const a = await accessEvaluation(c, 'score');
    return c.json(await submitScores(c.get('db'), a));
  })
  .get('/:id/scores', apiValid('query', ScoresQuerySchema), async (c) => {
    const a = await accessEvaluation(c, 'read');
    const all = seesAllScores(a.role, a.evaluation.status);
    // Streamed: a landscape-sized evaluation has millions of scores (scores-export.ts).
    return c.body(scoresJsonStream(c.get('db'), a.evaluation.id, all ? null : a.userId, c.req.valid('query')), 200, { 'content-type': 'application/json; charset=utf-8' });
  })
  .get('/:id/ranking', apiValid('query', LimitSchema), async (c) => {
    const a = await accessEvaluation(c, 'read');
    const { limit } = c.req.valid('query');
    const { result, resolved } = await loadRanking(c.get('db'), a.evaluation, { withoutCost: await pricesHiddenFor(c.get('db'), a), limit });
    return c.json({
      rows: (limit ? result.rows.slice(0, limit) : result.rows).map((r) => ({ rank: r.rank, vendorId: r.vendorId, name: r.name, total: r.total, coverage: r.coverage, provisional: r.provisional, breakdown: r.breakdown })),
      excluded: result.excluded.map((x) => ({ vendorId: x.vendorId, name: x.name, reason: x.reason })),
      weights: Object.fromEntries(resolved.leaves),
    });
  });
