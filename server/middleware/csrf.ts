import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { csrf } from 'hono/csrf';
import { readSessionCookie } from '../security/session-cookie.js';

// Forms and htmx posts must come from our own pages; JSON and CSV bodies cannot be sent cross-site without CORS.
const csrfCheck = csrf();

/**
 * A Bearer request cannot be forged cross-site (a browser never attaches Authorization on its own),
 * and an API request without a session cookie has no credentials to abuse: both skip the origin
 * check, so scripts may send bodiless DELETEs and anonymous calls get 401, not 403. Pages keep it
 * always (a forged sign-in form is an attack too).
 */
export const csrfUnlessBearer: MiddlewareHandler<AppEnv> = (c, next) => {
  const api = c.req.path.startsWith('/api/');
  const skip = c.req.header('authorization') !== undefined || (api && !readSessionCookie(c));
  return skip ? next() : csrfCheck(c, next);
};
