import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LOCALES, type Locale } from './locales.js';
import { readCatalogue } from './catalogues.js';
import { sourceMessages } from '../../views/messages/icu.js';
import { messageSource } from '../../views/messages/index.js';

/** What keeps the catalogues honest (issue 16), as `npm run i18n:check` prints it and the catalogue test asserts it. */
export interface CatalogueProblems {
  /** Source messages still written as TypeScript functions (untranslatable): they must be `icu(…)`. */
  functions: string[];
  byLocale: Record<string, { missing: string[]; extra: string[]; placeholders: string[]; plurals: string[]; broken: string[] }>;
}

/** Every argument a message uses, and every plural's categories, found anywhere in its tree. */
function walk(elements: MessageFormatElement[], args: Set<string>, plurals: Array<{ arg: string; keys: string[] }>): void {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) args.add(el.value);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      args.add(el.value);
      if (el.type === TYPE.plural && el.pluralType !== 'ordinal') plurals.push({ arg: el.value, keys: Object.keys(el.options) });
      for (const option of Object.values(el.options)) walk(option.value, args, plurals);
    }
    if (el.type === TYPE.tag) walk(el.children, args, plurals);
  }
}

export function argumentsOf(text: string): { args: Set<string>; plurals: Array<{ arg: string; keys: string[] }> } {
  const args = new Set<string>();
  const plurals: Array<{ arg: string; keys: string[] }> = [];
  walk(parse(text, { ignoreTag: true }), args, plurals);
  return { args, plurals };
}

const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

export function checkCatalogues(locales: readonly Locale[] = LOCALES.filter((l) => l !== 'en')): CatalogueProblems {
  const source = sourceMessages(messageSource);
  const problems: CatalogueProblems = { functions: [], byLocale: {} };
  for (const [key, msg] of source) if ('fn' in msg) problems.functions.push(key);
  for (const locale of locales) {
    const catalogue = readCatalogue(locale);
    const mine = { missing: [] as string[], extra: [] as string[], placeholders: [] as string[], plurals: [] as string[], broken: [] as string[] };
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    for (const [key, msg] of source) {
      if ('fn' in msg) continue;
      const text = catalogue.get(key);
      if (text === undefined) { mine.missing.push(key); continue; }
      if (!msg.icu) {
        // Plain messages are shown as written, so a brace in one would show up on the page.
        if (/\{[^}]*\}/.test(text) && !/\{[^}]*\}/.test(msg.text)) mine.placeholders.push(`${key}: a plain message with a {placeholder}`);
        continue;
      }
      let theirs;
      try {
        theirs = argumentsOf(text);
      } catch (err) {
        mine.broken.push(`${key}: ${(err as Error).message}`);
        continue;
      }
      const ours = argumentsOf(msg.text);
      if (!same(ours.args, theirs.args)) mine.placeholders.push(`${key}: {${[...ours.args].join(', ')}} in English, {${[...theirs.args].join(', ')}} in ${locale}`);
      for (const p of theirs.plurals) {
        const lacking = categories.filter((c) => !p.keys.includes(c));
        if (lacking.length) mine.plurals.push(`${key}: plural {${p.arg}} lacks ${lacking.join(', ')} (${locale} has ${categories.join(', ')})`);
      }
    }
    for (const key of catalogue.keys()) if (!source.has(key)) mine.extra.push(key);
    problems.byLocale[locale] = mine;
  }
  return problems;
}
