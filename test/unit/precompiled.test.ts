import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSqlite, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { precompiled } from '../../db/precompiled.js';

let db: Db;
beforeAll(async () => {
  db = openSqlite(':memory:');
  await migrateToLatest(db);
  const at = new Date().toISOString();
  await db.insertInto('teams').values([{ name: 'One', created_at: at }, { name: 'Two', created_at: at }]).execute();
});
afterAll(() => db.destroy());

test('compiled once, then run with other values: each call answers for its own arguments', async () => {
  const byName = precompiled((d, name: string) => d.selectFrom('teams').select('id').where('name', '=', name));
  expect((await byName(db, 'One')).length).toBe(1);
  const two = await byName(db, 'Two');
  expect(two).toHaveLength(1);
  expect(two[0]!.id).not.toBe((await byName(db, 'One'))[0]!.id);
  expect(await byName(db, 'Three')).toEqual([]);
});

test('a query that binds something other than its arguments, in order, is refused on first use', async () => {
  const limited = precompiled((d, name: string) => d.selectFrom('teams').select('id').where('name', '=', name).limit(1));
  await expect(limited(db, 'One')).rejects.toThrow(/bind its arguments once each, in order/);
  const swapped = precompiled((d, a: string, b: string) => d.selectFrom('teams').select('id').where('name', '=', b).where('name', '=', a));
  await expect(swapped(db, 'One', 'Two')).rejects.toThrow(/in order/);
});

test('a first call whose arguments are equal cannot show their order: it runs as built, and the next call decides', async () => {
  const ids = (await db.selectFrom('teams').select('id').orderBy('id').execute()).map((t) => t.id);
  const between = precompiled((d, low: number, high: number) => d.selectFrom('teams').select('id').where('id', '>=', low).where('id', '<=', high));
  expect((await between(db, ids[0]!, ids[0]!)).map((r) => r.id)).toEqual([ids[0]]);
  expect((await between(db, ids[0]!, ids[1]!)).map((r) => r.id)).toEqual(ids.slice(0, 2));
  expect((await between(db, ids[1]!, ids[1]!)).map((r) => r.id)).toEqual([ids[1]]);
  const reversed = precompiled((d, low: number, high: number) => d.selectFrom('teams').select('id').where('id', '<=', high).where('id', '>=', low));
  expect((await reversed(db, ids[0]!, ids[0]!)).map((r) => r.id)).toEqual([ids[0]]);
  await expect(reversed(db, ids[0]!, ids[1]!)).rejects.toThrow(/in order/);
});
