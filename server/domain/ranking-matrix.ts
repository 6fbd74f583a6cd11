import type { CellAggregate, CriterionNode, RankVendor, Scale } from './types.js';
import { mustHaveGate } from './must-have-gate.js';
import { byVendorName, clamp01, rankingPlan, round9, validPrice, type ExcludedVendor, type RankingResult, type RankRow, type ReviewFlag, type UnscoredVendor } from './ranking.js';
import { costBasis, costScore, DEFAULT_COST_FORMULA, type CostBasis, type CostFormula } from './cost-formula.js';

/**
 * An evaluation's cell aggregates as typed arrays, vendor-major: the cell of vendor row `r` and
 * criterion column `c` sits at `r * stride + c`. Absent cells read as no consensus, no value and no
 * pass/fail votes, which ranks exactly like a missing `CellAggregate`. 25 bytes a cell: the
 * 14,000 × 25 landscape takes under 9 MB instead of 350,000 objects.
 */
export interface CellMatrix extends CellArrays {
  /** Vendor id → row. */
  readonly rows: ReadonlyMap<string, number>;
  /** Criterion id → column. */
  readonly cols: ReadonlyMap<string, number>;
  readonly stride: number;
}

/** The per-cell arrays of a matrix, each `rows × stride` long. */
interface CellArrays {
  /** What ranking scores: the consensus if set, else the mean (sum / count); NaN when neither, or not finite. */
  readonly value: Float64Array;
  /** The consensus (meaningful where `hasConsensus` is 1). */
  readonly consensus: Float64Array;
  /** 1 where the cell has a consensus (`consensus !== null`). */
  readonly hasConsensus: Uint8Array;
  readonly pass: Int32Array;
  readonly fail: Int32Array;
}

/** One cell's figures as stored (the fields of `CellAggregate` ranking reads). */
export interface CellFigures { count: number; sum: number; pass: number; fail: number; consensus: number | null }

/**
 * Arrays for `n` cells, every one absent (NaN value, no consensus, no votes). They live in shared
 * memory: a built matrix never changes (a change is built on a copy), so a heavy pool thread can
 * read the very same cells. Posting a matrix to a thread then shares its arrays instead of
 * serialising 9 MB on the event loop (25–100 ms on the landscape; issue 15, promise 1).
 */
const emptyCells = (n: number): CellArrays => ({
  value: new Float64Array(new SharedArrayBuffer(n * 8)).fill(NaN),
  consensus: new Float64Array(new SharedArrayBuffer(n * 8)),
  hasConsensus: new Uint8Array(new SharedArrayBuffer(n)),
  pass: new Int32Array(new SharedArrayBuffer(n * 4)),
  fail: new Int32Array(new SharedArrayBuffer(n * 4)),
});

/**
 * Builds a `CellMatrix`, growing as new vendors and criteria appear. Starting from an existing
 * matrix copies it, so a matrix that has been handed out never changes under its reader.
 */
export class CellMatrixBuilder {
  private rows: Map<string, number>;
  private cols: Map<string, number>;
  private stride: number;
  private capacity: number;
  private cells: CellArrays;

  constructor(from?: CellMatrix, hint: { rows?: number; cols?: number } = {}) {
    this.rows = new Map(from?.rows);
    this.cols = new Map(from?.cols);
    this.stride = Math.max(1, from?.stride ?? 0, hint.cols ?? 0);
    // A copy gets a little room: a change rarely brings more than a few new vendors.
    this.capacity = Math.max(16, from ? this.rows.size + 64 : 0, hint.rows ?? 0);
    this.cells = emptyCells(this.capacity * this.stride);
    if (from) this.copyFrom(from, from.stride, from.rows.size);
  }

  private copyFrom(m: CellArrays, stride: number, rows: number): void {
    const to = this.cells;
    const pairs = [[m.value, to.value], [m.consensus, to.consensus], [m.hasConsensus, to.hasConsensus], [m.pass, to.pass], [m.fail, to.fail]] as const;
    for (const [src, dst] of pairs) {
      if (stride === this.stride) (dst as Float64Array).set((src as Float64Array).subarray(0, rows * stride));
      else for (let r = 0; r < rows; r++) (dst as Float64Array).set((src as Float64Array).subarray(r * stride, (r + 1) * stride), r * this.stride);
    }
  }

