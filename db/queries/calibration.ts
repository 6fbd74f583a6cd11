import { sql } from 'kysely';
import type { Db } from '../client.js';
import { COUNTED_SCORES } from './score-cell-aggregate.js';

// Evaluator calibration (issue 14, point 5; ADR 029). The landscape has 5
// million scores: both statements aggregate in the database with one GROUP BY and hand back one
// row per evaluator, or one per cell, never one per score. Counted scores only (an excluded
// evaluator's scores on that vendor do not count, as for the ranking), scored criteria only
// (must-haves are pass/fail, cost criteria are prices), N/A left out.

/** An evaluator's sums: all their values, and their offsets from the cell's panel mean where the cell has two values or more. */
export interface EvaluatorSumsRow {
  evaluator_id: number; name: string;
  n: number; sum: number; sumsq: number;
  shared: number; off_sum: number; off_sumsq: number;
}

const PANEL_MEAN = sql.raw('(c.sum * 1.0 / c.n)');
/** The evaluation's scored criteria (the evaluation named too, so the planner reads only its criteria). */
const scoredCriteria = (evaluationId: number) => sql`join criteria on criteria.id = scores.criterion_id and criteria.evaluation_id = ${evaluationId} and criteria.kind = 'scored'`;

/** One row per evaluator with a counted value on a scored criterion: the sums calibration is computed from. */
export async function evaluatorScoreSums(db: Db, evaluationId: number): Promise<EvaluatorSumsRow[]> {
  const { rows } = await sql<EvaluatorSumsRow>`
    select scores.evaluator_id, min(users.name) as name,
      count(*) as n, sum(scores.value) as sum, sum(scores.value * scores.value) as sumsq,
      sum(case when c.n >= 2 then 1 else 0 end) as shared,
      coalesce(sum(case when c.n >= 2 then scores.value - ${PANEL_MEAN} end), 0) as off_sum,
      coalesce(sum(case when c.n >= 2 then (scores.value - ${PANEL_MEAN}) * (scores.value - ${PANEL_MEAN}) end), 0) as off_sumsq
    from scores ${scoredCriteria(evaluationId)}
    join score_cells c on c.vendor_id = scores.vendor_id and c.criterion_id = scores.criterion_id
    join users on users.id = scores.evaluator_id
    where scores.evaluation_id = ${evaluationId} and scores.value is not null and ${sql.raw(COUNTED_SCORES)}
    group by scores.evaluator_id`.execute(db);
  // PostgreSQL answers counts and sums as strings.
  return rows.map((r) => ({
    evaluator_id: Number(r.evaluator_id), name: r.name, n: Number(r.n), sum: Number(r.sum), sumsq: Number(r.sumsq),
    shared: Number(r.shared), off_sum: Number(r.off_sum), off_sumsq: Number(r.off_sumsq),
  }));
}

export interface CorrectedCellRow { vendor_id: number; criterion_id: number; n: number; sum: number }

/**
 * Every scored cell's count and its sum with each evaluator's offset taken off their values
 * (`offsets`: evaluator id → offset; others count as 0): the offset-corrected means' numerators.
 */
export async function offsetCorrectedCells(db: Db, evaluationId: number, offsets: ReadonlyMap<number, number>): Promise<CorrectedCellRow[]> {
  const arms = [...offsets].filter(([, o]) => Number.isFinite(o) && o !== 0).map(([id, o]) => sql`when ${id} then cast(${o} as double precision)`);
  const offset = arms.length > 0 ? sql`case scores.evaluator_id ${sql.join(arms, sql` `)} else 0 end` : sql`0`;
  const { rows } = await sql<CorrectedCellRow>`
    select scores.vendor_id, scores.criterion_id, count(*) as n, sum(scores.value - ${offset}) as sum
    from scores ${scoredCriteria(evaluationId)}
    where scores.evaluation_id = ${evaluationId} and scores.value is not null and ${sql.raw(COUNTED_SCORES)}
    group by scores.vendor_id, scores.criterion_id`.execute(db);
  return rows.map((r) => ({ vendor_id: Number(r.vendor_id), criterion_id: Number(r.criterion_id), n: Number(r.n), sum: Number(r.sum) }));
}
