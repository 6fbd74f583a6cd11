import { z } from '@hono/zod-openapi';
import { BatchSchema, ScoreSchema, ScoresQuerySchema } from '../schemas/scores.js';
import { saveBatch, saveScore } from '../services/scores.js';
import { scoresJsonStream } from '../read-models/scores-export.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute, writeRoute } from '../openapi/specs.js';

const ScoreList = z.object({
  scores: z.array(z.object({ vendorId: z.string(), criterionId: z.string(), evaluatorId: z.string(), value: z.number().nullable(), comment: z.string().nullable(), version: z.number() })),
});

const put = writeRoute({
  access: 'score', method: 'put', summary: 'Save one of the caller’s scores', body: ScoreSchema,
  success: ok('The cell’s new `version` (send it back to detect concurrent edits: a stale one answers 409 `stale_version`). A criterion with sub-criteria answers 400 `not_a_leaf`; a withdrawn vendor 409 `vendor_withdrawn`.'),
});
const batch = writeRoute({
  access: 'score', method: 'post', path: '/batch', summary: 'Save up to 10,000 of the caller’s scores, all or nothing', body: BatchSchema,
  success: ok('`{saved}`; one bad item answers 400 naming its index (`not_a_leaf` for a criterion with sub-criteria), one withdrawn vendor 409 `vendor_withdrawn`, and nothing is saved.'),
});
const list = readRoute({
  access: 'read', summary: 'The scores the caller may see (streamed)', query: ScoresQuerySchema,
  success: ok('Streamed as it is read: only the caller’s own scores while they score blind (before review, not yet submitted); none for stakeholders before review (403).', ScoreList),
});

/** /api/v1/evaluations/:id/scores — writing one's own scores, one or a batch, and reading them back. */
export const scoresApi = apiRouter('Scores')
  // The score services check the may-score rules themselves, in the transaction that writes.
  .openapi(put, async (c) => c.json(await saveScore(c.get('db'), c.var.actor, c.req.valid('json'))))
  .openapi(batch, async (c) => c.json(await saveBatch(c.get('db'), c.var.actor, c.req.valid('json').scores)))
  // Streamed: a landscape-sized evaluation has millions of scores; blind scoring applied there (read-models/scores-export.ts).
  .openapi(list, async (c) => c.body(await scoresJsonStream(c.get('db'), c.var.actor, c.req.valid('query')), 200, { 'content-type': 'application/json; charset=utf-8' }));
