import type { Db } from '../client.js';

/** Names of these vendors (the review page's disagreement rows). */
export async function vendorNamesByIds(db: Db, vendorIds: number[]) {
  if (vendorIds.length === 0) return [];
  return db.selectFrom('vendors').select(['id', 'name']).where('id', 'in', vendorIds).execute();
}

/** Every evaluator's score on these vendors, with the evaluator's name, by name. */
export async function scoresWithEvaluators(db: Db, evaluationId: number, vendorIds: number[]) {
  if (vendorIds.length === 0) return [];
  return db.selectFrom('scores').innerJoin('users', 'users.id', 'scores.evaluator_id')
    .select(['scores.vendor_id', 'scores.criterion_id', 'scores.value', 'scores.comment', 'users.name'])
    .where('scores.evaluation_id', '=', evaluationId).where('scores.vendor_id', 'in', vendorIds).orderBy('users.name').execute();
}

/** The score cells of these vendors with their consensus and who set it. */
export async function cellsWithConsensus(db: Db, evaluationId: number, vendorIds: number[]) {
  if (vendorIds.length === 0) return [];
  return db.selectFrom('score_cells').leftJoin('users', 'users.id', 'score_cells.consensus_by')
    .select(['score_cells.vendor_id', 'score_cells.criterion_id', 'score_cells.n', 'score_cells.sum', 'score_cells.consensus', 'score_cells.consensus_rationale', 'score_cells.consensus_at', 'users.name'])
    .where('score_cells.evaluation_id', '=', evaluationId).where('score_cells.vendor_id', 'in', vendorIds).execute();
}
