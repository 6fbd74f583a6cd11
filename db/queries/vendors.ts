import type SQLite from 'better-sqlite3';
import type { Db } from '../client.js';
import type { NewVendor, Vendor, VendorsTable } from '../schema.js';
import type { Updateable } from 'kysely';
import { nextTurn } from '../../server/next-turn.js';

/** The key duplicate names are judged by: case and surrounding spaces do not make a new vendor. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/** What a vendor says about itself: the fields a person or a file can set. */
export interface VendorFields { name: string; website: string; category: string; description: string; price: number | null }

/** A vendor to add: a field left out is empty (no price: null), as a longlist line without that column. */
export type VendorInput = Pick<VendorFields, 'name'> & Partial<Omit<VendorFields, 'name'>>;

export async function vendorsOf(db: Db, evaluationId: number): Promise<Vendor[]> {
  return db.selectFrom('vendors').selectAll().where('evaluation_id', '=', evaluationId).orderBy('name_key').execute();
}

export async function vendorIn(db: Db, evaluationId: number, vendorId: number): Promise<Vendor | undefined> {
  return db.selectFrom('vendors').selectAll().where('evaluation_id', '=', evaluationId).where('id', '=', vendorId).executeTakeFirst();
}

export async function vendorByName(db: Db, evaluationId: number, name: string): Promise<Vendor | undefined> {
  return db.selectFrom('vendors').selectAll().where('evaluation_id', '=', evaluationId).where('name_key', '=', nameKey(name)).executeTakeFirst();
}

