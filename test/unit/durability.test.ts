import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openSqlite, sqliteOf, synchronousOf } from '../../db/client.js';

// Issue 15, promise 2: an answered write survives a power cut, so the WAL is fsynced at every commit.
const dir = mkdtempSync(join(tmpdir(), 'cxbench-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a database file opens in WAL mode with synchronous = FULL (2); the bench can still ask NORMAL (1)', async () => {
  const db = openSqlite(join(dir, 'full.db'));
  const sqlite = sqliteOf(db)!;
  expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(synchronousOf(sqlite)).toBe(2);
  await db.destroy();
  const normal = openSqlite(join(dir, 'normal.db'), { synchronous: 'NORMAL' });
  expect(synchronousOf(sqliteOf(normal)!)).toBe(1);
  await normal.destroy();
});
