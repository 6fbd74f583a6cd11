import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { VoteSchema } from '../schemas/votes.js';
import { accessEvaluation } from '../access.js';
import { castVote } from '../services/voting.js';

/** PUT /api/v1/evaluations/:id/votes/me — the caller's vote on the criteria weights. */
export const votesApi = new Hono<AppEnv>().put('/me', apiValid('json', VoteSchema), async (c) => {
  const a = await accessEvaluation(c, 'vote');
  const r = await castVote(c.get('db'), a, c.req.valid('json'));
  return c.json({ weights: r.weights, ...(r.consistencyRatio !== undefined ? { consistencyRatio: r.consistencyRatio } : {}) });
});
