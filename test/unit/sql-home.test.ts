import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { sourceFiles } from '../setup/source-files.js';


const ROOT = join(import.meta.dirname, '..', '..');
/** Where code lives that must leave SQL to db/ (scripts/ once it exists). */
const SCANNED = ['server', 'views', 'seeds', 'scripts'];
/** A statement that touches the database: a Kysely builder, a raw sql`…` template, or a prepared statement. */
const STATEMENT = /\.(selectFrom|insertInto|updateTable|deleteFrom|prepare)\(|\bsql`/;

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
  const stray = statementsOutsideDb().map((s) => s.line);
  expect(stray, `SQL belongs in db/queries/<resource>.ts:\n${stray.join('\n')}`).toEqual([]);
});

test('the scan sees a statement where there is one', () => {
  expect(STATEMENT.test("await db.selectFrom('users')")).toBe(true);
  expect(STATEMENT.test('await sql`analyze`.execute(db)')).toBe(true);
  expect(STATEMENT.test('sqlite.prepare(source)')).toBe(true);
  expect(STATEMENT.test('const selectFromList = 1')).toBe(false);
});
