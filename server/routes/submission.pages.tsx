import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { evaluationPage } from './page-access.js';
import { submitScores } from '../services/panel.js';
import { formFields } from '../forms.js';
import { renderGrid } from './scoring-grid.js';
import { m } from '../../views/messages/index.js';

/**
 * POST /evaluations/:id/submission — the caller hands in their scores from the scoring grid. The
 * page's form says how many cells stay empty and needs its box ticked; without it the grid comes
 * back with the message (422). The API submits at any coverage (API.md).
 */
export const submissionPages = new Hono<AppEnv>().post('/', async (c) => {
  const p = await evaluationPage(c, 'scoring', 'score');
  if ((await formFields(c)).confirm !== 'yes') return renderGrid(c, p, { errors: { submit: m.guards.needsCheck } }, 422);
  await submitScores(p.db, p);
  return c.redirect(`/evaluations/${p.evaluation.id}/scoring`, 303);
});
