import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { BatchSchema, ScoreSchema, ScoresQuerySchema } from '../schemas/scores.js';
import { accessEvaluation } from '../access.js';
import { saveBatch, saveScore } from '../services/scores.js';
import { scoresJsonStream } from '../read-models/scores-export.js';

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
    // Streamed: a landscape-sized evaluation has millions of scores; blind scoring applied there (read-models/scores-export.ts).
    return c.body(await scoresJsonStream(c.get('db'), a, c.req.valid('query')), 200, { 'content-type': 'application/json; charset=utf-8' });
  });
