import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { sourceFiles } from '../setup/source-files.js';

// docs/architecture.md: `domain/` imports neither Hono, Kysely, the database nor views, so a rule or a
// calculation there can be used by every caller (a page, the API, a pool thread, a test) and says
// nothing in any language. Words are made by the reader: views/messages, server/audit-sentences,
// views/must-have-reasons.ts.

const ROOT = join(import.meta.dirname, '..', '..');
const DOMAIN = join(ROOT, 'server', 'domain');
/** Every module a file names: `from '…'` (import and export), a bare `import '…'`, and `import('…')`. */
const SPECIFIER = /\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
/** Packages of the HTTP and database layers. */
const PACKAGE = /^(hono|@hono\/|kysely|better-sqlite3|pg)(\/|$)/;
/** Folders of the outer layers, from the repository's root; the language (server/i18n) is the reader's, too. */
const LAYERS = ['db', 'views', 'server/routes', 'server/middleware', 'server/services', 'server/read-models', 'server/i18n', 'server/audit-sentences'];

/** Why `specifier`, imported by `file`, does not belong in the domain; null when it does. */
function impurity(file: string, specifier: string): string | null {
  if (PACKAGE.test(specifier)) return `package ${specifier}`;
  if (!specifier.startsWith('.')) return null;
  const target = relative(ROOT, resolve(dirname(file), specifier)).split('\\').join('/');
  const layer = LAYERS.find((l) => target === l || target.startsWith(`${l}/`));
  return layer ? `${layer}/` : null;
}

/** Every file:import under server/domain that reaches an outer layer. */
function impureImports(): string[] {
  return sourceFiles(DOMAIN).flatMap((file) => {
    const rel = relative(ROOT, file).split('\\').join('/');
    return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].flatMap((m) => {
      const specifier = m[1] ?? m[2] ?? m[3] ?? '';
      const why = impurity(file, specifier);
      return why ? [`${rel}: '${specifier}' (${why})`] : [];
    });
  });
}

test('server/domain imports no Hono, Kysely, database, views, language or other outer layer', () => {
  const found = impureImports();
  expect(found, `server/domain returns codes and values; phrasing and I/O live outside it:\n${found.join('\n')}`).toEqual([]);
});

test('the scan sees an outer import where there is one', () => {
  const file = join(DOMAIN, 'audit', 'example.ts');
  expect(impurity(file, '../../../views/messages/index.js')).toBe('views/');
  expect(impurity(join(DOMAIN, 'ranking.ts'), '../../db/queries/scores.js')).toBe('db/');
  expect(impurity(join(DOMAIN, 'ranking.ts'), '../i18n/current.js')).toBe('server/i18n/');
  expect(impurity(file, 'hono')).toBe('package hono');
  expect(impurity(file, 'hono/jsx')).toBe('package hono/jsx');
  expect(impurity(file, 'kysely')).toBe('package kysely');
  expect(impurity(file, './facts.js')).toBeNull();
  expect(impurity(file, '../cost-formula.js')).toBeNull();
  expect(impurity(file, 'csv-parse/sync')).toBeNull();
  expect(impurity(file, 'honorific')).toBeNull();
  const named = (text: string) => [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3]);
  expect(named("import { m } from '../../views/messages/index.js';\nexport type { X } from './x.js';\nimport './side.js';\nconst y = await import('kysely');"))
    .toEqual(['../../views/messages/index.js', './x.js', './side.js', 'kysely']);
});
