import { z } from 'zod';
import { LOCALES } from '../i18n/locales.js';

/**
 * The language switcher's form. `back` must be a path on this site (one leading slash, no scheme,
 * no `//host`), so the switch cannot be used to send someone elsewhere; anything else goes home.
 */
export const LanguageSchema = z.object({
  lang: z.enum(LOCALES),
  back: z.string().max(2000).regex(/^\/(?![/\\])[^\s\\]*$/).optional().catch(undefined),
});