  private grow(capacity: number, stride: number): void {
    const old = this.cells;
    const oldStride = this.stride;
    this.capacity = capacity;
    this.stride = stride;
    this.cells = emptyCells(capacity * stride);
    this.copyFrom(old, oldStride, this.rows.size);
  }

  private rowOf(vendorId: string): number {
    let r = this.rows.get(vendorId);
    if (r === undefined) {
      r = this.rows.size;
      if (r >= this.capacity) this.grow(Math.ceil(this.capacity * 1.5), this.stride);
      this.rows.set(vendorId, r);
    }
    return r;
  }

  private colOf(criterionId: string): number {
    let c = this.cols.get(criterionId);
    if (c === undefined) {
      c = this.cols.size;
      if (c >= this.stride) this.grow(this.capacity, Math.max(this.stride + 1, Math.ceil(this.stride * 1.25)));
      this.cols.set(criterionId, c);
    }
    return c;
  }

  /** Sets (or replaces) one cell. */
  set(vendorId: string, criterionId: string, cell: CellFigures): this {
    return this.put(vendorId, criterionId, cell.count, cell.sum, cell.pass, cell.fail, cell.consensus);
  }

  /** `set` without a figures object, for loading many rows. */
  put(vendorId: string, criterionId: string, count: number, sum: number, pass: number, fail: number, consensus: number | null): this {
    const c = this.colOf(criterionId);
    const i = this.rowOf(vendorId) * this.stride + c;
    const v = consensus !== null ? consensus : count > 0 ? sum / count : NaN;
    const cells = this.cells;
    cells.value[i] = Number.isFinite(v) ? v : NaN;
    cells.consensus[i] = consensus ?? 0;
    cells.hasConsensus[i] = consensus === null ? 0 : 1;
    cells.pass[i] = pass;
    cells.fail[i] = fail;
    return this;
  }

  /** The matrix so far; the builder must not be used afterwards. */
  build(): CellMatrix {
    return { rows: this.rows, cols: this.cols, stride: this.stride, ...this.cells };
  }
}

/** A matrix of the given cells; a later cell for the same vendor × criterion replaces an earlier one, as in `rankVendors`. */
export function matrixFromCells(cells: readonly CellAggregate[]): CellMatrix {
  const b = new CellMatrixBuilder();
  for (const c of cells) b.set(c.vendorId, c.criterionId, c);
  return b.build();
}

/** Everything `rankMatrix` needs: `RankingInput` with the cells as a matrix. */
export interface MatrixRankingInput {
  criteria: readonly CriterionNode[];
  leafWeights: ReadonlyMap<string, number>;
  scale: Scale;
  vendors: readonly RankVendor[];
  matrix: CellMatrix;
  /** Build row objects only for the best `limit` vendors (ranks still count every vendor). */
  limit?: number | undefined;
  /** How a price becomes a cost score (ADR 030); lowest ÷ price when absent. */
  costFormula?: CostFormula | undefined;
}

/** `RankingResult`, with how many vendors were ranked (`rows` may be cut to `limit`; the unscored are not counted). */
export interface MatrixRankingResult extends RankingResult { ranked: number }

/**
 * Exactly `rankVendors` (same rows, ranks, ties, coverage, gates, flags, cost scores and
 * breakdowns, bit for bit), computed over a `CellMatrix`: totals are summed into typed arrays in
 * the same order as `rankVendors` sums them, and row objects are made only for the rows returned.
 */
