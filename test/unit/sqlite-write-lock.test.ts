import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { makeTestApp, signupUser, createEvaluation } from '../setup/app.js';
import { sqliteOf } from '../../db/client.js';
import { evaluationForMember } from '../../db/queries/evaluations.js';
import { vendorCountOf } from '../../db/queries/vendors.js';
import { importLonglist } from '../../server/services/vendor-import.js';

// On a database file another connection writes too (the score writer thread). A transaction that
// reads and then writes takes the write lock when it begins (db/client.ts maps Kysely's `begin` to
// `begin immediate`), so a commit by the other connection in between cannot fail it with "database
// is locked" (SQLITE_BUSY_SNAPSHOT, which the busy timeout does not wait out); the other waits.

test('a transaction that reads, then writes, is not failed by a commit in between: the other connection waits', async () => {
  const { app, db } = await makeTestApp({ file: true });
  const owner = await signupUser(app);
  const other = new Database(sqliteOf(db)!.name);
  other.pragma('busy_timeout = 50');
  let otherWrite = 'not tried';
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('users').select('name').where('id', '=', Number(owner.userId)).executeTakeFirstOrThrow();
    try {
      other.prepare("update users set name = name || '.' where id = ?").run(Number(owner.userId));
      otherWrite = 'committed';
    } catch (e) {
      otherWrite = (e as { code?: string }).code ?? String(e);
    }
    await trx.updateTable('users').set({ name: 'Renamed' }).where('id', '=', Number(owner.userId)).execute();
  });
  other.close();
  expect(otherWrite).toBe('SQLITE_BUSY');
  expect((await db.selectFrom('users').select('name').where('id', '=', Number(owner.userId)).executeTakeFirstOrThrow()).name).toBe('Renamed');
});

test('an import holds the write lock from its first read: another connection waits, the import is not failed', async () => {
  const { app, db } = await makeTestApp({ file: true });
  const owner = await signupUser(app);
  const id = Number(await createEvaluation(app, owner.token, { template: 'blank' }));
  const actor = { ...(await evaluationForMember(db, id, Number(owner.userId)))!, userId: Number(owner.userId) };
  const other = new Database(sqliteOf(db)!.name);
  other.pragma('busy_timeout = 50');
  let otherWrite = 'not tried';

  const result = await importLonglist(db, actor, 'name\nAlpha\nBeta\n', {
    // Called after the import has read the evaluation's vendors, before it writes any.
    onProgress: async () => {
      if (otherWrite !== 'not tried') return;
      try {
        other.prepare("update users set name = name || '.' where id = ?").run(Number(owner.userId));
        otherWrite = 'committed';
      } catch (e) {
        otherWrite = (e as { code?: string }).code ?? String(e);
      }
    },
  });
  other.close();
  expect(otherWrite).toBe('SQLITE_BUSY');
  expect(result.created).toBe(2);
  expect(await vendorCountOf(db, id)).toBe(2);
});
