import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { OverviewPage } from '../../views/pages/overview.js';
import { html } from '../../views/render.js';
import { evaluationPage } from './page-access.js';
import { loadRanking } from '../services/ranking.js';

/** GET /evaluations/:id — where the evaluation stands and what to do next. */
export const overviewPages = new Hono<AppEnv>().get('/evaluations/:id', async (c) => {
  const p = await evaluationPage(c, 'overview');
  const { nodes, result, weightVersion } = await loadRanking(p.db, p.evaluation);
  const parents = new Set(nodes.map((n) => n.parentId));
  const leaves = nodes.filter((n) => !parents.has(n.id) && n.kind !== 'cost').length;
  const vendors = await p.db.selectFrom('vendors').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', p.evaluation.id).executeTakeFirst();
  const mine = await p.db.selectFrom('scores').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', p.evaluation.id).where('evaluator_id', '=', p.userId).executeTakeFirst();
  const leader = result.rows[0] && result.rows[0].total > 0 ? result.rows[0].name : null;
  return html(c, <OverviewPage user={p.user} nav={p.nav} evaluation={p.evaluation} facts={{ criteria: nodes.length, leaves, vendors: Number(vendors?.n ?? 0), weightVersion, myCells: Number(mine?.n ?? 0), leader }} />);
});
