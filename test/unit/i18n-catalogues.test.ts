import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCatalogues, argumentsOf } from '../../server/i18n/catalogue-check.js';
import { sourceMessages } from '../../views/messages/icu.js';
import { messageSource } from '../../views/messages/index.js';
import { LOCALES } from '../../server/i18n/locales.js';

// Issue 16, item 3: every key in every language, the same placeholders, every plural form the
// language has (Polish: one, few, many, other), and no message nobody shows.
const problems = checkCatalogues();

describe('message catalogues', () => {
  test('every source message is a string or icu(…), so it can be translated', () => {
    expect(problems.functions).toEqual([]);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    test(`${locale}: every key present, none extra`, () => {
      expect({ missing: problems.byLocale[locale]!.missing, extra: problems.byLocale[locale]!.extra }).toEqual({ missing: [], extra: [] });
    });
    test(`${locale}: the same placeholders as English, ICU that parses, every plural category`, () => {
      const p = problems.byLocale[locale]!;
      expect({ placeholders: p.placeholders, broken: p.broken, plurals: p.plurals }).toEqual({ placeholders: [], broken: [], plurals: [] });
    });
  }

  test('the checker itself sees placeholders and plural branches', () => {
    const found = argumentsOf('{n, plural, one {# Anbieter von {who}} other {# Anbieter}} {s, select, yes {ja} other {nein}}');
    expect([...found.args].sort()).toEqual(['n', 's', 'who']);
    expect(found.plurals).toEqual([{ arg: 'n', keys: ['one', 'other'] }]);
    expect(new Intl.PluralRules('pl').resolvedOptions().pluralCategories).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
  });

  test('no unused keys: each message’s name is read somewhere outside the catalogue', () => {
    // Static, so deliberately generous: a key counts as used when its last name is read as a
    // property anywhere in the code (`.title`), or its parent is indexed (`m.status[s]`). It still
    // catches a message left behind when its page changed.
    const code = sourceFiles(['server', 'views', 'db', 'seeds']).filter((f) => !f.includes(join('views', 'messages'))).map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = [...sourceMessages(messageSource).keys()].filter((key) => {
      const parts = key.split('.').filter((p) => !/^\d+$/.test(p));
      const last = parts.at(-1)!;
      const parent = parts.at(-2);
      const read = new RegExp(`\\.${escape(last)}\\b|\\['${escape(last)}'\\]|\\b${escape(last)}\\s*[,}]`).test(code);
      const indexed = parent !== undefined && new RegExp(`\\.${escape(parent)}\\[|\\b${escape(parent)}\\)`).test(code);
      return !read && !indexed;
    });
    expect(unused).toEqual([]);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

function sourceFiles(dirs: string[]): string[] {
  return dirs.flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name)));
}
