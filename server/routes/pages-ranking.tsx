import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { RankingPage } from '../../views/pages/ranking.js';
import { html } from '../../views/render.js';
import { evaluationPage } from './page-access.js';
import { loadRanking } from '../services/ranking.js';

const DEFAULT_LIMIT = 50;

/** GET /evaluations/:id/ranking — the ranked vendors with their stacked contributions. */
export const rankingPages = new Hono<AppEnv>().get('/evaluations/:id/ranking', async (c) => {
  const p = await evaluationPage(c, 'ranking');
  const view = await loadRanking(p.db, p.evaluation);
  const q = c.req.query('limit');
  const limit = q === 'all' ? Number.MAX_SAFE_INTEGER : Math.max(1, Number(q) || DEFAULT_LIMIT);
  const any = await p.db.selectFrom('score_cells').select('vendor_id').where('evaluation_id', '=', p.evaluation.id).where('n', '>', 0).limit(1).executeTakeFirst();
  return html(c, <RankingPage user={p.user} nav={p.nav} view={view} limit={limit} anyScores={!!any} />);
});
