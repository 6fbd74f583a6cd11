import { z } from 'zod';
import { currentLocale } from './current.js';
import type { Locale } from './locales.js';

/**
 * Zod's own messages (for a check whose schema names none) in the request's language (issue 16).
 * zod keeps one global error map; this one asks `currentLocale()` at the moment an issue is
 * reported, which is inside the request, and hands it to zod's bundled locale for that language.
 * A schema's own `error` still wins (zod asks it first), so our messages (m.validation) are used
 * wherever a schema gives one.
 */
const maps: Readonly<Record<Locale, z.core.$ZodErrorMap>> = {
  en: z.locales.en().localeError,
  de: z.locales.de().localeError,
  nl: z.locales.nl().localeError,
  pl: z.locales.pl().localeError,
};

const localeError: z.core.$ZodErrorMap = (issue) => maps[currentLocale()](issue);

/** Installs the map once; imported for its effect by server/app.ts (and safe to call again). */
export function installZodLocale(): void {
  z.config({ localeError });
}

installZodLocale();