export function rankMatrix(input: MatrixRankingInput): MatrixRankingResult {
  const prepared = prepareRanking(input);
  const { vendors, ranked, unscored, gates, columns, topKeys } = prepared;
  const scores = scoreRanked({ vendors, matrix: input.matrix, scale: input.scale, ranked, rowOf: gates.rowOf, columns, cost: prepared.cost });
  const best = bestOrder(vendors, ranked, scores.totals, input.limit);
  const rows = rankRows(vendors, ranked, topKeys, scores, best);
  gates.excluded.sort(byVendorName);
  return { rows, excluded: gates.excluded, unscored, flags: gates.flags, ranked: ranked.length };
}

/**
 * The steps of `rankMatrix` before any total is summed: the plan, the must-have gates, the vendors
 * ranked and the cheapest price among them. The working (one vendor's lines) and the TOPSIS check
 * start from here, so they rank exactly the vendors the weighted sum ranks, with the same prices.
 */
export function prepareRanking(input: MatrixRankingInput) {
  const { vendors, matrix } = input;
  const { weighted, mustHaves, topKeys, scoresNeeded } = rankingPlan(input.criteria, input.leafWeights);
  const gates = gateMustHaves(vendors, mustHaves, matrix);
  const columns = weightedColumns(weighted, topKeys, matrix);
  const { ranked, unscored } = setAsideUnscored(vendors, gates, columns, matrix, scoresNeeded);
  const cost = costBasis(input.costFormula ?? DEFAULT_COST_FORMULA, rankedPrices(vendors, ranked));
  return { vendors, weighted, topKeys, gates, columns, ranked, unscored, minPrice: cost.lowest, cost };
}

export type PreparedRanking = ReturnType<typeof prepareRanking>;

type Plan = ReturnType<typeof rankingPlan>;

/** Vendors still in the running (indexes into `vendors`, in vendor order), each one's matrix row (-1: no cells), the gated-out and the flags. */
interface Gates { running: number[]; rowOf: Int32Array; excluded: ExcludedVendor[]; flags: ReviewFlag[] }

/** Must-have gates, in vendor order then tree order, as rankVendors walks them. */
function gateMustHaves(vendors: readonly RankVendor[], mustHaves: Plan['mustHaves'], matrix: CellMatrix): Gates {
  const mCols = mustHaves.map((c) => matrix.cols.get(c.id) ?? -1);
  const gates: Gates = { running: [], rowOf: new Int32Array(vendors.length), excluded: [], flags: [] };
  for (let v = 0; v < vendors.length; v++) {
    const vendor = vendors[v]!;
    const r = matrix.rows.get(vendor.id) ?? -1;
    gates.rowOf[v] = r;
    const failure = r < 0 ? undefined : firstFailedMustHave(vendor, r * matrix.stride, mCols, mustHaves, matrix, gates.flags);
    if (failure) gates.excluded.push(failure);
    else gates.running.push(v);
  }
  return gates;
}

/** The vendor's first failed must-have (tree order), flagging tied votes on every must-have it walks. */
function firstFailedMustHave(
  vendor: RankVendor, base: number, mCols: readonly number[], mustHaves: Plan['mustHaves'], matrix: CellMatrix, flags: ReviewFlag[],
): ExcludedVendor | undefined {
  let failure: ExcludedVendor | undefined;
  for (let k = 0; k < mCols.length; k++) {
    const col = mCols[k]!;
    if (col < 0) continue;
    const i = base + col;
    const why = mustHaveGate(mustHaves[k]!.name, matrix.hasConsensus[i] === 1 ? matrix.consensus[i]! : null, matrix.pass[i]!, matrix.fail[i]!);
    if (why?.code === 'must_have_tied') flags.push({ vendorId: vendor.id, criterionId: mustHaves[k]!.id, why });
    else if (why && !failure) failure = { vendorId: vendor.id, name: vendor.name, criterionId: mustHaves[k]!.id, why };
  }
  return failure;
}

/**
 * Splits the vendors in the running into those with a value on a weighted leaf that takes scores
 * (ranked) and those nobody scored (by name); as `rankVendors`, a price counts only when no
 * weighted leaf takes scores.
 */
