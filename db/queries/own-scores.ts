import type { Db } from '../client.js';

// Reads for blind scoring (server/domain/rules/visibility.ts): a member's own scores as ranking
// cells, apart from the evaluation-wide cell aggregates and their cache, and whether anyone else
// has scored yet.

/**
 * One member's own scores as cells: value (null = N/A) and criterion kind, for a ranking computed
 * from their scores alone. At most vendors × leaves rows, the member's share of the grid.
 */
export async function ownScoreCells(db: Db, evaluationId: number, evaluatorId: number) {
  return db.selectFrom('scores').innerJoin('criteria', 'criteria.id', 'scores.criterion_id')
    .select(['scores.vendor_id', 'scores.criterion_id', 'scores.value', 'criteria.kind'])
    .where('scores.evaluation_id', '=', evaluationId).where('scores.evaluator_id', '=', evaluatorId)
    .execute();
}

/** Whether any member other than `userId` has a score in the evaluation (score_counts' few rows). */
export async function othersHaveScores(db: Db, evaluationId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('score_counts').select('evaluator_id')
    .where('evaluation_id', '=', evaluationId).where('evaluator_id', '!=', userId).where('n', '>', 0)
    .limit(1).executeTakeFirst();
  return row !== undefined;
}
