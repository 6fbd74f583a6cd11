import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { hashSecret } from '../security/tokens.js';
import { nowIso } from '../time.js';
import { userBySessionHash, userByTokenHash } from '../../db/queries/users.js';
import { unauthorized } from '../errors.js';
import { readSessionCookie } from '../security/session-cookie.js';
import { m } from '../../views/messages/index.js';

export { SESSION_COOKIE } from '../security/session-cookie.js';

/** Resolves the caller from a Bearer token or the session cookie; never rejects on its own. */
export const identify = createMiddleware<AppEnv>(async (c, next) => {
  const db = c.get('db');
  c.set('user', null);
  c.set('sessionHash', null);
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    // A malformed or unknown token is refused outright rather than silently falling back to a cookie.
    const user = match?.[1] ? await userByTokenHash(db, hashSecret(match[1])) : null;
    if (!user) throw unauthorized(m.errors.badToken);
    c.set('user', user);
    return next();
  }
  const cookie = readSessionCookie(c);
  if (cookie) {
    const hash = hashSecret(cookie);
    const user = await userBySessionHash(db, hash, nowIso());
    if (user) {
      c.set('user', user);
      c.set('sessionHash', hash);
    }
  }
  return next();
});

/** For API routes: 401 in API.md's shape when nobody is signed in. */
export const requireApiUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('user')) throw unauthorized();
  return next();
});

/** For pages: send the visitor to sign in, then back where they were going. */
export const requirePageUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('user')) {
    const url = new URL(c.req.url);
    const back = encodeURIComponent(url.pathname + url.search);
    return c.redirect(`/login?next=${back}`, 303);
  }
  return next();
});
