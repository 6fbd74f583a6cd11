import { readdirSync, readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Locale } from './locales.js';
import { currentLocale } from './current.js';

/** Where the translations live: locales/<locale>/<area>.json, each a part of the message tree. */
export const LOCALES_DIR = new URL('../../locales/', import.meta.url);

export type CatalogueTree = { [key: string]: string | readonly string[] | CatalogueTree };

/** Flattens a message tree to `a.b.c` keys (array items as `a.b.0`). */
export function flatten(tree: CatalogueTree, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else if (Array.isArray(value)) value.forEach((v, i) => into.set(`${path}.${i}`, String(v)));
    else flatten(value as CatalogueTree, path, into);
  }
  return into;
}

/** Every JSON file of one language, merged; read once at start-up (also in worker threads). */
export function readCatalogue(locale: Locale): Map<string, string> {
  const dir = new URL(`${locale}/`, LOCALES_DIR);
  const into = new Map<string, string>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return into; // English has no directory: its text is the source in views/messages
  }
  for (const file of files) flatten(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as CatalogueTree, '', into);
  return into;
}

const catalogues = new Map<Locale, Map<string, string>>(LOCALES.map((l) => [l, readCatalogue(l)]));
const formats = new Map<string, IntlMessageFormat>();

export type MessageValues = Record<string, string | number>;

/**
 * One message in the current language: the catalogue's translation, or the English source when
 * a key has none (the catalogue test keeps that from reaching main). Messages with values are ICU
 * MessageFormat (plurals, selects, numbers through Intl); plain ones are returned as written.
 */
export function translate(key: string, english: string, values?: MessageValues): string {
  const locale = currentLocale();
  const text = locale === 'en' ? english : (catalogues.get(locale)?.get(key) ?? english);
  if (!values) return text;
  const id = `${locale}\u0000${key}\u0000${text}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(text, locale);
    formats.set(id, format);
  }
  return String(format.format(values));
}
