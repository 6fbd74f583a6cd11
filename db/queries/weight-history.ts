import type { Db } from '../client.js';

/** Every weight-set version of an evaluation, newest first, with who made it. */
export async function weightHistory(db: Db, evaluationId: number) {
  return db
    .selectFrom('weight_sets as w')
    .leftJoin('users as u', 'u.id', 'w.created_by')
    .select(['w.id', 'w.version', 'w.source', 'w.note', 'w.created_at', 'u.name as by'])
    .where('w.evaluation_id', '=', evaluationId)
    .orderBy('w.version', 'desc')
    .execute();
}

/** The weight-set versions made after scoring began (they carry a reason), oldest first, with who made them. */
export async function weightChangesAfterScoring(db: Db, evaluationId: number) {
  return db
    .selectFrom('weight_sets as w')
    .leftJoin('users as u', 'u.id', 'w.created_by')
    .select(['w.version', 'w.created_at as at', 'w.reason', 'u.name as by'])
    .where('w.evaluation_id', '=', evaluationId)
    .where('w.reason', 'is not', null)
    .orderBy('w.version')
    .execute();
}
