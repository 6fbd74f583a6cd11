import { z } from '@hono/zod-openapi';
import { VoteSchema } from '../schemas/votes.js';
import { castVote } from '../services/voting.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { writeRoute } from '../openapi/specs.js';

const Cast = z.object({
  weights: z.record(z.string(), z.number()).openapi({ description: 'Criterion id → the caller’s own normalised weight.' }),
  consistencyRatio: z.number().optional().openapi({ description: 'AHP votes only (Saaty, eigenvector method).' }),
});

const put = writeRoute({ access: 'vote', method: 'put', path: '/me', summary: 'Cast (or replace) the caller’s vote on the top-level criteria weights', body: VoteSchema, success: ok('The weights the vote makes.', Cast) });

/** PUT /api/v1/evaluations/:id/votes/me — the caller's vote on the criteria weights. */
export const votesApi = apiRouter('Votes').openapi(put, async (c) => {
  const r = await castVote(c.get('db'), c.var.actor, c.req.valid('json'));
  return c.json({ weights: r.weights, ...(r.consistencyRatio !== undefined ? { consistencyRatio: r.consistencyRatio } : {}) });
});
