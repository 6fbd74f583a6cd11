/** Validation of list- and matrix-shaped votes; each problem is [API field path, what is wrong as a code]. */

/**
 * What is wrong with a vote, as a code and its values: the sentence for the voter is made outside
 * the domain, in their language (server/services/vote-problem-text.ts; issue 16).
 */
export type VoteProblem =
  | { code: 'notVotedOn' | 'positive' | 'diagonal' | 'saatyScale' | 'pointsMissing' | 'pointsNumber' | 'pointsNegative' | 'ratingMissing' | 'ratingRange' | 'noCriteria' }
  | { code: 'notVotedOnId' | 'listedTwice'; id: string }
  | { code: 'missingCriteria'; ids: string[] }
  | { code: 'matrixRows'; n: number; rows: number }
  | { code: 'rowEntries'; n: number; cells: number }
  | { code: 'reciprocal'; value: string }
  | { code: 'pointsSum'; sum: string };

/** Problems in the order found; the first one per path is the one shown. */
export type ProblemList = [path: string, problem: VoteProblem][];

/** Saaty's fundamental scale runs from 1/9 to 9; the slack admits 0.1111111111111111 typed as 1/9. */
const SCALE_MIN = 1 / 9;
const SCALE_MAX = 9;
const SCALE_TOLERANCE = 1e-9;
/** Reciprocity is checked relatively: a_ij·a_ji must be 1 within this, so 0.333 for 1/3 is too coarse but 0.3333333 passes. */
const RECIPROCAL_TOLERANCE = 1e-6;
const DIAGONAL_TOLERANCE = 1e-9;

/**
 * `list` must hold every criterion id exactly once. An unknown or repeated id is reported at its
 * index (`field.i`); criteria left out are reported together at `field`.
 */
export function checkPermutation(field: string, list: readonly string[], criterionIds: readonly string[]): ProblemList {
  const problems: ProblemList = [];
  const known = new Set(criterionIds);
  const seen = new Set<string>();
  list.forEach((id, i) => {
    if (typeof id !== 'string' || !known.has(id)) {
      problems.push([`${field}.${i}`, { code: 'notVotedOnId', id: String(id) }]);
    } else if (seen.has(id)) {
      problems.push([`${field}.${i}`, { code: 'listedTwice', id }]);
    }
    seen.add(id);
  });
  const missing = criterionIds.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    problems.push([field, { code: 'missingCriteria', ids: missing }]);
  }
  return problems;
}

/**
 * An n×n pairwise-comparison matrix: finite positive entries, 1 on the diagonal, within 1/9…9, and
 * reciprocal (a_ji = 1/a_ij). A wrong shape stops the check early — entry-level messages would only
 * add noise. A broken reciprocal pair is reported at the lower-triangle entry (`matrix.j.i`, j > i),
 * because forms usually derive that half from the upper one.
 */
export function checkMatrix(matrix: readonly (readonly number[])[], n: number): ProblemList {
  if (!Array.isArray(matrix) || matrix.length !== n) {
    const rows = Array.isArray(matrix) ? matrix.length : 0;
    return [['matrix', { code: 'matrixRows', n, rows }]];
  }
  const shape: ProblemList = [];
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      const cells = Array.isArray(row) ? row.length : 0;
      shape.push([`matrix.${i}`, { code: 'rowEntries', n, cells }]);
    }
  });
  if (shape.length > 0) return shape;

  const problems: ProblemList = [];
  const positive = (a: unknown): a is number => typeof a === 'number' && Number.isFinite(a) && a > 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = matrix[i]?.[j];
      const path = `matrix.${i}.${j}`;
      if (!positive(a)) {
        problems.push([path, { code: 'positive' }]);
      } else if (i === j && Math.abs(a - 1) > DIAGONAL_TOLERANCE) {
        problems.push([path, { code: 'diagonal' }]);
      } else if (a < SCALE_MIN - SCALE_TOLERANCE || a > SCALE_MAX + SCALE_TOLERANCE) {
        problems.push([path, { code: 'saatyScale' }]);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = matrix[i]?.[j];
      const lower = matrix[j]?.[i];
      if (!positive(upper) || !positive(lower)) continue;
      if (Math.abs(upper * lower - 1) > RECIPROCAL_TOLERANCE) {
        problems.push([`matrix.${j}.${i}`, { code: 'reciprocal', value: format(upper) }]);
      }
    }
  }
  return problems;
}

function format(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
