import type { CellAggregate, CriterionNode, RankVendor, Scale } from './types.js';
import { clamp01, rankingPlan, round9, validPrice, type ExcludedVendor, type RankingResult, type RankRow, type ReviewFlag } from './ranking.js';

/**
 * An evaluation's cell aggregates as typed arrays, vendor-major: the cell of vendor row `r` and
 * criterion column `c` sits at `r * stride + c`. Absent cells read as no consensus, no value and no
 * pass/fail votes, which ranks exactly like a missing `CellAggregate`. 25 bytes a cell: the
 * 14,000 × 25 landscape takes under 9 MB instead of 350,000 objects.
 */
export interface CellMatrix {
  /** Vendor id → row. */
  readonly rows: ReadonlyMap<string, number>;
  /** Criterion id → column. */
  readonly cols: ReadonlyMap<string, number>;
  readonly stride: number;
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
 * Builds a `CellMatrix`, growing as new vendors and criteria appear. Starting from an existing
 * matrix copies it, so a matrix that has been handed out never changes under its reader.
 */
export class CellMatrixBuilder {
  private rows: Map<string, number>;
  private cols: Map<string, number>;
  private stride: number;
  private capacity: number;
  private value: Float64Array;
  private consensus: Float64Array;
  private hasConsensus: Uint8Array;
  private pass: Int32Array;
  private fail: Int32Array;

  constructor(from?: CellMatrix, hint: { rows?: number; cols?: number } = {}) {
    this.rows = new Map(from?.rows);
    this.cols = new Map(from?.cols);
    this.stride = Math.max(1, from?.stride ?? 0, hint.cols ?? 0);
    // A copy gets a little room: a change rarely brings more than a few new vendors.
    this.capacity = Math.max(16, from ? this.rows.size + 64 : 0, hint.rows ?? 0);
    const n = this.capacity * this.stride;
    this.value = new Float64Array(n).fill(NaN);
    this.consensus = new Float64Array(n);
    this.hasConsensus = new Uint8Array(n);
    this.pass = new Int32Array(n);
    this.fail = new Int32Array(n);
    if (from) this.copyFrom(from, from.stride, from.rows.size);
  }

  private copyFrom(m: Pick<CellMatrix, 'value' | 'consensus' | 'hasConsensus' | 'pass' | 'fail'>, stride: number, rows: number): void {
    const pairs = [[m.value, this.value], [m.consensus, this.consensus], [m.hasConsensus, this.hasConsensus], [m.pass, this.pass], [m.fail, this.fail]] as const;
    for (const [src, dst] of pairs) {
      if (stride === this.stride) (dst as Float64Array).set((src as Float64Array).subarray(0, rows * stride));
      else for (let r = 0; r < rows; r++) (dst as Float64Array).set((src as Float64Array).subarray(r * stride, (r + 1) * stride), r * this.stride);
    }
  }

  private grow(capacity: number, stride: number): void {
    const old = { value: this.value, consensus: this.consensus, hasConsensus: this.hasConsensus, pass: this.pass, fail: this.fail };
    const oldStride = this.stride;
    this.capacity = capacity;
    this.stride = stride;
    const n = capacity * stride;
    this.value = new Float64Array(n).fill(NaN);
    this.consensus = new Float64Array(n);
    this.hasConsensus = new Uint8Array(n);
    this.pass = new Int32Array(n);
    this.fail = new Int32Array(n);
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
    this.value[i] = Number.isFinite(v) ? v : NaN;
    this.consensus[i] = consensus ?? 0;
    this.hasConsensus[i] = consensus === null ? 0 : 1;
    this.pass[i] = pass;
    this.fail[i] = fail;
    return this;
  }

