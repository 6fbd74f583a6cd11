import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { BatchSchema, ScoreSchema, ScoresQuerySchema } from '../schemas/scores.js';
import { accessEvaluation } from '../access.js';
import { saveBatch, saveScore } from '../services/scores.js';
import { scoresJsonStream } from '../services/scores-export.js';

/**
 * Blind scoring: until review only the facilitator, who runs the panel, sees everyone's scores;
 * seeing others early makes panels converge out of politeness rather than evidence.
 */
const seesAllScores = (role: string, status: string) => role === 'facilitator' || status === 'review' || status === 'decided';

/** /api/v1/evaluations/:id/scores — writing one's own scores, one or a batch, and reading them back. */
export const scoresApi = new Hono<AppEnv>()
  .put('/', apiValid('json', ScoreSchema), async (c) => {
    const a = await accessEvaluation(c, 'score');
    // The score services check the may-score rules themselves, in the transaction that writes.
    return c.json(await saveScore(c.get('db'), a, c.req.valid('json')));
  })
  .post('/batch', apiValid('json', BatchSchema), async (c) => {
    const a = await accessEvaluation(c, 'score');
    return c.json(await saveBatch(c.get('db'), a, c.req.valid('json').scores));
  })
  .get('/', apiValid('query', ScoresQuerySchema), async (c) => {
    const a = await accessEvaluation(c, 'read');
    const all = seesAllScores(a.role, a.evaluation.status);
    // Streamed: a landscape-sized evaluation has millions of scores (scores-export.ts).
    return c.body(scoresJsonStream(c.get('db'), a.evaluation.id, all ? null : a.userId, c.req.valid('query')), 200, { 'content-type': 'application/json; charset=utf-8' });
  });
