import { afterAll, beforeAll, expect, test } from 'vitest';
import { Migrator, sql } from 'kysely';
import { openSqlite, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';

// Migration 006 rebuilds scores and score_cells keyed by cell (ADR 009). A database that already
// holds scores must come out with every row, version and aggregate as it was, and with the count
// triggers of migration 005 still counting.

let db: Db;
beforeAll(async () => {
  db = openSqlite(':memory:');
  await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('005_read_paths');
  await sql`insert into teams (id, name, created_at) values (1, 'T', 'now')`.execute(db);
  await sql`insert into users (id, email, name, created_at) values (1, 'a@x.test', 'A', 'now'), (2, 'b@x.test', 'B', 'now')`.execute(db);
  await sql`insert into evaluations (id, team_id, name, template, created_at, updated_at, cells_version) values (1, 1, 'E', 'blank', 'now', 'now', 7)`.execute(db);
  await sql`insert into criteria (id, evaluation_id, name, kind, created_at) values (1, 1, 'C1', 'scored', 'now'), (2, 1, 'C2', 'scored', 'now')`.execute(db);
  await sql`insert into vendors (id, evaluation_id, name, name_key, created_at, updated_at) values (1, 1, 'V1', 'v1', 'now', 'now'), (2, 1, 'V2', 'v2', 'now', 'now')`.execute(db);
  await sql`insert into scores (evaluation_id, vendor_id, criterion_id, evaluator_id, value, comment, abstain_reason, version, updated_at) values
    (1, 2, 1, 1, 4, 'good', null, 3, 't1'), (1, 1, 1, 2, null, '', 'conflict', 1, 't2'), (1, 1, 1, 1, 2.5, '', null, 2, 't3'), (1, 1, 2, 1, 0, '', null, 1, 't4')`.execute(db);
  await sql`insert into score_cells (evaluation_id, vendor_id, criterion_id, n, sum, min, max, pass, fail, na, consensus, consensus_rationale, seq) values
    (1, 1, 1, 1, 2.5, 2.5, 2.5, 0, 0, 1, 3, 'agreed', 7), (1, 2, 1, 1, 4, 4, 4, 0, 0, 0, null, null, 6), (1, 1, 2, 1, 0, 0, 0, 0, 1, 0, null, null, 5)`.execute(db);
  await migrateToLatest(db);
});
afterAll(() => db.destroy());

test('every score keeps its value, comment, abstention, version and time; no id any more', async () => {
  const rows = await db.selectFrom('scores').selectAll().orderBy('vendor_id').orderBy('criterion_id').orderBy('evaluator_id').execute();
  expect(rows).toEqual([
    { evaluation_id: 1, vendor_id: 1, criterion_id: 1, evaluator_id: 1, value: 2.5, comment: '', abstain_reason: null, version: 2, updated_at: 't3' },
    { evaluation_id: 1, vendor_id: 1, criterion_id: 1, evaluator_id: 2, value: null, comment: '', abstain_reason: 'conflict', version: 1, updated_at: 't2' },
    { evaluation_id: 1, vendor_id: 1, criterion_id: 2, evaluator_id: 1, value: 0, comment: '', abstain_reason: null, version: 1, updated_at: 't4' },
    { evaluation_id: 1, vendor_id: 2, criterion_id: 1, evaluator_id: 1, value: 4, comment: 'good', abstain_reason: null, version: 3, updated_at: 't1' },
  ]);
});

test('every cell aggregate and consensus survives; seq is gone, the change log is there and empty', async () => {
  const cells = await db.selectFrom('score_cells').selectAll().orderBy('vendor_id').orderBy('criterion_id').execute();
  expect(cells.map((c) => [c.vendor_id, c.criterion_id, c.n, c.sum, c.na, c.fail, c.consensus, c.consensus_rationale])).toEqual([
    [1, 1, 1, 2.5, 1, 0, 3, 'agreed'], [1, 2, 1, 0, 0, 1, null, null], [2, 1, 1, 4, 0, 0, null, null],
  ]);
  expect(cells[0]).not.toHaveProperty('seq');
  expect(await db.selectFrom('score_cell_changes').selectAll().execute()).toEqual([]);
});

test('the count triggers still count, and a second score for the same cell and evaluator is refused', async () => {
  const count = async () => (await db.selectFrom('score_counts').select('n').where('evaluator_id', '=', 2).where('criterion_id', '=', 2).executeTakeFirst())?.n ?? 0;
  expect(await count()).toBe(0);
  await db.insertInto('scores').values({ evaluation_id: 1, vendor_id: 2, criterion_id: 2, evaluator_id: 2, value: 1, updated_at: 'now' }).execute();
  expect(await count()).toBe(1);
  await expect(db.insertInto('scores').values({ evaluation_id: 1, vendor_id: 2, criterion_id: 2, evaluator_id: 2, value: 5, updated_at: 'now' }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/i);
  await db.deleteFrom('scores').where('vendor_id', '=', 2).where('criterion_id', '=', 2).where('evaluator_id', '=', 2).execute();
  expect(await count()).toBe(0);
});

test('a cell\'s scores and the cell itself are found by key, not through another index', async () => {
  const plan = async (q: string) => (await sql.raw<{ detail: string }>(`explain query plan ${q}`).execute(db)).rows.map((r) => r.detail).join(' | ');
  expect(await plan('select value from scores where vendor_id = 1 and criterion_id = 1')).toMatch(/USING PRIMARY KEY \(vendor_id=\? AND criterion_id=\?\)/);
  expect(await plan('select n from score_cells where vendor_id = 1 and criterion_id = 1')).toMatch(/USING PRIMARY KEY \(vendor_id=\? AND criterion_id=\?\)/);
});

test('stopped halfway, the migration leaves the database as it was', async () => {
  const half = openSqlite(':memory:');
  await new Migrator({ db: half, provider: { getMigrations: async () => migrations } }).migrateTo('005_read_paths');
  await sql`insert into teams (id, name, created_at) values (1, 'T', 'now')`.execute(half);
  await sql`insert into users (id, email, name, created_at) values (1, 'a@x.test', 'A', 'now')`.execute(half);
  await sql`insert into evaluations (id, team_id, name, template, created_at, updated_at) values (1, 1, 'E', 'blank', 'now', 'now')`.execute(half);
  await sql`insert into criteria (id, evaluation_id, name, kind, created_at) values (1, 1, 'C1', 'scored', 'now')`.execute(half);
  await sql`insert into vendors (id, evaluation_id, name, name_key, created_at, updated_at) values (1, 1, 'V1', 'v1', 'now', 'now')`.execute(half);
  await sql`insert into scores (evaluation_id, vendor_id, criterion_id, evaluator_id, value, version, updated_at) values (1, 1, 1, 1, 3, 4, 't')`.execute(half);
  // Something in the way of the last steps: the tables are rebuilt first, then this fails.
  await sql`create table score_cell_changes (x integer)`.execute(half);
  await expect(migrateToLatest(half)).rejects.toThrow(/006_write_paths/);
  const rows = await sql<{ id: number; value: number; version: number }>`select id, value, version from scores`.execute(half);
  expect(rows.rows).toEqual([{ id: 1, value: 3, version: 4 }]);
  const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' order by name`.execute(half);
  expect(triggers.rows.map((t) => t.name)).toEqual(['score_counts_delete', 'score_counts_insert']);
  await half.destroy();
});

test('down and up again: the scores survive both ways, with an id while at 005', async () => {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const before = await db.selectFrom('scores').selectAll().orderBy('vendor_id').orderBy('criterion_id').orderBy('evaluator_id').execute();
  const down = await migrator.migrateTo('005_read_paths');
  expect(down.error).toBeUndefined();
  const at005 = await sql<{ id: number; value: number | null }>`select id, value from scores order by vendor_id, criterion_id, evaluator_id`.execute(db);
  expect(at005.rows.map((r) => r.value)).toEqual(before.map((r) => r.value));
  expect(at005.rows.every((r) => Number.isInteger(r.id))).toBe(true);
  await migrateToLatest(db);
  expect(await db.selectFrom('scores').selectAll().orderBy('vendor_id').orderBy('criterion_id').orderBy('evaluator_id').execute()).toEqual(before);
});