  /** The matrix so far; the builder must not be used afterwards. */
  build(): CellMatrix {
    return { rows: this.rows, cols: this.cols, stride: this.stride, value: this.value, consensus: this.consensus, hasConsensus: this.hasConsensus, pass: this.pass, fail: this.fail };
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
}

/** `RankingResult`, with how many vendors were ranked (`rows` may be cut to `limit`). */
export interface MatrixRankingResult extends RankingResult { ranked: number }

/**
 * Exactly `rankVendors` (same rows, ranks, ties, coverage, gates, flags, cost scores and
 * breakdowns, bit for bit), computed over a `CellMatrix`: totals are summed into typed arrays in
 * the same order as `rankVendors` sums them, and row objects are made only for the rows returned.
 */
export function rankMatrix(input: MatrixRankingInput): MatrixRankingResult {
  const { scale, vendors, matrix } = input;
  const { stride } = matrix;
  const { weighted, mustHaves, topKeys } = rankingPlan(input.criteria, input.leafWeights);
  const T = topKeys.length;
  const topIndex = new Map(topKeys.map((k, i) => [k, i]));

  // The weighted leaves as parallel arrays: matrix column (-1: no cells; -2: cost), top, weight.
  const W = weighted.length;
  const wCol = new Int32Array(W);
  const wTop = new Int32Array(W);
  const wW = new Float64Array(W);
  const w100 = new Float64Array(W);
  weighted.forEach(({ c, w, top }, k) => {
    wCol[k] = c.kind === 'cost' ? -2 : (matrix.cols.get(c.id) ?? -1);
    wTop[k] = topIndex.get(top)!;
    wW[k] = w;
    w100[k] = 100 * w;
  });
  const mCols = mustHaves.map((c) => matrix.cols.get(c.id) ?? -1);

  // Must-have gates, in vendor order then tree order, as rankVendors walks them.
  const V = vendors.length;
  const excluded: ExcludedVendor[] = [];
  const flags: ReviewFlag[] = [];
  const ranked: number[] = [];
  const rowOf = new Int32Array(V);
  for (let v = 0; v < V; v++) {
    const vendor = vendors[v]!;
    const r = matrix.rows.get(vendor.id) ?? -1;
    rowOf[v] = r;
    let failure: ExcludedVendor | undefined;
    if (r >= 0) {
      const base = r * stride;
      for (let k = 0; k < mCols.length; k++) {
        const col = mCols[k]!;
        if (col < 0) continue;
        const i = base + col;
        const pass = matrix.pass[i]!;
        const fail = matrix.fail[i]!;
        let why: string | undefined;
        if (matrix.hasConsensus[i] === 1) {
          if (matrix.consensus[i] === 0) why = ' (consensus)';
        } else if (fail > pass) {
          why = ` (${fail} of ${pass + fail} evaluators)`;
        } else if (pass === fail && pass > 0) {
          flags.push({ vendorId: vendor.id, criterionId: mustHaves[k]!.id, reason: 'tied must-have votes' });
        }
        if (why !== undefined && !failure) {
          failure = { vendorId: vendor.id, name: vendor.name, criterionId: mustHaves[k]!.id, reason: `Failed must-have "${mustHaves[k]!.name}"${why}` };
        }
      }
    }
    if (failure) excluded.push(failure);
    else ranked.push(v);
  }

  let minPrice = Infinity;
  for (const v of ranked) {
    const p = vendors[v]!.price;
    if (validPrice(p) && p < minPrice) minPrice = p;
  }
  const range = scale.max - scale.min;

  // Per ranked vendor: its breakdown by top-level criterion, total and coverage.
  const R = ranked.length;
  const parts = new Float64Array(R * T);
  const totals = new Float64Array(R);
  const coverages = new Float64Array(R);
  const { value } = matrix;
  for (let j = 0; j < R; j++) {
    const v = ranked[j]!;
    const r = rowOf[v]!;
    const base = r * stride;
    const price = vendors[v]!.price;
    const at = j * T;
    let coverage = 0;
    for (let k = 0; k < W; k++) {
      const col = wCol[k]!;
      let n: number;
      if (col === -2) {
        if (!validPrice(price)) continue;
        n = minPrice === 0 ? (price === 0 ? 1 : 0) : minPrice / price;
      } else {
        if (col < 0 || r < 0) continue;
        const x = value[base + col]!;
        if (Number.isNaN(x)) continue;
        n = range > 0 ? clamp01((x - scale.min) / range) : x >= scale.max ? 1 : 0;
      }
      coverage += wW[k]!;
      const p = at + wTop[k]!;
      parts[p] = parts[p]! + w100[k]! * n;
    }
    let total = 0;
    for (let t = 0; t < T; t++) total += parts[at + t]!;
    totals[j] = total;
    coverages[j] = coverage;
  }

  // Best first; ties by name (case-insensitive), then id, as rankVendors sorts them.
  const keys = new Float64Array(R);
  let anyNaN = false;
  for (let j = 0; j < R; j++) {
    const k = round9(totals[j]!);
    keys[j] = k;
    if (k !== k) anyNaN = true;
  }
  const count = input.limit === undefined || !(input.limit < R) ? R : Math.max(0, Math.floor(input.limit));
  // Only the best `count` are needed: those whose key reaches the count-th best key (ties
  // included) are exactly the first ones of the full order, so sorting them alone gives the same
  // first rows and ranks. Finite keys only: with NaN the comparison is not an order.
  let order: number[];
  if (count < R && !anyNaN) {
    const threshold = count === 0 ? Infinity : keys.slice().sort()[R - count]!;
    order = [];
    for (let j = 0; j < R; j++) if (keys[j]! >= threshold) order.push(j);
  } else order = Array.from({ length: R }, (_, j) => j);
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

  const rows: RankRow[] = new Array<RankRow>(count);
  let rank = 0;
  for (let i = 0; i < count; i++) {
    const j = order[i]!;
    if (i === 0 || keys[order[i - 1]!] !== keys[j]) rank = i + 1;
    const vendor = vendors[ranked[j]!]!;
    const breakdown: Record<string, number> = {};
    for (let t = 0; t < T; t++) breakdown[topKeys[t]!] = parts[j * T + t]!;
    const coverage = coverages[j]!;
    rows[i] = { rank, vendorId: vendor.id, name: vendor.name, total: totals[j]!, coverage, provisional: coverage < 1 - 1e-9, breakdown };
  }
  excluded.sort((a, b) => {
    const x = a.name.toLowerCase();
    const y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0;
  });
  return { rows, excluded, flags, ranked: R };
}
