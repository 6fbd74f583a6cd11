import type { EvaluatorSums } from './calibration.js';

/**
 * Every counted value on the scored leaves, as the calibration read model gathered them for a pool
 * thread (issue 14 point 5, ADR 037): one Float64Array of vendors per evaluator × leaf, at
 * `values[e * leaves + l]` (NaN: no value), so 5 million scores cross to the thread as a few dozen
 * typed arrays instead of objects.
 */
/**
 * `values[e * leaves + l]`: evaluator e's values on leaf l, one per vendor, NaN where none. A read
 * may instead leave `has` (same shape: 1 where a value was read) and zeros elsewhere, for the
 * thread to turn into NaN (withMissingAsNaN) before any of the functions below run.
 */
export interface CalibrationGrid { evaluatorIds: number[]; names: string[]; leafIds: string[]; vendorIds: string[]; values: Float64Array[]; has?: Uint8Array[] }

/** The grid with NaN wherever `has` says no value was read (in place; `has` dropped). */
export function withMissingAsNaN(g: CalibrationGrid): CalibrationGrid {
  const { has, ...grid } = g;
  if (has) {
    grid.values.forEach((xs, i) => {
      const flags = has[i]!;
      for (let v = 0; v < xs.length; v++) if (flags[v] !== 1) xs[v] = NaN;
    });
  }
  return grid;
}

/** Per cell (leaf × vendor, at `l * vendors + v`): how many counted values and their sum. */
function cellTotals(g: CalibrationGrid): { n: Float64Array; sum: Float64Array } {
  const L = g.leafIds.length;
  const V = g.vendorIds.length;
  const n = new Float64Array(L * V);
  const sum = new Float64Array(L * V);
  g.evaluatorIds.forEach((_, e) => {
    for (let l = 0; l < L; l++) {
      const xs = g.values[e * L + l]!;
      for (let v = 0; v < V; v++) {
        const x = xs[v]!;
        if (!Number.isNaN(x)) { n[l * V + v]!++; sum[l * V + v]! += x; }
      }
    }
  });
  return { n, sum };
}

/**
 * The sums `calibrate` reads, per evaluator (the same figures as db/queries/calibration.ts's
 * GROUP BY), and each cell's count and total, which the offset correction starts from.
 */
export function gridSums(g: CalibrationGrid): { sums: EvaluatorSums[]; cells: { n: Float64Array; sum: Float64Array } } {
  const L = g.leafIds.length;
  const V = g.vendorIds.length;
  const cells = cellTotals(g);
  const sums = g.evaluatorIds.map((id, e): EvaluatorSums => {
    const s: EvaluatorSums = { evaluatorId: String(id), name: g.names[e]!, n: 0, sum: 0, sumsq: 0, shared: 0, offSum: 0, offSumsq: 0 };
    for (let l = 0; l < L; l++) {
      const xs = g.values[e * L + l]!;
      for (let v = 0; v < V; v++) {
        const x = xs[v]!;
        if (Number.isNaN(x)) continue;
        s.n++; s.sum += x; s.sumsq += x * x;
        const c = l * V + v;
        if (cells.n[c]! >= 2) {
          const off = x - cells.sum[c]! / cells.n[c]!;
          s.shared++; s.offSum += off; s.offSumsq += off * off;
        }
      }
    }
    return s;
  });
  return { sums: sums.filter((s) => s.n > 0), cells };
}

/** Each cell's total with every evaluator's offset (`offsets`, by evaluator id; absent = 0) taken off their values. */
export function correctedTotals(g: CalibrationGrid, cells: { sum: Float64Array; n: Float64Array }, offsets: ReadonlyMap<string, number>): Float64Array {
  const L = g.leafIds.length;
  const V = g.vendorIds.length;
  const out = Float64Array.from(cells.sum);
  g.evaluatorIds.forEach((id, e) => {
    const o = offsets.get(String(id)) ?? 0;
    if (!Number.isFinite(o) || o === 0) return;
    for (let l = 0; l < L; l++) {
      const xs = g.values[e * L + l]!;
      for (let v = 0; v < V; v++) if (!Number.isNaN(xs[v]!)) out[l * V + v]! -= o;
    }
  });
  return out;
}
