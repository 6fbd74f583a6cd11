import type { Db } from '../client.js';

/** Votes of current members who may vote, with their stakeholder group. */
export async function votesWithGroups(db: Db, evaluationId: number) {
  return db
    .selectFrom('votes as v')
    .innerJoin('evaluation_members as m', (j) => j.onRef('m.evaluation_id', '=', 'v.evaluation_id').onRef('m.user_id', '=', 'v.user_id'))
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.user_id', 'v.method', 'v.payload', 'v.weights', 'v.consistency_ratio', 'v.updated_at', 'm.group_id', 'u.name', 'u.email'])
    .where('v.evaluation_id', '=', evaluationId)
    .where('m.removed_at', 'is', null)
    .where('m.role', 'in', ['facilitator', 'stakeholder'])
    .execute();
}

export async function groupsOf(db: Db, evaluationId: number) {
  return db.selectFrom('stakeholder_groups').selectAll().where('evaluation_id', '=', evaluationId).orderBy('position').orderBy('id').execute();
}

export async function myVote(db: Db, evaluationId: number, userId: number) {
  return db.selectFrom('votes').selectAll().where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).executeTakeFirst();
}

/** Records or replaces a person's vote. */
export async function saveVote(
  db: Db, evaluationId: number, userId: number,
  v: { method: string; payload: string; weights: string; consistency_ratio: number | null; updated_at: string }, replace: boolean,
): Promise<void> {
  if (replace) await db.updateTable('votes').set(v).where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).execute();
  else await db.insertInto('votes').values({ ...v, evaluation_id: evaluationId, user_id: userId, created_at: v.updated_at }).execute();
}
