import type { Db } from '../client.js';

// What evaluators are asked to score: a vendor, a criterion, or both, per row.

export async function assignmentIn(db: Db, evaluationId: number, assignmentId: number) {
  return db.selectFrom('assignments').selectAll().where('evaluation_id', '=', evaluationId).where('id', '=', assignmentId).executeTakeFirst();
}

/** One evaluator's assignments (null vendor or criterion: all of them). */
export async function assignmentsOf(db: Db, evaluationId: number, userId: number) {
  return db.selectFrom('assignments').select(['vendor_id', 'criterion_id']).where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).execute();
}

export async function insertAssignment(db: Db, a: { evaluationId: number; userId: number; vendorId: number | null; criterionId: number | null; at: string }): Promise<number> {
  const row = await db.insertInto('assignments')
    .values({ evaluation_id: a.evaluationId, user_id: a.userId, vendor_id: a.vendorId, criterion_id: a.criterionId, created_at: a.at })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteAssignment(db: Db, assignmentId: number): Promise<void> {
  await db.deleteFrom('assignments').where('id', '=', assignmentId).execute();
}

/** The evaluation's assignments with the names the panel page shows. */
export function assignmentList(db: Db, evaluationId: number) {
  return db.selectFrom('assignments as a').innerJoin('users as u', 'u.id', 'a.user_id').leftJoin('vendors as v', 'v.id', 'a.vendor_id').leftJoin('criteria as c', 'c.id', 'a.criterion_id')
    .select(['a.id', 'u.name as user_name', 'v.name as vendor_name', 'c.name as criterion_name']).where('a.evaluation_id', '=', evaluationId).orderBy('a.id').execute();
}
