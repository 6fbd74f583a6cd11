import type { Db } from '../client.js';
import { vendorsMatching, type VendorFilter } from './vendor-search.js';

/** A vendor filter without its screening status: the status is what these statements change. */
export type TextFilter = Omit<VendorFilter, 'status'>;

// Vendor ids per UPDATE … WHERE id IN (…): well under both databases' parameter limits.
const ID_CHUNK = 1000;

/**
 * Screens out (reason) or back in (null) every vendor matching the filter that is not already
 * so; returns how many changed.
 */
export async function screenMatching(db: Db, evaluationId: number, filter: TextFilter, reason: string | null, at: string): Promise<number> {
  const res = await db
    .updateTable('vendors')
    .set({ screened_out: reason, updated_at: at })
    .where(vendorsMatching(evaluationId, { ...filter, status: reason === null ? 'out' : 'in' }))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The knock-out reasons of the screened-out vendors matching the filter, with how many carry each (20 at most). */
export async function screenedOutReasons(db: Db, evaluationId: number, filter: TextFilter): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('vendors')
    .select((eb) => ['screened_out', eb.fn.countAll<number>().as('n')])
    .where(vendorsMatching(evaluationId, { ...filter, status: 'out' }))
    .groupBy('screened_out')
    .orderBy('screened_out')
    .limit(20)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.screened_out ?? '', Number(r.n)]));
}

/** Screens out those of `ids` still in the running, all with one reason; returns how many. */
export async function screenOutIds(db: Db, evaluationId: number, ids: readonly number[], reason: string, at: string): Promise<number> {
  let count = 0;
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const res = await db
      .updateTable('vendors')
      .set({ screened_out: reason, updated_at: at })
      .where('evaluation_id', '=', evaluationId)
      .where('screened_out', 'is', null)
      .where('id', 'in', ids.slice(i, i + ID_CHUNK))
      .executeTakeFirst();
    count += Number(res.numUpdatedRows);
  }
  return count;
}
