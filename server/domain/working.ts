import { pathOf } from './criteria-tree.js';
import type { CostFormula } from './cost-formula.js';
import type { MustHaveFailed } from './must-have-gate.js';
import { addLeafPoints, leafNormalised, prepareRanking, type MatrixRankingInput } from './ranking-matrix.js';

/**
 * One weighted leaf of a vendor's total, as a reviewer recomputes it by hand: `value` is what was
 * ranked (the consensus if any, else the mean of the scores; the price on a cost leaf), `normalised`
 * its 0–1 score, and `contribution` = 100 × `weight` × `normalised` (0 when there is no value).
 */
export interface WorkingLine {
  criterionId: string;
  /** Names from the top-level criterion down to this leaf. */
  path: string[];
  kind: 'scored' | 'cost';
  weight: number;
  value: number | null;
  normalised: number | null;
  contribution: number;
  /** Whether `value` is a consensus the facilitator set (then the mean is not what was ranked). */
  consensus: boolean;
}

/** Why a vendor has no working: the weighted sum did not rank it. */
export type NotRanked = { status: 'excluded'; why: MustHaveFailed } | { status: 'unscored' } | { status: 'absent' };

export interface Working {
  vendorId: string;
  name: string;
  /** Exactly the ranking's total for the vendor (the same sums in the same order). */
  total: number;
  coverage: number;
  /** The lowest price among the ranked vendors (cost leaves divide it by the vendor's price); null when none. */
  lowestPrice: number | null;
  /** The cost formula and the prices it reads (ADR 030): the highest and the average among the ranked vendors, null when none. */
  cost: { formula: CostFormula; highestPrice: number | null; averagePrice: number | null };
  lines: WorkingLine[];
}

/**
 * The working of one vendor's total, from the same preparation and the same leaf formula as
 * `rankMatrix`, so the two cannot disagree: the total is summed by the ranking's own code.
 */
export function vendorWorking(input: MatrixRankingInput, vendorId: string): Working | NotRanked {
  const prepared = prepareRanking(input);
  const { vendors, ranked, gates, columns, weighted, minPrice, cost } = prepared;
  const v = vendors.findIndex((x) => x.id === vendorId);
  if (v < 0) return { status: 'absent' };
  const excluded = gates.excluded.find((x) => x.vendorId === vendorId);
  if (excluded) return { status: 'excluded', why: excluded.why };
  if (!ranked.includes(v)) return { status: 'unscored' };

  const vendor = vendors[v]!;
  const r = gates.rowOf[v]!;
  const { matrix, scale } = input;
  const parts = new Float64Array(columns.tops);
  const coverage = addLeafPoints({ vendors, matrix, scale, ranked, rowOf: gates.rowOf, columns, cost }, r, vendor.price, parts, 0);
  let total = 0;
  for (const p of parts) total += p;

  const range = scale.max - scale.min;
  const lines = weighted.map(({ c, w }, k): WorkingLine => {
    const col = columns.col[k]!;
    const i = r * matrix.stride + col;
    const x = col < 0 || r < 0 ? NaN : matrix.value[i]!;
    const n = leafNormalised(col, x, vendor.price, cost, scale, range);
    const value = col === -2 ? (Number.isNaN(n) ? null : vendor.price) : Number.isNaN(x) ? null : x;
    return {
      criterionId: c.id, path: [...pathOf(input.criteria, c).map((p) => p.name), c.name], kind: c.kind === 'cost' ? 'cost' : 'scored',
      weight: w, value, normalised: Number.isNaN(n) ? null : n, contribution: Number.isNaN(n) ? 0 : columns.w100[k]! * n,
      consensus: col >= 0 && r >= 0 && matrix.hasConsensus[i] === 1,
    };
  });
  return { vendorId, name: vendor.name, total, coverage, lowestPrice: Number.isFinite(minPrice) ? minPrice : null,
    cost: { formula: cost.formula, highestPrice: Number.isFinite(cost.highest) ? cost.highest : null, averagePrice: Number.isFinite(cost.average) ? cost.average : null }, lines };
}
