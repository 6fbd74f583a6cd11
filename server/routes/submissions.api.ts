import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { accessEvaluation } from '../access.js';
import { submitScores } from '../services/panel.js';

/** POST /api/v1/evaluations/:id/submissions/me — the caller hands in their scores. */
export const submissionsApi = new Hono<AppEnv>().post('/me', async (c) => {
  const a = await accessEvaluation(c, 'score');
  return c.json(await submitScores(c.get('db'), a));
});
