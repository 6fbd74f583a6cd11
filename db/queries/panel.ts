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
