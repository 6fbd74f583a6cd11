import type { Db } from '../client.js';

/** One person's stored answer about one vendor. */
export interface FeedbackRow { vendorId: number; nps: number; csat: number | null; ces: number | null; comment: string; updatedAt: string }

/** A person's answer about a vendor, if they gave one. */
export async function feedbackOf(db: Db, vendorId: number, userId: number) {
  return db.selectFrom('feedback').select(['nps', 'csat', 'ces', 'comment']).where('vendor_id', '=', vendorId).where('user_id', '=', userId).executeTakeFirst();
}

/** Saves a person's answer about a vendor, replacing any earlier one whole. */
export async function saveFeedback(db: Db, evaluationId: number, userId: number, f: FeedbackRow): Promise<void> {
  const row = { nps: f.nps, csat: f.csat, ces: f.ces, comment: f.comment, updated_at: f.updatedAt };
  await db
    .insertInto('feedback')
    .values({ evaluation_id: evaluationId, vendor_id: f.vendorId, user_id: userId, ...row })
    .onConflict((oc) => oc.columns(['vendor_id', 'user_id']).doUpdateSet(row))
    .execute();
}

/** One person's answers in the evaluation. */
export async function feedbackBy(db: Db, evaluationId: number, userId: number): Promise<FeedbackRow[]> {
  const rows = await db
    .selectFrom('feedback')
    .select(['vendor_id', 'nps', 'csat', 'ces', 'comment', 'updated_at'])
    .where('evaluation_id', '=', evaluationId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ vendorId: r.vendor_id, nps: r.nps, csat: r.csat, ces: r.ces, comment: r.comment, updatedAt: r.updated_at }));
}

/** Everyone's answers in the evaluation, the metrics only. */
export async function feedbackFiguresOf(db: Db, evaluationId: number) {
  return db.selectFrom('feedback').select(['vendor_id', 'nps', 'csat', 'ces']).where('evaluation_id', '=', evaluationId).execute();
}