function setAsideUnscored(
  vendors: readonly RankVendor[], gates: Gates, columns: WeightedColumns, matrix: CellMatrix, scoresNeeded: boolean,
): { ranked: number[]; unscored: UnscoredVendor[] } {
  const ranked: number[] = [];
  const unscored: UnscoredVendor[] = [];
  for (const v of gates.running) {
    const scored = scoresNeeded ? hasScoredLeaf(gates.rowOf[v]!, columns, matrix) : columns.col.length > 0 && validPrice(vendors[v]!.price);
    if (scored) ranked.push(v);
    else unscored.push({ vendorId: vendors[v]!.id, name: vendors[v]!.name });
  }
  unscored.sort(byVendorName);
  return { ranked, unscored };
}

/** Whether matrix row `r` (-1: no cells) has a value on any weighted leaf that takes scores. */
function hasScoredLeaf(r: number, columns: WeightedColumns, matrix: CellMatrix): boolean {
  if (r < 0) return false;
  const base = r * matrix.stride;
  for (let k = 0; k < columns.col.length; k++) {
    const col = columns.col[k]!;
    if (col >= 0 && !Number.isNaN(matrix.value[base + col]!)) return true;
  }
  return false;
}

/** The weighted leaves as parallel arrays: matrix column (-1: no cells; -2: cost), top-level index, weight, 100 × weight. */
export interface WeightedColumns { col: Int32Array; top: Int32Array; w: Float64Array; w100: Float64Array; tops: number }

function weightedColumns(weighted: Plan['weighted'], topKeys: Plan['topKeys'], matrix: CellMatrix): WeightedColumns {
  const topIndex = new Map(topKeys.map((k, i) => [k, i]));
  const n = weighted.length;
  const out: WeightedColumns = { col: new Int32Array(n), top: new Int32Array(n), w: new Float64Array(n), w100: new Float64Array(n), tops: topKeys.length };
  weighted.forEach(({ c, w, top }, k) => {
    out.col[k] = c.kind === 'cost' ? -2 : (matrix.cols.get(c.id) ?? -1);
    out.top[k] = topIndex.get(top)!;
    out.w[k] = w;
    out.w100[k] = 100 * w;
  });
  return out;
}

/** The valid prices of the vendors ranked, as rankVendors judges them: what every cost formula reads. */
function* rankedPrices(vendors: readonly RankVendor[], ranked: readonly number[]): Generator<number> {
  for (const v of ranked) {
    const p = vendors[v]!.price;
    if (validPrice(p)) yield p;
  }
}

/** Per ranked vendor (index j into `ranked`): its breakdown by top-level criterion at `parts[j * tops + t]`, total and coverage. */
interface Scores { parts: Float64Array; totals: Float64Array; coverages: Float64Array }

export interface LeafScoring {
  vendors: readonly RankVendor[]; matrix: CellMatrix; scale: Scale;
  ranked: readonly number[]; rowOf: Int32Array; columns: WeightedColumns; cost: CostBasis;
}

function scoreRanked(input: LeafScoring): Scores {
  const R = input.ranked.length;
  const T = input.columns.tops;
  const scores: Scores = { parts: new Float64Array(R * T), totals: new Float64Array(R), coverages: new Float64Array(R) };
  for (let j = 0; j < R; j++) {
    const v = input.ranked[j]!;
    scores.coverages[j] = addLeafPoints(input, input.rowOf[v]!, input.vendors[v]!.price, scores.parts, j * T);
    let total = 0;
    for (let t = 0; t < T; t++) total += scores.parts[j * T + t]!;
    scores.totals[j] = total;
  }
  return scores;
}

/** Adds one vendor's weighted leaf points into `parts` from `at`, in leaf order; returns the weight share scored. */
export function addLeafPoints(input: LeafScoring, r: number, price: number | null, parts: Float64Array, at: number): number {
  const { col: wCol, top: wTop, w: wW, w100 } = input.columns;
  const { scale, cost } = input;
  const { value, stride } = input.matrix;
  const base = r * stride;
  const range = scale.max - scale.min;
  let coverage = 0;
  for (let k = 0; k < wCol.length; k++) {
    const col = wCol[k]!;
    const n = leafNormalised(col, col === -2 || r < 0 || col < 0 ? NaN : value[base + col]!, price, cost, scale, range);
    if (Number.isNaN(n)) continue;
    coverage += wW[k]!;
    const p = at + wTop[k]!;
    parts[p] = parts[p]! + w100[k]! * n;
  }
  return coverage;
}

