import { sql } from 'kysely';
import type { Db } from '../client.js';
import { cellAggregateQuery, COUNTED_SCORES } from './score-cell-aggregate.js';

/**
 * Bulk loads of scores on PostgreSQL (issue 13, point 5: the landscape seed). One statement per
 * slice instead of one bound row per score: the columns travel as four arrays and `unnest` turns
 * them back into rows, so 150,000 scores cost one round trip and no parameter limit applies.
 * PostgreSQL only (SQLite has no arrays); SQLite's seed goes through `saveBatch`.
 */

/** Scores as parallel columns: row i is (vendor[i], criterion[i], evaluator[i], value[i]). */
export interface ScoreColumns { vendor: number[]; criterion: number[]; evaluator: number[]; value: number[] }

/**
 * Inserts new scores of one evaluation as `saveBatch` would leave them (version 1, no comment,
 * no abstention). The cells must not have scores of these evaluators yet.
 */
export async function insertScoreColumns(db: Db, evaluationId: number, c: ScoreColumns, at: string): Promise<void> {
  await sql`insert into scores (evaluation_id, vendor_id, criterion_id, evaluator_id, value, comment, abstain_reason, version, updated_at)
    select ${evaluationId}, t.v, t.c, t.e, t.x, '', null, 1, ${at}
    from unnest(${c.vendor}::integer[], ${c.criterion}::integer[], ${c.evaluator}::integer[], ${c.value}::double precision[]) as t(v, c, e, x)`.execute(db);
}

/** Recomputes the aggregates of every cell of these vendors in one set-wise statement (the same figures `refreshCells` writes). */
export async function refreshVendorsCells(db: Db, evaluationId: number, vendorIds: readonly number[]): Promise<void> {
  await cellAggregateQuery(sql`evaluation_id = ${evaluationId} and vendor_id = any(${[...vendorIds]}::integer[]) and ${sql.raw(COUNTED_SCORES)}`).execute(db);
}
