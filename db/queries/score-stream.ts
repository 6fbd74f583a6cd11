import type SQLite from 'better-sqlite3';
import { sqliteOf, type Db } from '../client.js';

// Whole-evaluation reads of the scores, for the statistics that need every evaluator's value
// (Kendall's W). A landscape-sized evaluation has millions of scores: made into row objects they
// took seconds and gigabytes, so these are read as raw rows, vendor by vendor along the key.

const statements = new WeakMap<SQLite.Database, SQLite.Statement>();

/**
 * Calls `each(vendorId, criterionId, evaluatorId, value)` for every score of the evaluation that
 * has a value (N/A and abstentions left out), holding the connection while it reads.
 */
export async function forEachScoreValue(db: Db, evaluationId: number, each: (vendorId: number, criterionId: number, evaluatorId: number, value: number) => void): Promise<void> {
  const sqlite = sqliteOf(db);
  if (!sqlite) return forEachScoreValueOf(db, evaluationId, each);
  let st = statements.get(sqlite);
  if (!st) {
    // Its own statement, not the shared cache's: raw mode belongs to the statement.
    st = sqlite.prepare(`select s.vendor_id, s.criterion_id, s.evaluator_id, s.value from vendors v
      join scores s on s.vendor_id = v.id where v.evaluation_id = ? and s.value is not null`).raw(true);
    statements.set(sqlite, st);
  }
  const statement = st;
  await db.connection().execute(async () => {
    for (const r of statement.iterate(evaluationId) as IterableIterator<[number, number, number, number]>) each(r[0], r[1], r[2], r[3]);
  });
}

/**
 * The same read through Kysely, for PostgreSQL (issue 13) or a transaction: the rows come as one
 * result; the landscape's millions would want a cursor (issue 13, point 5).
 */
async function forEachScoreValueOf(db: Db, evaluationId: number, each: (vendorId: number, criterionId: number, evaluatorId: number, value: number) => void): Promise<void> {
  const rows = await db.selectFrom('vendors as v').innerJoin('scores as s', 's.vendor_id', 'v.id')
    .select(['s.vendor_id', 's.criterion_id', 's.evaluator_id', 's.value'])
    .where('v.evaluation_id', '=', evaluationId).where('s.value', 'is not', null).execute();
  for (const r of rows) each(r.vendor_id, r.criterion_id, r.evaluator_id, r.value!);
}
