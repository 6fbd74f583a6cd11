import { z } from '@hono/zod-openapi';
import { BatchSchema, ScoreSchema, ScoresQuerySchema } from '../schemas/scores.js';
import { saveBatch, saveScore } from '../services/scores.js';
import { scoresJsonStream } from '../read-models/scores-export.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, READ_ERRORS, WRITE_ERRORS, errors, jsonBody, ok } from '../openapi/shapes.js';

const ScoreList = z.object({
  scores: z.array(z.object({ vendorId: z.string(), criterionId: z.string(), evaluatorId: z.string(), value: z.number().nullable(), comment: z.string().nullable(), version: z.number() })),
});

const put = apiRoute({
  access: 'score', method: 'put', path: '/', summary: 'Save one of the caller’s scores',
  request: { params: EvaluationParams, body: jsonBody(ScoreSchema) },
  responses: { 200: ok('The cell’s new `version` (send it back to detect concurrent edits: a stale one answers 409 `stale_version`).'), ...errors(...WRITE_ERRORS) },
});
const batch = apiRoute({
  access: 'score', method: 'post', path: '/batch', summary: 'Save up to 10,000 of the caller’s scores, all or nothing',
  request: { params: EvaluationParams, body: jsonBody(BatchSchema) },
  responses: { 200: ok('`{saved}`; one bad item answers 400 naming its index and nothing is saved.'), ...errors(...WRITE_ERRORS) },
});
const list = apiRoute({
  access: 'read', method: 'get', path: '/', summary: 'The scores the caller may see (streamed)',
  request: { params: EvaluationParams, query: ScoresQuerySchema },
  responses: { 200: ok('Streamed as it is read: only the caller’s own scores before review, unless they are the facilitator.', ScoreList), ...errors(400, ...READ_ERRORS) },
});

/** /api/v1/evaluations/:id/scores — writing one's own scores, one or a batch, and reading them back. */
export const scoresApi = apiRouter('Scores')
  .openapi(put, async (c) => {
    const a = c.var.actor;
    // The score services check the may-score rules themselves, in the transaction that writes.
    return c.json(await saveScore(c.get('db'), a, c.req.valid('json')));
  })
  .openapi(batch, async (c) => {
    const a = c.var.actor;
    return c.json(await saveBatch(c.get('db'), a, c.req.valid('json').scores));
  })
  .openapi(list, async (c) => {
    const a = c.var.actor;
    // Streamed: a landscape-sized evaluation has millions of scores; blind scoring applied there (read-models/scores-export.ts).
    return c.body(await scoresJsonStream(c.get('db'), a, c.req.valid('query')), 200, { 'content-type': 'application/json; charset=utf-8' });
  });
