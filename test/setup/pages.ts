import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { signupUser, type TestApp } from './app.js';

/** hono/csrf compares Origin with the request URL's origin, so page requests use absolute localhost URLs. */
export const ORIGIN = 'http://localhost';
export const FORM = 'application/x-www-form-urlencoded';

/** The session cookie pair (`cxb_session=…`) from a response's Set-Cookie, or null. */
export const sessionCookieOf = (res: Response): string | null => /cxb_session=[^;,]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? null;

/** A page GET as a browser sends it (cookie optional). */
export const pageGet = (app: TestApp, cookie: string | null, path: string, headers: Record<string, string> = {}) =>
  app.request(`${ORIGIN}${path}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });

/** A form POST from our own pages: urlencoded body and a same-origin Origin header (overridable). */
export const pagePost = (app: TestApp, cookie: string | null, path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': FORM, ...(cookie ? { cookie } : {}), ...headers },
    body: new URLSearchParams(form).toString(),
  });

/** Signs in through the HTML form and returns the session cookie pair; asserts the 303. */
export async function formLogin(app: TestApp, email: string, password: string, next = '/'): Promise<string> {
  const res = await pagePost(app, null, '/login', { email, password, next });
  expect(res.status, await res.clone().text()).toBe(303);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** Someone new, signed up over the API and signed in through the form: their API token and session cookie. */
export async function signedInUser(app: TestApp, email: string, password = 'correct-horse-battery'): Promise<{ token: string; cookie: string }> {
  const { token } = await signupUser(app, { email, password });
  return { token, cookie: await formLogin(app, email, password) };
}

/** The value part of a `name=value` cookie pair. */
export const cookieValue = (pair: string): string => pair.slice(pair.indexOf('=') + 1);

/** How sessions and tokens are stored: SHA-256 hex of the secret. */
export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Escapes text the way hono/jsx does in text and attribute values, so assertions can use message strings. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Every `<input … name="x" … value="y">` of a page, by name (the last one wins). */
export function inputValues(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of html.match(/<input\b[^>]*>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name === undefined) continue;
    out[name] = /\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '';
  }
  return out;
}

/** The whole `<form … id="…">…</form>` element with that id, or null. */
export function formById(html: string, id: string): string | null {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return null;
  const open = html.lastIndexOf('<form', start);
  const close = html.indexOf('</form>', start);
  return open < 0 || close < 0 ? null : html.slice(open, close + '</form>'.length);
}