/**
 * One leaf's normalised score (0–1), NaN when the vendor has no value there: for a cost leaf
 * (`col` -2) the evaluation's cost formula over the vendor's price (ADR 004, ADR 030), else the value
 * (`x`: the consensus or the mean, NaN when absent) placed on the scale. The one formula the ranking
 * and the working share.
 */
export function leafNormalised(col: number, x: number, price: number | null, cost: CostBasis, scale: Scale, range: number): number {
  if (col === -2) return validPrice(price) ? costScore(price, cost) : NaN;
  if (Number.isNaN(x)) return NaN;
  return range > 0 ? clamp01((x - scale.min) / range) : x >= scale.max ? 1 : 0;
}

/** The first `count` ranked vendors (indexes into `ranked`) best first, and every one's rounded sort key. */
interface BestOrder { order: number[]; keys: Float64Array; count: number }

/** Best first; ties by name (case-insensitive), then id, as rankVendors sorts them. */
function bestOrder(vendors: readonly RankVendor[], ranked: readonly number[], totals: Float64Array, limit: number | undefined): BestOrder {
  const R = ranked.length;
  const keys = new Float64Array(R);
  let anyNaN = false;
  for (let j = 0; j < R; j++) {
    const k = round9(totals[j]!);
    keys[j] = k;
    if (k !== k) anyNaN = true;
  }
  const count = limit === undefined || !(limit < R) ? R : Math.max(0, Math.floor(limit));
  const order = candidates(keys, count, anyNaN);
  const lower = new Array<string>(R);
  for (const j of order) lower[j] = vendors[ranked[j]!]!.name.toLowerCase();
  order.sort((a, b) => {
    const d = keys[b]! - keys[a]!;
    if (d) return d;
    const x = lower[a]!;
    const y = lower[b]!;
    if (x < y) return -1;
    if (x > y) return 1;
    const ia = vendors[ranked[a]!]!.id;
    const ib = vendors[ranked[b]!]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return { order, keys, count };
}

/**
 * The ranked vendors worth sorting. Only the best `count` are needed: those whose key reaches the
 * count-th best key (ties included) are exactly the first ones of the full order, so sorting them
 * alone gives the same first rows and ranks. Finite keys only: with NaN the comparison is not an order.
 */
function candidates(keys: Float64Array, count: number, anyNaN: boolean): number[] {
  const R = keys.length;
  if (!(count < R && !anyNaN)) return Array.from({ length: R }, (_, j) => j);
  const threshold = count === 0 ? Infinity : keys.slice().sort()[R - count]!;
  const order: number[] = [];
  for (let j = 0; j < R; j++) if (keys[j]! >= threshold) order.push(j);
  return order;
}

/** Row objects for the first `count` of the order; equal keys share a rank. */
function rankRows(vendors: readonly RankVendor[], ranked: readonly number[], topKeys: Plan['topKeys'], scores: Scores, best: BestOrder): RankRow[] {
  const { order, keys, count } = best;
  const T = topKeys.length;
  const rows: RankRow[] = new Array<RankRow>(count);
  let rank = 0;
  for (let i = 0; i < count; i++) {
    const j = order[i]!;
    if (i === 0 || keys[order[i - 1]!] !== keys[j]) rank = i + 1;
    const vendor = vendors[ranked[j]!]!;
    const breakdown: Record<string, number> = {};
    for (let t = 0; t < T; t++) breakdown[topKeys[t]!] = scores.parts[j * T + t]!;
    const coverage = scores.coverages[j]!;
    rows[i] = { rank, vendorId: vendor.id, name: vendor.name, total: scores.totals[j]!, coverage, provisional: coverage < 1 - 1e-9, breakdown };
  }
  return rows;
}
