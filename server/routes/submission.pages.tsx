import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { evaluationPage } from './page-access.js';
import { submitScores } from '../services/panel.js';

/** POST /evaluations/:id/submission — the caller hands in their scores from the scoring grid. */
export const submissionPages = new Hono<AppEnv>().post('/', async (c) => {
  const p = await evaluationPage(c, 'scoring', 'score');
  await submitScores(p.db, p);
  return c.redirect(`/evaluations/${p.evaluation.id}/scoring`, 303);
});
