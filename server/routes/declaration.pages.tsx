import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { evaluationPage } from './page-access.js';
import { formFields } from '../forms.js';
import { declare } from '../services/panel.js';
import { m } from '../../views/messages/index.js';
import { renderGrid } from './scoring-grid.js';

/** POST /evaluations/:id/declaration — the conflict-of-interest declaration asked for above the scoring grid. */
export const declarationPages = new Hono<AppEnv>().post('/', async (c) => {
  const p = await evaluationPage(c, 'scoring', 'score');
  const f = await formFields(c);
  const errors: Record<string, string> = {};
  if (f.conflict !== 'yes' && f.conflict !== 'no') errors.conflict = m.scoring.declareMissing;
  if (f.conflict === 'yes' && (f.description ?? '').trim().length < 3) errors.description = m.scoring.declareNeedsText;
  if (Object.keys(errors).length > 0) return renderGrid(c, p, { errors, values: f }, 422);
  await declare(p.db, p, f.conflict === 'yes' ? { conflict: true, description: (f.description ?? '').trim().slice(0, 2000) } : { conflict: false });
  return c.redirect(`/evaluations/${p.evaluation.id}/scoring`, 303);
});
