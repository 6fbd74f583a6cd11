import type { Db } from '../client.js';

export async function declarationOf(db: Db, evaluationId: number, userId: number) {
  return db.selectFrom('declarations').selectAll().where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).executeTakeFirst();
}

export async function submissionOf(db: Db, evaluationId: number, userId: number) {
  return db.selectFrom('submissions').selectAll().where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).executeTakeFirst();
}

/** Vendor ids an evaluator is kept away from (conflict of interest). */
export async function excludedVendorIds(db: Db, evaluationId: number, userId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('evaluator_exclusions').select('vendor_id').where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.vendor_id));
}

/** Records or replaces a person's conflict-of-interest declaration. */
export async function saveDeclaration(db: Db, evaluationId: number, userId: number, d: { conflict: number; description: string; declared_at: string }, replace: boolean): Promise<void> {
  if (replace) await db.updateTable('declarations').set(d).where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).execute();
  else await db.insertInto('declarations').values({ ...d, evaluation_id: evaluationId, user_id: userId }).execute();
}

export async function insertSubmission(db: Db, evaluationId: number, userId: number, at: string): Promise<void> {
  await db.insertInto('submissions').values({ evaluation_id: evaluationId, user_id: userId, submitted_at: at }).execute();
}

export async function declarationsOf(db: Db, evaluationId: number) {
  return db.selectFrom('declarations').selectAll().where('evaluation_id', '=', evaluationId).execute();
}

export async function submissionsOf(db: Db, evaluationId: number) {
  return db.selectFrom('submissions').selectAll().where('evaluation_id', '=', evaluationId).execute();
}

/** Whether an evaluator is already kept away from the vendor. */
export async function isExcluded(db: Db, evaluationId: number, userId: number, vendorId: number): Promise<boolean> {
  const row = await db.selectFrom('evaluator_exclusions').select('user_id').where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).where('vendor_id', '=', vendorId).executeTakeFirst();
  return row !== undefined;
}

export async function insertExclusion(db: Db, x: { evaluationId: number; userId: number; vendorId: number; reason: string; by: number; at: string }): Promise<void> {
  await db.insertInto('evaluator_exclusions')
    .values({ evaluation_id: x.evaluationId, user_id: x.userId, vendor_id: x.vendorId, reason: x.reason, created_by: x.by, created_at: x.at }).execute();
}

/** Lifts an exclusion; false when there was none. */
export async function deleteExclusion(db: Db, evaluationId: number, userId: number, vendorId: number): Promise<boolean> {
  const res = await db.deleteFrom('evaluator_exclusions').where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).where('vendor_id', '=', vendorId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Every exclusion of the evaluation with the vendor's name. */
export async function exclusionsOf(db: Db, evaluationId: number) {
  return db.selectFrom('evaluator_exclusions as x').innerJoin('vendors as v', 'v.id', 'x.vendor_id')
    .select(['x.user_id', 'x.vendor_id', 'x.reason', 'v.name as vendor_name']).where('x.evaluation_id', '=', evaluationId).execute();
}
