import type { Actor } from '../actor.js';
import { COST_FORMULAS, costBasis, costScore, type CostFormula } from '../domain/cost-formula.js';
import { validPrice } from '../domain/ranking.js';
import type { RankingInputs, RankingView } from './ranking.js';
import { rankInputs } from './ranking.js';
import { heavy } from '../heavy/jobs.js';

/** One ranked vendor's price and quality points (its total without the cost criteria); `perPoint` = price ÷ quality. */
export interface PricePoint { vendorId: string; name: string; rank: number; price: number | null; quality: number; perPoint: number | null }

export interface PriceQuality {
  points: PricePoint[];
  /** The top three (names, best first) under each formula. */
  tops: { formula: CostFormula; names: string[] }[];
  /** Vendors by price per quality point, lowest first (those with a price and quality above 0). */
  valueForMoney: PricePoint[];
}

/**
 * Each ranked vendor's price and quality points, from the same inputs and view as the ranking (the
 * visibility rule applied when they were loaded): the cost points are 100 × the cost leaves' weight
 * × the vendor's cost score, so quality = total − cost points. In ranking order.
 */
export function pricePoints(inputs: RankingInputs, view: RankingView): PricePoint[] {
  const costIds = new Set(view.nodes.filter((n) => n.kind === 'cost').map((n) => n.id));
  let costWeight = 0;
  for (const [id, w] of view.resolved.leaves) if (costIds.has(id)) costWeight += w;
  const prices = new Map(inputs.vendors.map((v) => [v.id, validPrice(v.price) ? v.price : null]));
  const rows = view.result.rows;
  const basis = costBasis(inputs.costFormula, rows.flatMap((r) => { const p = prices.get(r.vendorId); return p == null ? [] : [p]; }));
  return rows.map((r): PricePoint => {
    const price = prices.get(r.vendorId) ?? null;
    const quality = r.total - (price === null ? 0 : 100 * costWeight * costScore(price, basis));
    return { vendorId: r.vendorId, name: r.name, rank: r.rank, price, quality, perPoint: price !== null && quality > 1e-9 ? price / quality : null };
  });
}

/** The value-for-money order: price per quality point, lowest first (ties by rank); vendors without a price or quality left out. */
export const valueForMoneyOf = (points: readonly PricePoint[]): PricePoint[] =>
  points.filter((p) => p.perPoint !== null).sort((x, y) => x.perPoint! - y.perPoint! || x.rank - y.rank);

/**
 * Price against quality for the ranking page (pricePoints), computed from the inputs alone: the
 * ranking, and the other formulas' top three as what-ifs. A heavy task (ADR 017), so on the
 * landscape the 14,000 vendors' points and their value-for-money sort are made in a pool thread
 * and only the `limit` rows shown cross back (issue 15, promise 1: on the loop, with the other
 * formulas' rankings, it held the ranking page's longest stretch, 50–230 ms on a loaded machine).
 */
export function priceQualityOf(inputs: RankingInputs, limit: number): PriceQuality {
  const view = rankInputs(inputs);
  const points = pricePoints(inputs, view);
  const tops = COST_FORMULAS.map((formula) => {
    const other = formula === inputs.costFormula ? view : rankInputs({ ...inputs, costFormula: formula }, undefined, { limit: 3 });
    return { formula, names: other.result.rows.slice(0, 3).map((r) => r.name) };
  });
  return { points: points.slice(0, limit), tops, valueForMoney: valueForMoneyOf(points).slice(0, limit) };
}

/** `priceQualityOf` for member `a`, in the pool when big, cached with the ranking's data key. */
export function priceQuality(a: Actor, inputs: RankingInputs, limit: number): Promise<PriceQuality> {
  return heavy(a, { kind: 'priceQuality', inputs, limit }, [limit]);
}
