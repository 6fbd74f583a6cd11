import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { SESSION_DAYS } from '../services/accounts.js';

/** The session cookie's name over plain HTTP (development, tests): kept so existing sessions still read. */
export const SESSION_COOKIE = 'cxb_session';
/**
 * Behind HTTPS (COOKIE_SECURE=1) the cookie is `__Host-cxb_session`: browsers accept that name only
 * with Secure, Path=/ and no Domain, so a sibling subdomain cannot plant (toss) a session cookie on us.
 * In that mode the plain name is not read at all, or the prefix would protect nothing.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

const secureMode = (c: Context<AppEnv>) => c.get('env').COOKIE_SECURE === '1';

/** The cookie name in force for this app's mode. */
export function sessionCookieName(c: Context<AppEnv>): string {
  return secureMode(c) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session secret the browser sent, under the name in force. */
export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(c)) || undefined;
}

/** Hands the browser a new session secret: HttpOnly, SameSite=Lax, Secure and `__Host-` behind HTTPS. */
export function writeSessionCookie(c: Context<AppEnv>, secret: string): void {
  const secure = secureMode(c);
  setCookie(c, sessionCookieName(c), secret, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: SESSION_DAYS * 86_400 });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, sessionCookieName(c), { path: '/', secure: secureMode(c) });
}
