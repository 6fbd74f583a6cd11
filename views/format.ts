import { currentLocale } from '../server/i18n/current.js';

/**
 * Numbers and times as the request's language writes them (issue 16): `12.5` in English,
 * `12,5` in German, Dutch and Polish. Formatters are made once per language and kept.
 */
const cache = new Map<string, Intl.NumberFormat>();
const numberFormat = (options: Intl.NumberFormatOptions, key: string): Intl.NumberFormat => {
  const id = `${currentLocale()}:${key}`;
  let f = cache.get(id);
  if (!f) cache.set(id, (f = new Intl.NumberFormat(currentLocale(), options)));
  return f;
};

/** Points out of 100 with one decimal, the way totals are shown everywhere. */
export const points = (x: number): string => numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }, 'points').format(Math.round(x * 10) / 10);

/** A 0–1 share as a whole percentage, or with one decimal when small. */
export const percent = (x: number): string => {
  const p = x * 100;
  const small = p > 0 && p < 10;
  return numberFormat({ style: 'percent', minimumFractionDigits: small ? 1 : 0, maximumFractionDigits: small ? 1 : 0 }, small ? 'pct1' : 'pct0').format(small ? Math.round(p * 10) / 1000 : Math.round(p) / 100);
};

/** A figure with exactly `digits` decimals and no grouping, in the language's decimal mark: 0.6430 / 0,6430 (the working, the method check). */
export const fixed = (x: number, digits: number): string => numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }, `fixed${digits}`).format(x);

/** A plain number with the language's grouping and decimal mark: 14,000 / 14.000 / 14 000. */
export const num = (x: number, maxFractionDigits = 2): string => numberFormat({ maximumFractionDigits: maxFractionDigits }, `num${maxFractionDigits}`).format(x);

/** An ISO-8601 UTC time as people read it: "2025-03-14 09:30 UTC" in English, "14.03.2025, 09:30 UTC" in German. */
export const when = (iso: string): string => {
  const locale = currentLocale();
  if (locale === 'en') return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d)} UTC`;
};

/** A count with its noun in the right number: count(1, 'vendor') → "1 vendor", count(3, 'criterion', 'criteria') → "3 criteria". English only: translated text uses ICU plurals instead (issue 16). */
export const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The day of an ISO-8601 UTC time: "2025-03-14" in English, "14.03.2025" in German (issue 16). */
export const day = (iso: string): string => {
  const locale = currentLocale();
  if (locale === 'en') return iso.slice(0, 10);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
};
