/** The languages cxbench speaks (issue 16). English is the source every catalogue is checked against. */
export const LOCALES = ['en', 'de', 'nl', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, as a switcher shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', de: 'Deutsch', nl: 'Nederlands', pl: 'Polski' };

export const isLocale = (x: unknown): x is Locale => typeof x === 'string' && (LOCALES as readonly string[]).includes(x);

/**
 * The best of our languages for an `Accept-Language` header (RFC 9110 §12.5.4): highest q first,
 * a region ignored (`de-AT` is German), `*` and unknown tags skipped; English when nothing fits.
 */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .split(',')
    .slice(0, 20) // a hostile header cannot make this loop long
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((w) => w.weight > 0 && isLocale(w.lang))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return (wanted[0]?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
}

/** Whether a language writes decimals with a comma (de, nl, pl): CSV exports then separate with `;`. */
export const usesDecimalComma = (locale: Locale): boolean => new Intl.NumberFormat(locale).format(1.5).includes(',');
