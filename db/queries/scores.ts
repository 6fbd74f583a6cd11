import type { Db } from '../client.js';
import { aggregateCell } from '../../server/domain/score-values.js';

/** Recomputes one cell's aggregate from its (at most a few dozen) scores, in the caller's transaction. */
export async function refreshCell(db: Db, evaluationId: number, vendorId: number, criterionId: number): Promise<void> {
  const rows = await db.selectFrom('scores').select('value').where('vendor_id', '=', vendorId).where('criterion_id', '=', criterionId).execute();
  const agg = aggregateCell(rows.map((r) => r.value));
  await db
    .insertInto('score_cells')
    .values({ evaluation_id: evaluationId, vendor_id: vendorId, criterion_id: criterionId, ...agg, consensus: null, consensus_rationale: null, consensus_by: null, consensus_at: null })
    .onConflict((oc) => oc.columns(['vendor_id', 'criterion_id']).doUpdateSet(agg))
    .execute();
}

export async function scoreOf(db: Db, vendorId: number, criterionId: number, evaluatorId: number) {
  return db.selectFrom('scores').selectAll().where('vendor_id', '=', vendorId).where('criterion_id', '=', criterionId).where('evaluator_id', '=', evaluatorId).executeTakeFirst();
}

/** Scores visible to one evaluator (their own), optionally narrowed to a vendor or criterion. */
export async function scoresBy(db: Db, evaluationId: number, evaluatorId: number | null, filter: { vendorId?: number; criterionId?: number } = {}) {
  let q = db.selectFrom('scores').selectAll().where('evaluation_id', '=', evaluationId);
  if (evaluatorId !== null) q = q.where('evaluator_id', '=', evaluatorId);
  if (filter.vendorId !== undefined) q = q.where('vendor_id', '=', filter.vendorId);
  if (filter.criterionId !== undefined) q = q.where('criterion_id', '=', filter.criterionId);
  return q.orderBy('vendor_id').orderBy('criterion_id').orderBy('evaluator_id').execute();
}

/** Every cell aggregate of an evaluation: one row per scored vendor × criterion. */
export async function cellsOf(db: Db, evaluationId: number) {
  return db.selectFrom('score_cells').select(['vendor_id', 'criterion_id', 'n', 'sum', 'pass', 'fail', 'consensus']).where('evaluation_id', '=', evaluationId).execute();
}
