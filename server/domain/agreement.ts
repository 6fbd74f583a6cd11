/**
 * Mid-ranks of values, lowest value = rank 1; ties share the mean of the ranks they span
 * (the convention Kendall's W with tie correction assumes).
 * @example ranks([10, 20, 20, 30]) // [1, 2.5, 2.5, 4]
 */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length);
  for (let k = 0; k < order.length; ) {
    let j = k;
    while (j + 1 < order.length && order[j + 1]!.v === order[k]!.v) j++;
    const mid = (k + j) / 2 + 1;
    for (let t = k; t <= j; t++) out[order[t]!.i] = mid;
    k = j + 1;
  }
  return out;
}

/**
 * Kendall's coefficient of concordance W for m raters × n items (each row one rater's scores),
 * with the correction for tied ranks:
 *   W = 12·S / (m²(n³ − n) − m·Σ_j T_j),  S = Σ_i (R_i − R̄)²,  T_j = Σ over tie groups (t³ − t).
 * 1 = the raters order the items identically, 0 = no agreement. Null when it is undefined
 * (fewer than 2 raters or 2 items, or every rater tied every item).
 */
export function kendallW(scores: readonly (readonly number[])[]): number | null {
  const m = scores.length;
  const n = scores[0]?.length ?? 0;
  if (m < 2 || n < 2 || scores.some((row) => row.length !== n)) return null;
  const sums = new Array<number>(n).fill(0);
  let ties = 0;
  for (const row of scores) {
    const r = ranks(row);
    r.forEach((x, i) => (sums[i]! += x));
    const counts = new Map<number, number>();
    for (const v of row) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const t of counts.values()) ties += t ** 3 - t;
  }
  const mean = (m * (n + 1)) / 2;
  const s = sums.reduce((acc, r) => acc + (r - mean) ** 2, 0);
  const denominator = m * m * (n ** 3 - n) - m * ties;
  return denominator > 0 ? (12 * s) / denominator : null;
}

/** One vendor × criterion cell whose evaluators disagree by at least the threshold. */
export interface Disagreement { vendorId: string; criterionId: string; spread: number }

/** A cell as disagreement is judged on it: its spread and the kind of its criterion. */
export interface CellSpread { vendorId: string; criterionId: string; min: number | null; max: number | null; pass: number; fail: number; kind: 'scored' | 'must-have' }

/**
 * Cells whose scores spread (max − min) reaches `threshold` of the scale's range, widest first.
 * A must-have cell with both a pass and a fail counts as a full-range disagreement.
 */
export function disagreements(cells: readonly CellSpread[], scale: { min: number; max: number }, threshold: number): Disagreement[] {
  return widestFirst(disagreeing(cells, scale, threshold));
}

/** `disagreements` before the sort, in the cells' order: a long list can be judged a part at a time, then sorted once. */
export function disagreeing(cells: readonly CellSpread[], scale: { min: number; max: number }, threshold: number): Disagreement[] {
  const range = scale.max - scale.min;
  const out: Disagreement[] = [];
  for (const c of cells) {
    const spread = c.kind === 'must-have' ? (c.pass > 0 && c.fail > 0 ? range : 0) : c.min !== null && c.max !== null ? c.max - c.min : 0;
    if (range > 0 && spread > 0 && spread >= threshold * range - 1e-9) out.push({ vendorId: c.vendorId, criterionId: c.criterionId, spread });
  }
  return out;
}

/**
 * The order of disagreements: widest first, then by vendor, then by criterion. The criterion
 * settles what vendor alone left to the sort, so any way of sorting (one sort, or sorted parts
 * merged, as the read model does for a landscape) gives the same list.
 */
export const byWidest = (a: Disagreement, b: Disagreement): number =>
  b.spread - a.spread || (a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0);

/** Disagreements widest first, then by vendor and criterion (byWidest). */
export const widestFirst = (found: Disagreement[]): Disagreement[] => found.sort(byWidest);
