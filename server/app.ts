import { workingPages } from './routes/working.pages.js';
import { comparePages } from './routes/compare.pages.js';
import { workingApi } from './routes/working.api.js';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../db/client.js';
import type { AppEnv } from './context.js';
import type { Env } from './env.js';
import { identify, requireApiUser, requirePageUser } from './middleware/auth.js';
import { provide } from './middleware/provide.js';
import { securityHeaders } from './middleware/security-headers.js';
import { csrfUnlessBearer } from './middleware/csrf.js';
import { apiBodyLimit } from './middleware/body-limit.js';
import { drainUnreadBody } from './middleware/drain-body.js';
import { errorHandler, notFoundHandler } from './middleware/error-handlers.js';
import { openapiApi } from './routes/openapi.api.js';
import { docsPages } from './routes/docs.pages.js';
import { healthzApi } from './routes/healthz.api.js';
import { metricsApi } from './routes/metrics.api.js';
import { requestLog } from './middleware/request-log.js';
import { shownPage } from './middleware/shown-page.js';
import { locale } from './middleware/locale.js';
import './i18n/zod-locale.js'; // zod's own messages in the request's language (issue 16)
import { languagePages } from './routes/language.pages.js';
import { createLogger, type Logger } from './observability/log.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { staticFiles } from './routes/static.js';
import { authApi } from './routes/auth.api.js';
import { passwordResetApi } from './routes/password-reset.api.js';
import { evaluationsApi } from './routes/evaluations.api.js';
import { agreementApi } from './routes/agreement.api.js';
import { calibrationApi } from './routes/calibration.api.js';
import { approvalsApi } from './routes/approvals.api.js';
import { decisionApi } from './routes/decision.api.js';
import { deadlinesApi } from './routes/deadlines.api.js';
import { assignmentsApi } from './routes/assignments.api.js';
import { auditApi } from './routes/audit.api.js';
import { consensusApi } from './routes/consensus.api.js';
import { costFormulaApi } from './routes/cost-formula.api.js';
import { criteriaApi } from './routes/criteria.api.js';
import { declarationsApi } from './routes/declarations.api.js';
import { envelopesApi } from './routes/envelopes.api.js';
import { exclusionsApi } from './routes/exclusions.api.js';
import { feedbackApi } from './routes/feedback.api.js';
import { groupsApi } from './routes/groups.api.js';
import { invitesApi } from './routes/invites.api.js';
import { membersApi } from './routes/members.api.js';
import { panelApi } from './routes/panel.api.js';
import { rankingApi } from './routes/ranking.api.js';
import { reportLinksApi } from './routes/report-links.api.js';
import { scoresApi } from './routes/scores.api.js';
import { sensitivityApi } from './routes/sensitivity.api.js';
import { submissionsApi } from './routes/submissions.api.js';
import { vendorsImportApi } from './routes/vendors-import.api.js';
import { vendorsApi } from './routes/vendors.api.js';
import { votesApi } from './routes/votes.api.js';
import { votingApi } from './routes/voting.api.js';
import { weightsApi } from './routes/weights.api.js';
import { authPages } from './routes/auth.pages.js';
import { accountPages } from './routes/account.pages.js';
import { homePages } from './routes/home.pages.js';
import { invitePages } from './routes/invite.pages.js';
import { joinPages } from './routes/join.pages.js';
import { passwordResetPages } from './routes/password-reset.pages.js';
import { evaluationsPages } from './routes/evaluations.pages.js';
import { auditPages } from './routes/audit.pages.js';
import { criteriaPages } from './routes/criteria.pages.js';
import { declarationPages } from './routes/declaration.pages.js';
import { decisionPages } from './routes/decision.pages.js';
import { deadlinesPages } from './routes/deadlines.pages.js';
import { feedbackPages } from './routes/feedback.pages.js';
import { membersPages } from './routes/members.pages.js';
import { rankingPages } from './routes/ranking.pages.js';
import { reportPages } from './routes/report.pages.js';
import { reportLinkPages } from './routes/report-link.pages.js';
import { reviewPages } from './routes/review.pages.js';
import { scoringPages } from './routes/scoring.pages.js';
import { shortlistFiles } from './routes/shortlist.files.js';
import { submissionPages } from './routes/submission.pages.js';
import { vendorsImportPages } from './routes/vendors-import.pages.js';
import { vendorsScreeningPages } from './routes/vendors-screening.pages.js';
import { vendorsPages } from './routes/vendors.pages.js';
import { votePages } from './routes/vote.pages.js';
import { votingPages } from './routes/voting.pages.js';
import { weightsPages } from './routes/weights.pages.js';

/** `log` and `metrics` default to a logger from the environment and a fresh registry; tests pass their own to read them. */
export interface AppDeps { db: Db; env: Env; log?: Logger; metrics?: Metrics }

