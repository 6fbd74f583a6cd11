import { expect, test } from 'vitest';
import { makeTestApp, signupUser, createEvaluation } from '../setup/app.js';
import { sqliteOf } from '../../db/client.js';
import { insertVendors, vendorCountOf } from '../../db/queries/vendors.js';
import { nowIso } from '../../server/time.js';

// An import writes its new vendors through the better-sqlite3 handle under its Kysely transaction
// (ADR 049): those rows are part of the transaction, so a failure after them leaves nothing behind,
// and the handle is refused outside a transaction, where a row could land in another request's.

const vendor = (name: string) => ({ name, website: '', category: '', description: '', price: null });

test('vendors inserted through the SQLite handle go when their transaction rolls back', async () => {
  const { app, db } = await makeTestApp();
  const owner = await signupUser(app);
  const id = Number(await createEvaluation(app, owner.token, { template: 'blank' }));
  const sqlite = sqliteOf(db);
  expect(sqlite).toBeDefined();

  await expect(db.transaction().execute(async (trx) => {
    expect(await insertVendors(trx, id, [vendor('Alpha'), vendor('Beta'), vendor(' alpha ')], nowIso(), sqlite)).toBe(2);
    expect(await vendorCountOf(trx, id)).toBe(2);
    throw new Error('the import failed after its inserts');
  })).rejects.toThrow('after its inserts');
  expect(await vendorCountOf(db, id)).toBe(0);

  await expect(insertVendors(db, id, [vendor('Gamma')], nowIso(), sqlite)).rejects.toThrow('inside a transaction');
  expect(await vendorCountOf(db, id)).toBe(0);
  expect(await db.transaction().execute((trx) => insertVendors(trx, id, [vendor('Gamma')], nowIso(), sqlite))).toBe(1);
  expect(await vendorCountOf(db, id)).toBe(1);
});
