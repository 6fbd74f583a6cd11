import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from '../db/client.js';
import type { AppEnv } from './context.js';
import type { Env } from './env.js';
import { AppError, describeError } from './errors.js';
import { getCookie } from 'hono/cookie';
import { identify, requireApiUser, SESSION_COOKIE } from './middleware/auth.js';
import { apiAuth } from './routes/api-auth.js';
import { apiEvaluations } from './routes/api-evaluations.js';
import { apiCriteria } from './routes/api-criteria.js';
import { apiVendors } from './routes/api-vendors.js';
import { apiScores } from './routes/api-scores.js';
import { apiVoting } from './routes/api-voting.js';
import { apiAudit } from './routes/api-audit.js';
import { apiReview } from './routes/api-review.js';
import { apiFeedback } from './routes/api-feedback.js';
import { apiPanel } from './routes/api-panel.js';
import { apiImport } from './routes/api-import.js';
import { apiSensitivity } from './routes/api-sensitivity.js';
import { staticFiles } from './routes/static.js';
import { pages } from './routes/pages.js';
import { renderErrorPage } from '../views/pages/error.js';

export interface AppDeps { db: Db; env: Env }

const API_BODY_LIMIT = 12 * 1024 * 1024;
const tooLarge = () => new AppError(413, 'payload_too_large', 'The request body is larger than 12 MB.');

const wantsJson = (path: string, accept: string | undefined) =>
  path.startsWith('/api/') || /\.json$/.test(path) || (!!accept && accept.includes('application/json') && !accept.includes('text/html'));

/** Builds the whole app; tests call `app.request()` on it without opening a port. */
export function createApp({ db, env }: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('env', env);
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );

  app.get('/healthz', async (c) => {
    await db.selectFrom('teams').select('id').limit(1).execute();
    return c.json({ ok: true });
  });
  app.route('/static', staticFiles);

  // Forms and htmx posts must come from our own pages; JSON and CSV bodies cannot be sent cross-site without CORS.
  const csrfCheck = csrf();
  // A Bearer request cannot be forged cross-site (a browser never attaches Authorization on its own),
  // and an API request without a session cookie has no credentials to abuse: both skip the origin
  // check, so scripts may send bodiless DELETEs and anonymous calls get 401, not 403. Pages keep it
  // always (a forged sign-in form is an attack too).
  app.use('*', (c, next) => {
    const api = c.req.path.startsWith('/api/');
    const skip = c.req.header('authorization') !== undefined || (api && !getCookie(c, SESSION_COOKIE));
    return skip ? next() : csrfCheck(c, next);
  });
  // A declared Content-Length is checked from the header alone. Hono's bodyLimit reads
  // c.req.raw.body, which makes @hono/node-server build a whole web Request and stream for every
  // request, a third of a small write's cost (ADR 009); it stays for bodies of unknown length.
  const streamedLimit = bodyLimit({
    maxSize: API_BODY_LIMIT,
    onError: () => {
      throw tooLarge();
    },
  });
  app.use('/api/*', (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || !/^\d+$/.test(length) || c.req.header('transfer-encoding') !== undefined) return streamedLimit(c, next);
    if (Number(length) > API_BODY_LIMIT) throw tooLarge();
    return next();
  });
  app.use('*', identify);

  app.route('/api/v1/auth', apiAuth);
  app.use('/api/v1/evaluations/*', requireApiUser);
  app.use('/api/v1/evaluations', requireApiUser);
  app.route('/api/v1/evaluations', apiEvaluations);
  app.route('/api/v1/evaluations', apiCriteria);
  app.route('/api/v1/evaluations', apiVendors);
  app.route('/api/v1/evaluations', apiScores);
  app.route('/api/v1/evaluations', apiVoting);
  app.route('/api/v1/evaluations', apiAudit);
  app.route('/api/v1/evaluations', apiReview);
  app.route('/api/v1/evaluations', apiFeedback);
  app.route('/api/v1/evaluations', apiPanel);
  app.route('/api/v1/evaluations', apiImport);
  app.route('/api/v1/evaluations', apiSensitivity);
  app.route('/', pages);

  app.notFound((c) => {
    const e = { status: 404 as const, code: 'not_found', message: 'There is nothing at this address.' };
    if (wantsJson(c.req.path, c.req.header('accept'))) return c.json({ error: { code: e.code, message: e.message } }, 404);
    return c.html(renderErrorPage(c, e.status, e.message), 404);
  });

  app.onError((err, c) => {
    const e = describeError(err);
    if (e.status >= 500) console.error(err);
    if (wantsJson(c.req.path, c.req.header('accept'))) {
      return c.json({ error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }, e.status);
    }
    return c.html(renderErrorPage(c, e.status, e.message), e.status);
  });

  return app;
}