/** Builds the whole app; tests call `app.request()` on it without opening a port. Order matters: each step sees what the earlier ones set. */
export function createApp({ db, env, log = createLogger(env), metrics = createMetrics() }: AppDeps) {
  // OpenAPIHono gathers the API routers' descriptions as they are mounted (pages are plain Hono and stay out).
  const app = new OpenAPIHono<AppEnv>();
  // First, so every answer (errors and 404s included) carries its request id and is counted.
  app.use('*', requestLog(log, metrics));
  // Next, so every answer after it (error pages included) is in the visitor's language (issue 16).
  app.use('*', locale);
  app.use('*', drainUnreadBody);
  app.use('*', provide(db, env));
  app.use('*', securityHeaders);
  app.route('/healthz', healthzApi);
  app.route('/metrics', metricsApi(metrics));
  app.route('/static', staticFiles);
  app.use('*', csrfUnlessBearer);
  app.use('/api/*', apiBodyLimit);
  app.use('*', identify);
  app.use('*', shownPage);
  mountApi(app);
  mountPages(app);
  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}

/**
 * The routers under /api/v1/evaluations/:id, by the path that follows; in this order, so the fixed
 * /vendors/import wins over /vendors/{vendorId}.
 */
const EVALUATION_APIS = [
  ['agreement', agreementApi],
  ['approvals', approvalsApi],
  ['assignments', assignmentsApi],
  ['audit', auditApi],
  ['calibration', calibrationApi],
  ['consensus', consensusApi],
  ['cost-formula', costFormulaApi],
  ['criteria', criteriaApi],
  ['deadlines', deadlinesApi],
  ['decision', decisionApi],
  ['declarations', declarationsApi],
  ['envelopes', envelopesApi],
  ['exclusions', exclusionsApi],
  ['feedback', feedbackApi],
  ['groups', groupsApi],
  ['invites', invitesApi],
  ['members', membersApi],
  ['panel', panelApi],
  ['ranking', rankingApi],
  ['report-links', reportLinksApi],
  ['scores', scoresApi],
  ['sensitivity', sensitivityApi],
  ['submissions', submissionsApi],
  ['vendors/import', vendorsImportApi],
  ['vendors', workingApi],
  ['vendors', vendorsApi],
  ['votes', votesApi],
  ['voting', votingApi],
  ['weights', weightsApi],
] as const;

/** The JSON API (API.md): one module per URL prefix; everything under /api/v1/evaluations needs a signed-in caller. */
function mountApi(app: OpenAPIHono<AppEnv>) {
  app.route('/api/v1/openapi.json', openapiApi(app));
  app.route('/api/v1/docs', docsPages(app));
  app.route('/api/v1/auth', authApi);
  app.route('/api/v1/auth', passwordResetApi);
  app.use('/api/v1/evaluations/*', requireApiUser);
  app.use('/api/v1/evaluations', requireApiUser);
  const api = '/api/v1/evaluations/:id';
  app.route('/api/v1/evaluations', evaluationsApi);
  for (const [segment, router] of EVALUATION_APIS) app.route(`${api}/${segment}`, router);
}

/** The HTML pages: one module per URL prefix; everything under /evaluations/ needs a signed-in visitor. */
function mountPages(app: OpenAPIHono<AppEnv>) {
  app.route('/', authPages); // /login, /signup, /logout
  app.route('/language', languagePages); // the switcher on every page
  app.use('/account', requirePageUser);
  app.use('/account/*', requirePageUser);
  app.route('/account', accountPages);
  app.route('/', homePages);
  // Personal voting links sign people in, so they sit outside the signed-in area.
  app.route('/invite', invitePages);
  app.route('/join', joinPages); // personal, single-use join links of invited members
  app.route('/password-reset', passwordResetPages); // "forgot your password?" and the mailed single-use links
  app.route('/r', reportLinkPages); // read-only links to the board report, for people without an account
  app.use('/evaluations/*', requirePageUser);
  const page = '/evaluations/:id';
  app.route('/evaluations', evaluationsPages);
  app.route(page, auditPages); // /audit and /audit.csv
  app.route(page, shortlistFiles); // /shortlist.csv and /shortlist.json
  app.route(`${page}/criteria`, criteriaPages);
  app.route(`${page}/deadlines`, deadlinesPages);
  app.route(`${page}/decision`, decisionPages);
  app.route(`${page}/declaration`, declarationPages);
  app.route(`${page}/feedback`, feedbackPages);
  app.route(`${page}/members`, membersPages);
  app.route(`${page}/ranking`, rankingPages);
  app.route(`${page}/report`, reportPages);
  app.route(`${page}/review`, reviewPages);
  app.route(`${page}/scoring`, scoringPages);
  app.route(`${page}/submission`, submissionPages);
  // Import and screening first: their fixed paths (/vendors/import, /vendors/screen) win over /vendors/:vid.
  app.route(`${page}/vendors/import`, vendorsImportPages);
  app.route(`${page}/vendors`, workingPages);
  app.route(`${page}/compare`, comparePages);
  app.route(`${page}/vendors`, vendorsScreeningPages);
  app.route(`${page}/vendors`, vendorsPages);
  app.route(`${page}/vote`, votePages);
  app.route(`${page}/voting`, votingPages);
  app.route(`${page}/weights`, weightsPages);
}
