import { isLocale, negotiateLocale, type Locale } from './locales.js';

/** The cookie that remembers a visitor's pick from the language switcher. */
export const LANG_COOKIE = 'cxb_lang';

/**
 * Whose language a request is answered in: the visitor's own pick (cookie) first; then a `lang`
 * in the address, which invitation and vote links carry from whoever sent them, until the person
 * picks; then the browser's `Accept-Language`; else English.
 */
export function chooseLocale(cookie: string | undefined, hint: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  if (isLocale(hint)) return hint;
  return negotiateLocale(acceptLanguage);
}
