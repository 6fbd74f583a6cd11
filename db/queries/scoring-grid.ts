import type { Db } from '../client.js';

/** The vendors the scoring grid lists: the whole longlist, or only `inScope` when assignments narrow it. */
function gridVendors(db: Db, evaluationId: number, inScope: number[] | null) {
  const all = db.selectFrom('vendors').where('evaluation_id', '=', evaluationId);
  return inScope ? all.where('id', 'in', inScope.length > 0 ? inScope : [0]) : all;
}

export async function countGridVendors(db: Db, evaluationId: number, inScope: number[] | null): Promise<number> {
  const total = await gridVendors(db, evaluationId, inScope).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(total?.n ?? 0);
}

/** One page of the grid's vendors, by name. */
export function gridVendorPage(db: Db, evaluationId: number, inScope: number[] | null, limit: number, offset: number) {
  return gridVendors(db, evaluationId, inScope).select(['id', 'name', 'withdrawn_reason']).orderBy('name_key').limit(limit).offset(offset).execute();
}

/** The evaluator's own scores for these vendors. */
export async function myScoresFor(db: Db, evaluationId: number, evaluatorId: number, vendorIds: number[]) {
  if (vendorIds.length === 0) return [];
  return db.selectFrom('scores').select(['vendor_id', 'criterion_id', 'value', 'comment', 'version', 'abstain_reason'])
    .where('evaluation_id', '=', evaluationId).where('evaluator_id', '=', evaluatorId).where('vendor_id', 'in', vendorIds).execute();
}

/** How many cells the evaluator has scored in these criteria, from the per-criterion counts kept by triggers (migration 005). */
export async function myScoredCount(db: Db, evaluationId: number, evaluatorId: number, criterionIds: number[]): Promise<number> {
  if (criterionIds.length === 0) return 0;
  const row = await db.selectFrom('score_counts').select((eb) => eb.fn.sum<number>('n').as('n'))
    .where('evaluation_id', '=', evaluationId).where('evaluator_id', '=', evaluatorId).where('criterion_id', 'in', criterionIds).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A vendor of this evaluation, by id, with its name. */
export function gridVendor(db: Db, evaluationId: number, vendorId: number) {
  return db.selectFrom('vendors').select(['id', 'name']).where('evaluation_id', '=', evaluationId).where('id', '=', vendorId).executeTakeFirst();
}
