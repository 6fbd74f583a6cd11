import { sql } from 'kysely';
import type { Db } from '../client.js';
import { COUNTED_SCORES } from './score-cell-aggregate.js';

/**
 * The scores behind one vendor's working (issue 14), each with its evaluator's name: the team's
 * scores that count (an evaluator excluded from the vendor for a conflict of interest does not, as
 * in the cell aggregates), or, with `evaluatorId`, that member's own scores alone (blind scoring;
 * as their own ranking counts them).
 */
export async function workingScores(db: Db, evaluationId: number, vendorId: number, evaluatorId: number | null) {
  let q = db.selectFrom('scores').innerJoin('users', 'users.id', 'scores.evaluator_id')
    .select(['scores.criterion_id', 'scores.evaluator_id', 'scores.value', 'users.name'])
    .where('scores.evaluation_id', '=', evaluationId).where('scores.vendor_id', '=', vendorId);
  q = evaluatorId === null ? q.where(sql<boolean>`${sql.raw(COUNTED_SCORES)}`) : q.where('scores.evaluator_id', '=', evaluatorId);
  return q.orderBy('users.name').orderBy('scores.evaluator_id').execute();
}
