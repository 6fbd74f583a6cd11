import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { html } from '../../views/render.js';
import { evaluationPage } from './page-access.js';
import { visibleRankingInputs } from '../read-models/ranking.js';
import { workingFrom, type WorkingView } from '../read-models/working.js';
import { ComparePage } from '../../views/pages/compare.js';
import { ScoresHidden } from '../../views/partials/scores-hidden.js';
import { m } from '../../views/messages/index.js';
import { parseId } from '../ids.js';
import { AppError } from '../errors.js';

/** At most this many vendors side by side (issue 14: two or three). */
const MAX_VENDORS = 3;

/** GET /evaluations/:id/compare?vendor=…&vendor=… — two or three ranked vendors' contributions side by side. */
export const comparePages = new Hono<AppEnv>().get('/', async (c) => {
  const p = await evaluationPage(c, 'ranking');
  const inputs = await visibleRankingInputs(p.db, p);
  if (!inputs) return html(c, <ScoresHidden title={m.working.compareTitle} user={p.user} nav={p.nav} />);
  const ids = [...new Set((c.req.queries('vendor') ?? []).map(parseId))].slice(0, MAX_VENDORS);
  const workings: WorkingView[] = [];
  const problems: string[] = [];
  for (const id of ids) {
    if (id === null) continue;
    try {
      workings.push(await workingFrom(p.db, p, inputs, id));
    } catch (err) {
      // A vendor that is not ranked (or not found) is named and left out; the others still compare.
      if (err instanceof AppError && err.status === 404) problems.push(err.message);
      else throw err;
    }
  }
  return html(c, <ComparePage user={p.user} nav={p.nav} workings={workings} problems={problems} />);
});
