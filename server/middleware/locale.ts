import { createMiddleware } from 'hono/factory';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { withLocale } from '../i18n/current.js';
import { chooseLocale, LANG_COOKIE } from '../i18n/choose.js';
import { isLocale } from '../i18n/locales.js';

const YEAR = 365 * 86_400;

/**
 * Answers the rest of the request in the visitor's language (issue 16): everything downstream —
 * pages, errors, validation messages, exports, mail written now — reads it from there (ADR 034).
 * `Content-Language` says which one it was; `Vary` keeps caches from mixing them. A link that
 * carries `lang` (an invitation, a vote link) and finds no pick yet remembers its language, so the
 * pages after it (a redirect, the next click) stay in it until the person picks another.
 */
export const locale = createMiddleware<AppEnv>(async (c, next) => {
  const picked = getCookie(c, LANG_COOKIE);
  const hint = c.req.query('lang');
  const lang = chooseLocale(picked, hint, c.req.header('accept-language'));
  await withLocale(lang, () => next());
  c.header('Content-Language', lang);
  c.header('Vary', 'Accept-Language, Cookie', { append: true });
  if (!isLocale(picked) && isLocale(hint)) setCookie(c, LANG_COOKIE, hint, { path: '/', sameSite: 'Lax', maxAge: YEAR, secure: c.get('env')?.COOKIE_SECURE === '1' });
});
