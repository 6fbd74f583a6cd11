import { createMiddleware } from 'hono/factory';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { withLocale } from '../i18n/current.js';
import { chooseLocale, LANG_COOKIE } from '../i18n/choose.js';

/**
 * Answers the rest of the request in the visitor's language (issue 16): everything downstream —
 * pages, errors, validation messages, exports, mail written now — reads it from there (ADR 034).
 * `Content-Language` says which one it was; `Vary` keeps caches from mixing them.
 */
export const locale = createMiddleware<AppEnv>(async (c, next) => {
  const lang = chooseLocale(getCookie(c, LANG_COOKIE), c.req.query('lang'), c.req.header('accept-language'));
  await withLocale(lang, () => next());
  c.header('Content-Language', lang);
  c.header('Vary', 'Accept-Language, Cookie', { append: true });
});
