import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { RankRow } from '../domain/ranking.js';
import type { TopsisRow } from '../domain/ranking-topsis.js';
import { heavy } from '../heavy/jobs.js';
import { loadRankingInputs, rankInputs, type RankingInputs } from './ranking.js';

/** The inputs ranked by TOPSIS (domain/ranking-topsis.ts), off the event loop when big (ADR 017). */
export function topsisOffLoop(a: Actor, inputs: RankingInputs): Promise<TopsisRow[]> {
  return heavy(a, { kind: 'topsis', inputs }, null);
}

/** One vendor under both methods. */
export interface MethodCheckRow { vendorId: string; name: string; weightedRank: number; weightedTotal: number; topsisRank: number; closeness: number }

/**
 * How the top three fare under TOPSIS: `same-order` (the same vendors in the same ranks), `same-set`
 * (the same vendors, another order) or `differs` (a vendor enters or leaves the top three).
 */
export type TopThree = 'same-order' | 'same-set' | 'differs';

export interface MethodCheck { rows: MethodCheckRow[]; topThree: TopThree; ranked: number }

const topThreeOf = (rows: readonly { rank: number; vendorId: string }[]) => rows.filter((r) => r.rank <= 3);

/**
 * The weighted sum beside TOPSIS, best weighted first. `weighted` must hold every ranked vendor
 * (not a page of them): a vendor TOPSIS ranks high may be far down the weighted sum. The rows
 * shown are the union of both top `limit`s, so no vendor either method puts near the top is left
 * out; ranks count everyone.
 */
export function methodCheck(weighted: readonly RankRow[], topsis: readonly TopsisRow[], limit = Infinity): MethodCheck {
  const byId = new Map(topsis.map((t) => [t.vendorId, t]));
  const topsisTop = new Set(topThreeOf(topsis).map((t) => t.vendorId));
  const topsisShown = new Set(topsis.filter((_, i) => i < limit).map((t) => t.vendorId));
  const rows = weighted.filter((w, i) => i < limit || topsisShown.has(w.vendorId)).flatMap((w) => {
    const t = byId.get(w.vendorId);
    return t ? [{ vendorId: w.vendorId, name: w.name, weightedRank: w.rank, weightedTotal: w.total, topsisRank: t.rank, closeness: t.closeness }] : [];
  });
  const a = topThreeOf(weighted);
  const b = topThreeOf(topsis);
  const sameSet = a.length === b.length && a.every((r) => topsisTop.has(r.vendorId));
  const sameOrder = sameSet && a.every((r) => byId.get(r.vendorId)?.rank === r.rank);
  return { rows, topThree: sameOrder ? 'same-order' : sameSet ? 'same-set' : 'differs', ranked: weighted.length };
}

/** The method check of the inputs alone: their weighted ranking beside TOPSIS (a heavy task's body). */
export const methodCheckOf = (inputs: RankingInputs, topsis: readonly TopsisRow[], limit = Infinity): MethodCheck => methodCheck(rankInputs(inputs).result.rows, topsis, limit);

/**
 * The method check for member `a`, in the pool when big (ADR 017): both rankings are made in the
 * thread and only the check's rows cross back (issue 15, promise 1: the landscape's 14,000 TOPSIS
 * rows cloned back and matched on the loop were one of the ranking page's long stretches).
 */
export function methodCheckOffLoop(a: Actor, inputs: RankingInputs, limit = Infinity): Promise<MethodCheck> {
  return heavy(a, { kind: 'methodCheck', inputs, limit }, [limit]);
}

/** The method check as member `a` may see it (the ranking's visibility rule; 403 for no scores): for the board report. */
export async function loadMethodCheck(db: Db, a: Actor, limit?: number): Promise<MethodCheck> {
  return methodCheckOffLoop(a, await loadRankingInputs(db, a), limit);
}
