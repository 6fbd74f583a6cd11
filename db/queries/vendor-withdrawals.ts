import type { Db } from '../client.js';

/** Marks a vendor withdrawn; its scores stay. Returns false when it was already withdrawn. */
export async function markWithdrawn(db: Db, evaluationId: number, vendorId: number, w: { reason: string; by: number; at: string }): Promise<boolean> {
  const r = await db.updateTable('vendors').set({ withdrawn_reason: w.reason, withdrawn_by: w.by, withdrawn_at: w.at, updated_at: w.at })
    .where('evaluation_id', '=', evaluationId).where('id', '=', vendorId).where('withdrawn_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The evaluation's withdrawn vendors with why, who and when, in the order they were withdrawn. */
export async function withdrawnVendorsOf(db: Db, evaluationId: number) {
  return db.selectFrom('vendors as v').leftJoin('users as u', 'u.id', 'v.withdrawn_by')
    .select(['v.id', 'v.name', 'v.withdrawn_reason as reason', 'v.withdrawn_at as at', 'u.name as by'])
    .where('v.evaluation_id', '=', evaluationId).where('v.withdrawn_at', 'is not', null)
    .orderBy('v.withdrawn_at').orderBy('v.id').execute();
}

/** Ids of the evaluation's withdrawn vendors (few: a vendor is withdrawn by hand, one at a time). */
export async function withdrawnVendorIds(db: Db, evaluationId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('vendors').select('id').where('evaluation_id', '=', evaluationId).where('withdrawn_at', 'is not', null).execute();
  return new Set(rows.map((r) => r.id));
}
