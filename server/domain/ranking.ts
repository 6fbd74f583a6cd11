import type { CellAggregate, CriterionNode, RankVendor, Scale } from './types.js';
import { mustHaveGate, type MustHaveFailed, type MustHaveTied } from './must-have-gate.js';
import { weightCarriers } from './weights.js';
import { leavesOf, treeOrder } from './criteria-tree.js';
import { costBasis, costScore, DEFAULT_COST_FORMULA, type CostFormula } from './cost-formula.js';

export { treeOrder } from './criteria-tree.js';

/** Everything ranking needs; leafWeights normally comes from resolveWeights(...).leaves. */
export interface RankingInput {
  criteria: readonly CriterionNode[];
  leafWeights: ReadonlyMap<string, number>;
  scale: Scale;
  vendors: readonly RankVendor[];
  cells: readonly CellAggregate[];
  /** How a price becomes a cost score (ADR 030); lowest ÷ price when absent. */
  costFormula?: CostFormula | undefined;
}

/** One ranked vendor; total and breakdown are points out of 100, coverage is the weight share actually scored. */
export interface RankRow {
  rank: number;
  vendorId: string;
  name: string;
  total: number;
  coverage: number;
  provisional: boolean;
  breakdown: Record<string, number>;
}

export type { MustHaveFailed, MustHaveTied } from './must-have-gate.js';

/**
 * A vendor removed from the ranking by a must-have gate: which one and how, as data (phrased by the
 * reader: views/must-have-reasons.ts). `rationale` is the consensus rationale the facilitator wrote
 * on that cell, added by the read model that has it (read-models/ranking.ts).
 */
export interface ExcludedVendor { vendorId: string; name: string; criterionId: string; why: MustHaveFailed; rationale?: string }

/** Something a human should look at before trusting the result (today: tied must-have votes). */
export interface ReviewFlag { vendorId: string; criterionId: string; why: MustHaveTied }

/** A vendor in the running that nobody has scored yet: listed apart, without a rank (issue 11). */
export interface UnscoredVendor { vendorId: string; name: string }

/** Ranked rows (best first, ranks counting only them), vendors gated out, vendors not yet scored (by name), and review flags. */
export interface RankingResult { rows: RankRow[]; excluded: ExcludedVendor[]; unscored: UnscoredVendor[]; flags: ReviewFlag[] }

// Totals are sums of float products; rounding before comparing keeps noise from splitting real ties.
export const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;
export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number => {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};
/** `byName` for the listed (excluded or unscored) vendors. */
export const byVendorName = (a: { vendorId: string; name: string }, b: { vendorId: string; name: string }): number =>
  byName({ name: a.name, id: a.vendorId }, { name: b.name, id: b.vendorId });

function indexCells(cells: readonly CellAggregate[]): Map<string, Map<string, CellAggregate>> {
  const index = new Map<string, Map<string, CellAggregate>>();
  for (const cell of cells) {
    let row = index.get(cell.vendorId);
    if (!row) index.set(cell.vendorId, (row = new Map()));
    row.set(cell.criterionId, cell);
  }
  return index;
}

