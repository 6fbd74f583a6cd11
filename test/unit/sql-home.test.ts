import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

/**
 * Files that still run SQL outside db/ while the routes are being restructured (issue 10): the
 * route helper's branch moves their statements into db/queries/. Emptied when the branches merge.
 * Only route files and server/app.ts may ever be listed here; nothing under server/services or seeds.
 */
const PENDING_ROUTE_FILES: readonly string[] = [
  'server/app.ts',
  'server/routes/api-voting.ts',
  'server/routes/pages-feedback.tsx',
  'server/routes/pages-overview.tsx',
  'server/routes/pages-panel.tsx',
  'server/routes/pages-ranking.tsx',
  'server/routes/pages-review.tsx',
  'server/routes/pages-scoring.tsx',
  'server/routes/pages-voting.tsx',
];

const ROOT = join(import.meta.dirname, '..', '..');
/** Where code lives that must leave SQL to db/ (scripts/ once it exists). */
const SCANNED = ['server', 'views', 'seeds', 'scripts'];
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;
/** A statement that touches the database: a Kysely builder, a raw sql`…` template, or a prepared statement. */
const STATEMENT = /\.(selectFrom|insertInto|updateTable|deleteFrom|prepare)\(|\bsql`/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return SOURCE.test(e.name) ? [path] : [];
  });
}

/** Every file:line outside db/ that holds a statement. */
function statementsOutsideDb(): { file: string; line: string }[] {
  const found: { file: string; line: string }[] = [];
  for (const file of SCANNED.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    const rel = relative(ROOT, file).split('\\').join('/');
    readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
      if (STATEMENT.test(text)) found.push({ file: rel, line: `${rel}:${i + 1}: ${text.trim()}` });
    });
  }
  return found;
}

test('every statement that touches the database lives under db/', () => {
  const stray = statementsOutsideDb().filter((s) => !PENDING_ROUTE_FILES.includes(s.file)).map((s) => s.line);
  expect(stray, `SQL belongs in db/queries/<resource>.ts:\n${stray.join('\n')}`).toEqual([]);
});

test('the pending list holds only route files and app.ts, each of which still has SQL to move', () => {
  for (const file of PENDING_ROUTE_FILES) expect(file === 'server/app.ts' || file.startsWith('server/routes/'), file).toBe(true);
  const withSql = new Set(statementsOutsideDb().map((s) => s.file));
  // A file the route helper has cleaned must leave the list, so the list never hides a newcomer.
  expect(PENDING_ROUTE_FILES.filter((f) => !withSql.has(f))).toEqual([]);
});

test('the scan sees a statement where there is one', () => {
  expect(STATEMENT.test("await db.selectFrom('users')")).toBe(true);
  expect(STATEMENT.test('await sql`analyze`.execute(db)')).toBe(true);
  expect(STATEMENT.test('sqlite.prepare(source)')).toBe(true);
  expect(STATEMENT.test('const selectFromList = 1')).toBe(false);
});
