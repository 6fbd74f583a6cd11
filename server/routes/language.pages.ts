import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { formFields } from '../forms.js';
import { LanguageSchema } from '../schemas/language.js';
import { LANG_COOKIE } from '../i18n/choose.js';
import { setUserLocale } from '../../db/queries/users.js';
import { badRequest } from '../errors.js';
import { m } from '../../views/messages/index.js';

const YEAR = 365 * 86_400;

/**
 * POST /language: the switcher on every page. Remembers the pick in a cookie (and on the account,
 * for mail written while the person is away) and goes back to the page it came from (its `back`
 * field, else its same-origin Referer — Referrer-Policy is same-origin — else home). A preference,
 * not part of any evaluation's record, so it leaves no audit entry.
 */
export const languagePages = new Hono<AppEnv>().post('/', async (c) => {
  const parsed = LanguageSchema.safeParse(await formFields(c));
  if (!parsed.success) throw badRequest(m.language.refused, { lang: m.language.refused });
  const { lang } = parsed.data;
  const back = parsed.data.back ?? sameSiteReferer(c.req.header('referer'), c.req.url);
  setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: YEAR, secure: c.get('env').COOKIE_SECURE === '1' });
  const user = c.get('user');
  if (user) await setUserLocale(c.get('db'), user.id, lang);
  return c.redirect(back ?? '/', 303);
});

/** The path and query of a Referer on this same origin, or undefined. */
function sameSiteReferer(referer: string | undefined, self: string): string | undefined {
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    return from.origin === new URL(self).origin ? `${from.pathname}${from.search}` : undefined;
  } catch {
    return undefined;
  }
}