function scoredValue(cell: CellAggregate | undefined): number | undefined {
  if (!cell) return undefined;
  const v = cell.consensus !== null ? cell.consensus : cell.count > 0 ? cell.sum / cell.count : undefined;
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

export const validPrice = (p: number | null): p is number => p !== null && Number.isFinite(p) && p >= 0;

/**
 * What both rankers need from the criteria tree: the weighted leaves (with their weight and
 * top-level criterion), the must-have leaves in tree order, and the breakdown's top-level keys.
 */
export function rankingPlan(criteria: readonly CriterionNode[], leafWeights: ReadonlyMap<string, number>) {
  const ordered = treeOrder(criteria);
  const byId = new Map(ordered.map((c) => [c.id, c]));
  const leaves = leavesOf(ordered);
  // Bounded walk: the tree is two levels deep, but a malformed parent chain must not hang ranking.
  const topOf = (c: CriterionNode): string => {
    let node = c;
    for (let i = 0; i < ordered.length; i++) {
      const parent = node.parentId === null ? undefined : byId.get(node.parentId);
      if (!parent) break;
      node = parent;
    }
    return node.id;
  };

  const weighted = leaves.flatMap((c) => {
    const w = leafWeights.get(c.id) ?? 0;
    return c.kind !== 'must-have' && Number.isFinite(w) && w > 0 ? [{ c, w, top: topOf(c) }] : [];
  });
  const mustHaves = leaves.filter((c) => c.kind === 'must-have');
  // Not scored is not ranked: a vendor needs a value on a weighted leaf that takes scores. A price
  // alone counts only when no weighted leaf takes scores (a price-only ranking); ADR 012.
  const scoresNeeded = weighted.some((x) => x.c.kind !== 'cost');
  const carriers = weightCarriers(criteria);
  const topKeys = [...new Set([
    ...ordered.filter((c) => c.parentId === null && carriers.has(c.id)).map((c) => c.id),
    ...weighted.map((x) => x.top),
  ])];
  return { weighted, mustHaves, topKeys, scoresNeeded };
}

/**
 * Rank vendors by weighted normalised score after must-have gating; vendors nobody has scored are
 * listed in `unscored` and take no rank. O(vendors × criteria).
 * The reference for the maths: `rankMatrix` (ranking-matrix.ts), which the app uses over its cell
 * cache, must return exactly what this returns (test/unit/ranking-matrix.property.test.ts).
 */
export function rankVendors(input: RankingInput): RankingResult {
  const { scale, vendors } = input;
  const { weighted, mustHaves, topKeys, scoresNeeded } = rankingPlan(input.criteria, input.leafWeights);

  const cells = indexCells(input.cells);
  const none = new Map<string, CellAggregate>();
  const excluded: ExcludedVendor[] = [];
  const flags: ReviewFlag[] = [];
  const inRunning: RankVendor[] = [];
  for (const v of vendors) {
    const row = cells.get(v.id) ?? none;
    let failure: ExcludedVendor | undefined;
    for (const c of mustHaves) {
      const cell = row.get(c.id);
      if (!cell) continue;
      const why = mustHaveGate(c.name, cell.consensus, cell.pass, cell.fail);
      if (why?.code === 'must_have_tied') flags.push({ vendorId: v.id, criterionId: c.id, why });
      else if (why && !failure) failure = { vendorId: v.id, name: v.name, criterionId: c.id, why };
    }
    if (failure) excluded.push(failure);
    else inRunning.push(v);
  }

  const ranked: RankVendor[] = [];
  const unscored: UnscoredVendor[] = [];
  for (const v of inRunning) {
    const row = cells.get(v.id) ?? none;
    const scored = scoresNeeded
      ? weighted.some(({ c }) => c.kind !== 'cost' && scoredValue(row.get(c.id)) !== undefined)
      : weighted.length > 0 && validPrice(v.price);
    if (scored) ranked.push(v);
    else unscored.push({ vendorId: v.id, name: v.name });
  }
  unscored.sort(byVendorName);

  // Cheapest is judged only among the vendors ranked; an excluded or unscored bargain must not depress everyone.
  const cost = costBasis(input.costFormula ?? DEFAULT_COST_FORMULA, ranked.flatMap((v) => (validPrice(v.price) ? [v.price] : [])));
  const range = scale.max - scale.min;
  const scoreOf = (value: number): number =>
    range > 0 ? clamp01((value - scale.min) / range) : value >= scale.max ? 1 : 0;

  const rows: RankRow[] = ranked.map((v) => {
    const row = cells.get(v.id) ?? none;
    const breakdown: Record<string, number> = {};
    for (const k of topKeys) breakdown[k] = 0;
    let coverage = 0;
    for (const { c, w, top } of weighted) {
      let n: number | undefined;
      if (c.kind === 'cost') n = validPrice(v.price) ? costScore(v.price, cost) : undefined;
      else {
        const value = scoredValue(row.get(c.id));
        n = value === undefined ? undefined : scoreOf(value);
      }
      if (n === undefined) continue;
      coverage += w;
      breakdown[top] = (breakdown[top] ?? 0) + 100 * w * n;
    }
    let total = 0;
    for (const k of topKeys) total += breakdown[k] ?? 0;
    return { rank: 0, vendorId: v.id, name: v.name, total, coverage, provisional: coverage < 1 - 1e-9, breakdown };
  });

  excluded.sort(byVendorName);
  return { rows: rankedBy(rows, (r) => r.total), excluded, unscored, flags };
}

/**
 * Rows best first by `key` (compared after rounding to 9 decimals), ties by name then id; tied
 * rows share a rank (1, 2, 2, 4). Sets each row's `rank`.
 */
export function rankedBy<R extends { rank: number; vendorId: string; name: string }>(rows: readonly R[], key: (r: R) => number): R[] {
  const keyed = rows.map((r) => ({ r, t: round9(key(r)), id: r.vendorId, name: r.name }));
  keyed.sort((a, b) => b.t - a.t || byName(a, b));
  keyed.forEach((k, i) => {
    const prev = keyed[i - 1];
    k.r.rank = prev && prev.t === k.t ? prev.r.rank : i + 1;
  });
  return keyed.map((k) => k.r);
}
