import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { html } from '../../views/render.js';
import { evaluationPage } from './page-access.js';
import { idParam } from './params.js';
import { rankOffLoop, visibleRankingInputs } from '../read-models/ranking.js';
import { workingFrom } from '../read-models/working.js';
import { WorkingPage } from '../../views/pages/working.js';
import { ScoresHidden } from '../../views/partials/scores-hidden.js';
import { m } from '../../views/messages/index.js';

/** How many other ranked vendors the "compare with" list offers (the best ones). */
const COMPARE_CHOICES = 50;

/** GET /evaluations/:id/vendors/:vendorId/working — one vendor's total, line by line (the ranking's visibility rule). */
export const workingPages = new Hono<AppEnv>().get('/:vendorId/working', async (c) => {
  const p = await evaluationPage(c, 'ranking');
  const vendorId = idParam(c, 'vendorId', 'vendor');
  const inputs = await visibleRankingInputs(p.db, p);
  if (!inputs) return html(c, <ScoresHidden title={m.ranking.title} user={p.user} nav={p.nav} />);
  const working = await workingFrom(p.db, p, inputs, vendorId);
  const ranking = await rankOffLoop(p, inputs, undefined, { limit: COMPARE_CHOICES + 1 });
  const others = ranking.result.rows.filter((r) => r.vendorId !== working.vendorId).slice(0, COMPARE_CHOICES).map((r) => ({ vendorId: r.vendorId, name: r.name }));
  return html(c, <WorkingPage user={p.user} nav={p.nav} working={working} others={others} />);
});