/** How many vendors the evaluation has, screened out or not. */
export async function vendorCountOf(db: Db, evaluationId: number): Promise<number> {
  const row = await db.selectFrom('vendors').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', evaluationId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The evaluation's vendor ids, in id order. */
export async function vendorIdsOf(db: Db, evaluationId: number): Promise<number[]> {
  return (await db.selectFrom('vendors').select('id').where('evaluation_id', '=', evaluationId).orderBy('id').execute()).map((v) => v.id);
}

/** Vendors read per page by `vendorsInRunning`, with a turn of the event loop between pages. */
const RUNNING_PAGE = 2000;

/** The vendors still in the running (not screened out), in id order: what a ranking ranks. */
export async function vendorsInRunning(db: Db, evaluationId: number): Promise<{ id: number; name: string; price: number | null }[]> {
  const all: { id: number; name: string; price: number | null }[] = [];
  for (let after = 0; ;) {
    // A withdrawn vendor keeps its scores but is out of the running, like a screened-out one (migration 007).
    const page = await db.selectFrom('vendors').select(['id', 'name', 'price']).where('evaluation_id', '=', evaluationId).where('screened_out', 'is', null).where('withdrawn_at', 'is', null)
      .where('id', '>', after).orderBy('id').limit(RUNNING_PAGE).execute();
    all.push(...page);
    if (page.length < RUNNING_PAGE) return all;
    after = page[page.length - 1]!.id;
    // Issue 15, promise 1: the landscape's 14,000 vendors in one read held the event loop for 20–30 ms.
    await nextTurn();
  }
}

/** Which of `ids` are vendors of the evaluation. */
export async function knownVendorIds(db: Db, evaluationId: number, ids: readonly number[]): Promise<Set<number>> {
  const found = new Set<number>();
  const unique = [...new Set(ids)];
  // Chunked so a 10,000-item batch stays under SQLite's bound-parameter limit.
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await db.selectFrom('vendors').select('id').where('evaluation_id', '=', evaluationId).where('id', 'in', unique.slice(i, i + 5000)).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

const newVendor = (evaluationId: number, v: VendorInput, at: string): NewVendor => ({
  evaluation_id: evaluationId, name: v.name, name_key: nameKey(v.name), website: v.website ?? '', category: v.category ?? '',
  description: v.description ?? '', price: v.price ?? null, screened_out: null, created_at: at, updated_at: at,
});

export async function insertVendor(db: Db, evaluationId: number, v: VendorFields, at: string): Promise<Vendor> {
  return db.insertInto('vendors').values(newVendor(evaluationId, v, at)).returningAll().executeTakeFirstOrThrow();
}

// 10 bound values per vendor row: SQLite allows 32,766 parameters and PostgreSQL 65,535. 250 rows is
// one statement of 2,500: on a database holding a landscape, 1,000 rows in one statement held the
// event loop for over 100 ms (better-sqlite3 is synchronous); 250 keep each step near 30 ms.
export const INSERT_CHUNK = 250;

/**
 * Inserts up to INSERT_CHUNK vendors; a name already in the evaluation (a concurrent import may have
 * added it) is skipped rather than failing the rest. Returns how many were inserted. With `sqlite`,
 * the better-sqlite3 handle under the caller's transaction (which holds the one connection, so
 * nothing else runs between), each row goes through one prepared statement: Kysely's multi-row
 * INSERT built and bound 2,500 values a chunk, 500–600 ms for the 78,000 rows of a 10 MB longlist
 * against 240 ms (issue 15, promise 4: an import within 3× of csv-parse).
 */
export async function insertVendors(db: Db, evaluationId: number, vendors: readonly VendorInput[], at: string, sqlite?: SQLite.Database): Promise<number> {
  if (vendors.length === 0) return 0;
  if (sqlite) {
    // Only under the caller's transaction, which holds the connection: run on the root Db, a raw
    // statement could land in another request's open transaction between its chunks.
    if (!db.isTransaction) throw new Error('insertVendors writes through the SQLite handle only inside a transaction.');
    const insert = insertStatementOf(sqlite);
    let inserted = 0;
    for (const v of vendors) inserted += insert.run(evaluationId, v.name, nameKey(v.name), v.website ?? '', v.category ?? '', v.description ?? '', v.price ?? null, at, at).changes;
    return inserted;
  }
  const res = await db
    .insertInto('vendors')
    .values(vendors.map((v) => newVendor(evaluationId, v, at)))
    .onConflict((oc) => oc.columns(['evaluation_id', 'name_key']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

const insertStatements = new WeakMap<SQLite.Database, SQLite.Statement>();
/** The one-row vendor INSERT of `newVendor`'s columns, prepared once per handle. */
function insertStatementOf(sqlite: SQLite.Database): SQLite.Statement {
  let st = insertStatements.get(sqlite);
  if (!st) {
    st = sqlite.prepare(`insert into vendors (evaluation_id, name, name_key, website, category, description, price, screened_out, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, null, ?, ?) on conflict (evaluation_id, name_key) do nothing`);
    insertStatements.set(sqlite, st);
  }
  return st;
}

/** Changes some of a vendor's fields (a new name gets its new key) and returns the vendor as it now is. */
export async function updateVendor(db: Db, evaluationId: number, vendorId: number, changes: Partial<VendorFields> & Pick<Updateable<VendorsTable>, 'screened_out'>, at: string): Promise<Vendor> {
  return db
    .updateTable('vendors')
    .set({ ...changes, ...(changes.name !== undefined ? { name_key: nameKey(changes.name) } : {}), updated_at: at })
    .where('evaluation_id', '=', evaluationId)
    .where('id', '=', vendorId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes a vendor with its scores and cells; returns how many scores went with it. */
export async function deleteVendor(db: Db, vendorId: number): Promise<number> {
  const scores = await db.selectFrom('scores').select((eb) => eb.fn.countAll<number>().as('n')).where('vendor_id', '=', vendorId).executeTakeFirst();
  await db.deleteFrom('score_cells').where('vendor_id', '=', vendorId).execute();
  await db.deleteFrom('scores').where('vendor_id', '=', vendorId).execute();
  await db.deleteFrom('vendors').where('id', '=', vendorId).execute();
  return Number(scores?.n ?? 0);
}

/** How many of the evaluation's vendors sort before this one (by name_key, then id); undefined if it does not exist. */
export async function vendorsBefore(db: Db, evaluationId: number, vendorId: number): Promise<number | undefined> {
  const v = await db.selectFrom('vendors').select(['name_key']).where('id', '=', vendorId).executeTakeFirst();
  if (!v) return undefined;
  const before = await db.selectFrom('vendors').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', evaluationId)
    .where((eb) => eb.or([eb('name_key', '<', v.name_key), eb.and([eb('name_key', '=', v.name_key), eb('id', '<', vendorId)])])).executeTakeFirst();
  return Number(before?.n ?? 0);
}

/** One page of the evaluation's vendors, by name_key then id. */
export function vendorsByName(db: Db, evaluationId: number, limit: number, offset: number) {
  return db.selectFrom('vendors').selectAll().where('evaluation_id', '=', evaluationId).orderBy('name_key').orderBy('id').limit(limit).offset(offset).execute();
}

/** The first `limit` vendors by name, for a select list. */
export function vendorChoiceList(db: Db, evaluationId: number, limit: number) {
  return db.selectFrom('vendors').select(['id', 'name']).where('evaluation_id', '=', evaluationId).orderBy('name_key').limit(limit).execute();
}

/** The id of the vendor whose normalised name is `key`. */
export async function vendorIdByNameKey(db: Db, evaluationId: number, key: string): Promise<number | undefined> {
  return (await db.selectFrom('vendors').select('id').where('evaluation_id', '=', evaluationId).where('name_key', '=', key).executeTakeFirst())?.id;
}

/** Names of these vendors (the review page's disagreement rows). */
export async function vendorNamesByIds(db: Db, vendorIds: number[]) {
  if (vendorIds.length === 0) return [];
  return db.selectFrom('vendors').select(['id', 'name']).where('id', 'in', vendorIds).execute();
}
