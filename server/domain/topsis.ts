/**
 * TOPSIS (Hwang & Yoon 1981): each criterion's column is vector-normalised (divided by its
 * Euclidean norm) and weighted; the ideal takes each column's best value (the largest, or the
 * smallest for a cost criterion) and the anti-ideal its worst; an alternative's closeness is
 * D⁻ / (D⁺ + D⁻), its Euclidean distances to the anti-ideal and the ideal. Pure: no I/O.
 */
export interface TopsisInput {
  /** One row per alternative, one column per criterion (raw values, non-negative). */
  matrix: readonly (readonly number[])[];
  weights: readonly number[];
  /** Per criterion: true when less is better (a price). */
  cost: readonly boolean[];
}

export interface TopsisResult {
  /** Per alternative, 0–1: 1 at the ideal, 0 at the anti-ideal. */
  closeness: number[];
  /** Per alternative, the distances to the ideal (D⁺) and to the anti-ideal (D⁻). */
  toIdeal: number[];
  toAntiIdeal: number[];
  /** Per criterion, the weighted normalised ideal and anti-ideal values. */
  ideal: number[];
  antiIdeal: number[];
}

export function topsis({ matrix, weights, cost }: TopsisInput): TopsisResult {
  const n = weights.length;
  const norms = weights.map((_, j) => Math.sqrt(matrix.reduce((s, row) => s + row[j]! * row[j]!, 0)));
  // A column of zeros carries no information: every alternative is equally placed on it.
  const v = matrix.map((row) => row.map((x, j) => (norms[j]! > 0 ? (weights[j]! * x) / norms[j]! : 0)));
  const best = (j: number, pick: (a: number, b: number) => number) => v.reduce((m, row) => pick(m, row[j]!), v[0]?.[j] ?? 0);
  const ideal = Array.from({ length: n }, (_, j) => best(j, cost[j] ? Math.min : Math.max));
  const antiIdeal = Array.from({ length: n }, (_, j) => best(j, cost[j] ? Math.max : Math.min));
  const dist = (row: readonly number[], to: readonly number[]) => Math.sqrt(row.reduce((s, x, j) => s + (x - to[j]!) ** 2, 0));
  const toIdeal = v.map((row) => dist(row, ideal));
  const toAntiIdeal = v.map((row) => dist(row, antiIdeal));
  // Ideal and anti-ideal coincide only when every alternative is equal on every criterion: a tie, ½ each.
  const closeness = toIdeal.map((dp, i) => (dp + toAntiIdeal[i]! > 0 ? toAntiIdeal[i]! / (dp + toAntiIdeal[i]!) : 0.5));
  return { closeness, toIdeal, toAntiIdeal, ideal, antiIdeal };
}
