/**
 * Analytic Hierarchy Process (Saaty 1977, 1980): priorities from a positive reciprocal
 * pairwise-comparison matrix A, where a_ij says how many times more important i is than j.
 */

/** A square matrix as rows; row i holds a_i0 … a_i(n−1). */
export type Matrix = readonly (readonly number[])[];

/** The principal (Perron) eigenvector scaled to sum 1, and its eigenvalue. */
export interface Eigen {
  vector: number[];
  lambdaMax: number;
}

/** The single comparison that disagrees most with what the other comparisons imply. */
export interface Judgement {
  /** Matrix row (0-based); always < col, so this is the judgement as entered above the diagonal. */
  row: number;
  /** Matrix column (0-based). */
  col: number;
  /** What was said: a_row,col. */
  a: number;
  /** What the priorities imply instead: w_row / w_col. */
  implied: number;
}

/** Log-deviations closer than this count as equal (and below it as no deviation at all). */
const TIE = 1e-9;

/**
 * Saaty's random index RI for n = 1..10 — the mean consistency index of random reciprocal matrices
 * (Saaty 1980). RI[n − 1] is the value for size n.
 */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/**
 * Principal eigenvector of a positive matrix by power iteration: start from equal shares, multiply by
 * A, rescale to sum 1, until no component moves by `tol` or more. For a positive matrix the Perron
 * root strictly dominates every other eigenvalue, so this converges; `maxIter` is only a guard.
 * λmax = mean over i of (A·w)_i / w_i, which equals the Perron root at convergence.
 */
export function principalEigenvector(matrix: Matrix, tol = 1e-12, maxIter = 10_000): Eigen {
  const n = matrix.length;
  if (n === 0) return { vector: [], lambdaMax: 0 };
  let w: number[] = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < maxIter; iter++) {
    const next = normaliseSum(multiply(matrix, w));
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs((next[i] ?? 0) - (w[i] ?? 0)));
    w = next;
    if (change < tol) break;
  }
  const aw = multiply(matrix, w);
  let ratioSum = 0;
  for (let i = 0; i < n; i++) ratioSum += (aw[i] ?? 0) / (w[i] ?? 1);
  return { vector: w, lambdaMax: ratioSum / n };
}

/**
 * Saaty's consistency ratio CR = CI / RI with CI = (λmax − n) / (n − 1). By convention CR ≤ 0.1 is
 * acceptable. Matrices of size 1 or 2 are always consistent (CR 0). Beyond n = 10 we reuse RI(10) =
 * 1.49: Saaty's table stops there and later estimates for larger n grow only slowly (about 1.5–1.6), so
 * this slightly overstates CR — erring towards asking the voter to look again.
 */
export function consistencyRatio(lambdaMax: number, n: number): number {
  if (n <= 2) return 0;
  const ri = RANDOM_INDEX[Math.min(n, RANDOM_INDEX.length) - 1] ?? 1.49;
  // λmax ≥ n holds for every positive reciprocal matrix; a tiny negative CR is only rounding.
  return Math.max(0, (lambdaMax - n) / (n - 1) / ri);
}

/**
 * The upper-triangle judgement whose log-deviation |ln(a_ij · w_j / w_i)| from the priorities is
 * largest: the one comparison to revisit first when CR is too high. Null when n ≤ 2 (a 2×2
 * reciprocal matrix is always consistent) or when no judgement deviates by more than 1e-9 (a
 * consistent matrix has nothing to point at). Ties within 1e-9 go to the first in reading order —
 * they are common: in a 3×3 all three judgements deviate equally, there being only one cycle.
 */
export function worstJudgement(matrix: Matrix, w: readonly number[]): Judgement | null {
  const n = matrix.length;
  if (n <= 2) return null;
  let worst: Judgement | null = null;
  let worstDeviation = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i]?.[j] ?? 1;
      const implied = (w[i] ?? 0) / (w[j] ?? 1);
      const deviation = Math.abs(Math.log(a / implied));
      // Strictly more by a margin, so rounding noise cannot make the choice among equal deviations.
      if (deviation > worstDeviation + TIE) {
        worstDeviation = deviation;
        worst = { row: i, col: j, a, implied };
      }
    }
  }
  return worst;
}

/**
 * Element-wise geometric mean of same-sized matrices: the aggregation of individual judgements
 * (AIJ) that Aczél & Saaty (1983) showed keeps reciprocity —
 * gm(a_ji) = gm(1/a_ij) = 1/gm(a_ij) — so the result is again a valid comparison matrix.
 * Throws on an empty list or mismatched sizes: that is a programming error, not a user's.
 */
export function geometricMeanMatrix(matrices: readonly Matrix[]): number[][] {
  const first = matrices[0];
  if (!first) throw new RangeError('geometricMeanMatrix needs at least one matrix');
  const n = first.length;
  for (const m of matrices) {
    if (m.length !== n || m.some((row) => row.length !== n)) {
      throw new RangeError('geometricMeanMatrix needs square matrices of one size');
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      // Averaging logs keeps the exact reciprocal symmetry and avoids overflow from 9^k products.
      let logSum = 0;
      for (const m of matrices) logSum += Math.log(m[i]?.[j] ?? 1);
      row.push(Math.exp(logSum / matrices.length));
    }
    out.push(row);
  }
  return out;
}

/**
 * Row-geometric-mean priorities (the "logarithmic least squares" approximation). Exported so tests
 * and explanations can show how it differs from the eigenvector on inconsistent matrices; the
 * voting maths itself uses the eigenvector, as the API promises.
 */
export function rowGeometricMeanVector(matrix: Matrix): number[] {
  const n = matrix.length;
  const g = matrix.map((row) => Math.exp(row.reduce((s, a) => s + Math.log(a), 0) / n));
  return normaliseSum(g);
}

function multiply(matrix: Matrix, w: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((s, a, j) => s + a * (w[j] ?? 0), 0));
}

function normaliseSum(v: readonly number[]): number[] {
  const sum = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / sum);
}
