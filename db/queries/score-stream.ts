import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { sqliteOf, type Db } from '../client.js';
import { engineOf } from '../dialect.js';

// Whole-evaluation reads of the scores, for the statistics that need every evaluator's value
// (Kendall's W). A landscape-sized evaluation has millions of scores: made into row objects they
// took seconds and gigabytes, so these are read as raw rows, vendor by vendor along the key.

const statements = new WeakMap<SQLite.Database, SQLite.Statement>();

/**
 * Vendors per step of `vendorSteps` (the score cells' read: one row per vendor and criterion,
 * whatever the panel's size). Issue 15, promise 1: the landscape read in one go held the event loop
 * for seconds; read in steps, the loop serves other requests between them.
 */
const VENDORS_PER_STEP = 50;

/** Vendors in the first step of a score read, and the time a step aims at (see forEachScoreValue). */
export const FIRST_STEP = 8;
export const TURN_MS = 8;

// One helper for a turn of the event loop, shared with the server's stepped work.
import { nextTurn } from '../../server/next-turn.js';
export { nextTurn };

/** `[first, last]` vendor id of each step of `per` vendors, ids ascending; one step over every id without vendors. */
export function vendorSteps(vendorIds: readonly number[] | undefined): [number, number][] {
  const per = VENDORS_PER_STEP;
  const ids = [...(vendorIds ?? [])].sort((a, b) => a - b);
  if (ids.length === 0) return [[1, Number.MAX_SAFE_INTEGER]];
  const steps: [number, number][] = [];
  for (let i = 0; i < ids.length; i += per) steps.push([ids[i]!, ids[Math.min(ids.length, i + per) - 1]!]);
  return steps;
}

/**
 * Calls `each(vendorId, criterionId, evaluatorId, value)` for every score of the evaluation that
 * has a value (N/A and abstentions left out). On SQLite the read goes in steps of vendors (ids
 * ascending, `vendorIds` as vendorIdsOf gives them; without them, one read), yielding to the event
 * loop between steps; a step holds the connection only while it reads.
 */
export async function forEachScoreValue(db: Db, evaluationId: number, each: (vendorId: number, criterionId: number, evaluatorId: number, value: number) => void, vendorIds?: readonly number[]): Promise<void> {
  const sqlite = sqliteOf(db);
  if (!sqlite) return forEachScoreValueOf(db, evaluationId, each);
  let st = statements.get(sqlite);
  if (!st) {
    // Its own statement, not the shared cache's: raw mode belongs to the statement.
    st = sqlite.prepare(`select s.vendor_id, s.criterion_id, s.evaluator_id, s.value from vendors v
      join scores s on s.vendor_id = v.id where v.evaluation_id = ? and v.id between ? and ? and s.value is not null`).raw(true);
    statements.set(sqlite, st);
  }
  const statement = st;
  const ids = [...(vendorIds ?? [])].sort((a, b) => a - b);
  if (ids.length === 0) {
    await db.connection().execute(async () => { for (const r of statement.iterate(evaluationId, 1, Number.MAX_SAFE_INTEGER) as IterableIterator<[number, number, number, number]>) each(r[0], r[1], r[2], r[3]); });
    return;
  }
  // Steps sized by time, not by a fixed count of vendors: 50 vendors were 1,250 scores with one
  // evaluator but 19,000 with fifteen (30–40 ms a step on the landscape). Each step's size follows
  // from how long the last one took, aiming at TURN_MS, at most doubling from one step to the next.
  let per = FIRST_STEP;
  for (let i = 0; i < ids.length;) {
    const last = Math.min(ids.length, i + per) - 1;
    const from = ids[i]!, to = ids[last]!;
    // Timed from inside: waiting for the connection (an import holding it) is not the read's cost.
    let took = 0;
    await db.connection().execute(async () => {
      const started = performance.now();
      for (const r of statement.iterate(evaluationId, from, to) as IterableIterator<[number, number, number, number]>) each(r[0], r[1], r[2], r[3]);
      took = performance.now() - started;
    });
    i = last + 1;
    per = nextStepSize(per, took);
    if (i < ids.length) await nextTurn();
  }
}

/**
 * The vendors of the next step of a score read, from the last step's size and the milliseconds it
 * took: as many as would take TURN_MS at the last step's pace, at most twice the last (one fast
 * step on a cold page does not make the next one huge), at least one. A step under a quarter of a
 * millisecond counts as a quarter (the clock's grain, and no division by zero).
 */
export function nextStepSize(per: number, took: number): number {
  return Math.max(1, Math.min(per * 2, Math.floor((per * TURN_MS) / Math.max(0.25, took))));
}

/**
 * The same read through Kysely, for PostgreSQL (issue 13) or an SQLite transaction. On PostgreSQL
 * the whole evaluation comes as one result set, one row per criterion × evaluator holding its
 * vendors and values as two arrays (375 rows for the landscape rather than 5 million row objects,
 * which took gigabytes), sent as text and split here without pg's per-element parsing.
 */
async function forEachScoreValueOf(db: Db, evaluationId: number, each: (vendorId: number, criterionId: number, evaluatorId: number, value: number) => void): Promise<void> {
  if (engineOf(db) === 'postgres') {
    // No `order by` in the aggregates: both take the group's rows in the same order, which is all
    // the pairing needs, and sorting 5 million rows doubled the read (17 s against 9.7 s, loaded).
    const { rows } = await sql<{ criterion_id: number; evaluator_id: number; vendors: string; vals: string }>`select criterion_id, evaluator_id,
        array_agg(vendor_id)::text as vendors, array_agg(value)::text as vals
      from scores where evaluation_id = ${evaluationId} and value is not null group by criterion_id, evaluator_id`.execute(db);
    for (const r of rows) {
      const vendors = numbersOf(r.vendors);
      const values = numbersOf(r.vals);
      for (let i = 0; i < vendors.length; i++) each(vendors[i]!, r.criterion_id, r.evaluator_id, values[i]!);
    }
    return;
  }
  const rows = await db.selectFrom('vendors as v').innerJoin('scores as s', 's.vendor_id', 'v.id')
    .select(['s.vendor_id', 's.criterion_id', 's.evaluator_id', 's.value'])
    .where('v.evaluation_id', '=', evaluationId).where('s.value', 'is not', null).execute();
  for (const r of rows) each(r.vendor_id, r.criterion_id, r.evaluator_id, r.value!);
}

/** A PostgreSQL array of numbers as text (`{1,2.5,3}`) as numbers. PostgreSQL writes float8 in the shortest form that reads back exactly. */
export const numbersOf = (text: string): number[] => (text.length <= 2 ? [] : text.slice(1, -1).split(',').map(Number));
