import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { requirePageUser } from '../middleware/auth.js';
import { authPages } from './pages-auth.js';
import { homePages } from './pages-home.js';
import { overviewPages } from './pages-overview.js';
import { weightPages } from './pages-weights.js';
import { scoringPages } from './pages-scoring.js';
import { rankingPages } from './pages-ranking.js';
import { exportRoutes } from './exports.js';
import { criteriaPages } from './pages-criteria.js';
import { vendorPages } from './pages-vendors.js';
import { inviteLinks, votingPages } from './pages-voting.js';
import { votePages } from './pages-vote.js';
import { auditPages } from './pages-audit.js';
import { reviewPages } from './pages-review.js';
import { feedbackPages } from './pages-feedback.js';
import { panelPages } from './pages-panel.js';

/** Every HTML page; each resource's pages live in their own module. */
export const pages = new Hono<AppEnv>();
pages.route('/', authPages);
pages.route('/', homePages);
// Personal voting links sign people in, so they sit outside the signed-in area.
pages.route('/', inviteLinks);
pages.use('/evaluations/*', requirePageUser);
pages.route('/', overviewPages);
pages.route('/', criteriaPages);
pages.route('/', vendorPages);
pages.route('/', votingPages);
pages.route('/', votePages);
pages.route('/', weightPages);
pages.route('/', scoringPages);
pages.route('/', rankingPages);
pages.route('/', exportRoutes);
pages.route('/', auditPages);
pages.route('/', reviewPages);
pages.route('/', feedbackPages);
pages.route('/', panelPages);
