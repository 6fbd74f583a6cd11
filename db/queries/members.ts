import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../client.js';
import type { EvaluationMembersTable } from '../schema.js';

/** A person's membership row in the evaluation, current or removed. */
export async function membershipOf(db: Db, evaluationId: number, userId: number) {
  return db.selectFrom('evaluation_members').selectAll().where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).executeTakeFirst();
}

/** A current member's row (not removed), if any. */
export async function currentMemberOf(db: Db, evaluationId: number, userId: number) {
  return db.selectFrom('evaluation_members').selectAll().where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).where('removed_at', 'is', null).executeTakeFirst();
}

export async function insertMember(db: Db, row: Insertable<EvaluationMembersTable>): Promise<void> {
  await db.insertInto('evaluation_members').values(row).execute();
}

export async function updateMember(db: Db, evaluationId: number, userId: number, set: Updateable<EvaluationMembersTable>): Promise<void> {
  await db.updateTable('evaluation_members').set(set).where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).execute();
}

/** Current members with their name and group, by role then name: the panel page's list. */
export async function panelMembersOf(db: Db, evaluationId: number) {
  return db.selectFrom('evaluation_members as m').innerJoin('users as u', 'u.id', 'm.user_id').leftJoin('stakeholder_groups as g', 'g.id', 'm.group_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.added_at', 'm.approver', 'g.name as group_name']).where('m.evaluation_id', '=', evaluationId).where('m.removed_at', 'is', null)
    .orderBy('m.role').orderBy('u.name').execute();
}

/** Members who may vote, with their group and their vote if they have cast one, by group then name. */
export async function votersOf(db: Db, evaluationId: number) {
  return db
    .selectFrom('evaluation_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('stakeholder_groups as g', 'g.id', 'm.group_id')
    .leftJoin('votes as v', (j) => j.onRef('v.evaluation_id', '=', 'm.evaluation_id').onRef('v.user_id', '=', 'm.user_id'))
    .select(['u.id as user_id', 'u.name', 'u.email', 'm.role', 'm.group_id', 'g.name as group_name', 'v.method', 'v.updated_at as voted_at', 'v.consistency_ratio'])
    .where('m.evaluation_id', '=', evaluationId)
    .where('m.removed_at', 'is', null)
    .where('m.role', 'in', ['facilitator', 'stakeholder'])
    .orderBy('g.position').orderBy('u.name')
    .execute();
}
