/**
 * One stakeholder's vote → a weight vector over the top-level criteria (summing to 1).
 * Every function validates first and reports every problem it finds, keyed like the API's field paths,
 * so a form can show each message next to the input that caused it.
 */
import { consistencyRatio, principalEigenvector, worstJudgement, type Judgement } from './ahp.js';
import { checkMatrix, checkPermutation, type ProblemList, type VoteProblem } from './checks.js';

/** Criterion id → weight; the weights sum to 1. */
export type Weights = Record<string, number>;
/** API field path (e.g. `points.<id>`, `matrix.1.2`) → what is wrong there (phrased for the voter outside the domain). */
export type Problems = Record<string, VoteProblem>;
/**
 * The outcome of turning a vote into weights. The AHP-only fields are declared absent (`never`) so that
 * `WeightsResult | AhpResult` stays a proper union: without them TypeScript would fold the richer AHP
 * success into this one and `'consistencyRatio' in r` could no longer tell them apart.
 */
export type WeightsResult =
  | { ok: true; weights: Weights; consistencyRatio?: never; lambdaMax?: never; worstJudgement?: never }
  | { ok: false; problems: Problems };
/** The outcome of an AHP vote: weights plus the consistency diagnostics Saaty's method gives. */
export type AhpResult =
  | { ok: true; weights: Weights; consistencyRatio: number; lambdaMax: number; worstJudgement: Judgement | null }
  | { ok: false; problems: Problems };

/** Slack for "sums to exactly 100": decimal points like 33.3 + 33.3 + 33.4 do not add up exactly in binary. */
const SUM_TOLERANCE = 1e-9;

/**
 * 100-point allocation. Every criterion must appear exactly once (no unknown ids, none missing) with a
 * finite number ≥ 0, and the points must sum to 100 (±1e-9). Weight = points / 100.
 */
export function pointsToWeights(points: Readonly<Record<string, number>>, criterionIds: readonly string[]): WeightsResult {
  const problems = checkKeys('points', points, criterionIds, { code: 'pointsMissing' });
  for (const id of criterionIds) {
    if (!Object.hasOwn(points, id)) continue;
    const v = points[id];
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push([`points.${id}`, { code: 'pointsNumber' }]);
    else if (v < 0) problems.push([`points.${id}`, { code: 'pointsNegative' }]);
  }
  // A sum over invalid entries means nothing, so the total is only checked once each entry is sound.
  if (problems.length === 0) {
    const sum = criterionIds.reduce((s, id) => s + (points[id] ?? 0), 0);
    if (Math.abs(sum - 100) > SUM_TOLERANCE) {
      problems.push(['points', { code: 'pointsSum', sum: round(sum) }]);
    }
  }
  if (problems.length > 0) return fail(problems);
  return { ok: true, weights: build(criterionIds, (id) => (points[id] ?? 0) / 100) };
}

/** 1–5 importance rating: every criterion rated with a whole number 1..5; weights are the ratings normalised. */
export function ratingsToWeights(ratings: Readonly<Record<string, number>>, criterionIds: readonly string[]): WeightsResult {
  const problems = checkKeys('ratings', ratings, criterionIds, { code: 'ratingMissing' });
  for (const id of criterionIds) {
    if (!Object.hasOwn(ratings, id)) continue;
    const v = ratings[id];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) {
      problems.push([`ratings.${id}`, { code: 'ratingRange' }]);
    }
  }
  if (problems.length > 0) return fail(problems);
  const total = criterionIds.reduce((s, id) => s + (ratings[id] ?? 0), 0);
  return { ok: true, weights: build(criterionIds, (id) => (ratings[id] ?? 0) / total) };
}

/**
 * Rank-order-centroid weights for n ranked items, most important first (Barron & Barrett 1996):
 * w_i = (1/n) Σ_{k=i..n} 1/k. They are the centre of all weight vectors consistent with the order,
 * i.e. the least-committal weights a ranking alone can justify.
 */
export function rocWeights(n: number): number[] {
  const out = new Array<number>(n).fill(0);
  let tail = 0;
  // Summing from the smallest term up keeps the rounding error lowest.
  for (let i = n; i >= 1; i--) {
    tail += 1 / i;
    out[i - 1] = tail / n;
  }
  return out;
}

/** Rank order: `order` must be a permutation of all criterion ids, most important first → ROC weights. */
export function rankToWeights(order: readonly string[], criterionIds: readonly string[]): WeightsResult {
  const problems = noCriteria(criterionIds) ?? checkPermutation('order', order, criterionIds);
  if (problems.length > 0) return fail(problems);
  const roc = rocWeights(order.length);
  return { ok: true, weights: Object.fromEntries(order.map((id, i) => [id, roc[i] ?? 0])) };
}

/**
 * AHP pairwise comparison. `criteria` (a permutation of the criterion ids) names the matrix rows and
 * columns in order; the matrix must be n×n, positive, 1 on the diagonal, reciprocal (a_ji = 1/a_ij
 * within 1e-6 relative) and within Saaty's scale 1/9…9. Weights are the principal eigenvector;
 * the result also carries λmax, the consistency ratio and the judgement that disagrees most.
 */
export function ahpToWeights(criteria: readonly string[], matrix: readonly (readonly number[])[], criterionIds: readonly string[]): AhpResult {
  const problems = noCriteria(criterionIds) ?? checkPermutation('criteria', criteria, criterionIds);
  problems.push(...checkMatrix(matrix, criteria.length));
  if (problems.length > 0) return fail(problems);
  const { vector, lambdaMax } = principalEigenvector(matrix);
  return {
    ok: true,
    weights: Object.fromEntries(criteria.map((id, i) => [id, vector[i] ?? 0])),
    consistencyRatio: consistencyRatio(lambdaMax, criteria.length),
    lambdaMax,
    worstJudgement: worstJudgement(matrix, vector),
  };
}

/** Unknown keys and missing criteria in a record-shaped vote, each reported at its own path. */
function checkKeys(field: string, values: object, criterionIds: readonly string[], missing: VoteProblem): ProblemList {
  const problems = noCriteria(criterionIds) ?? [];
  const known = new Set(criterionIds);
  for (const key of Object.keys(values)) {
    if (!known.has(key)) problems.push([`${field}.${key}`, { code: 'notVotedOn' }]);
  }
  for (const id of criterionIds) if (!Object.hasOwn(values, id)) problems.push([`${field}.${id}`, missing]);
  return problems;
}

function noCriteria(criterionIds: readonly string[]): ProblemList | undefined {
  return criterionIds.length === 0 ? [['criteria', { code: 'noCriteria' }]] : undefined;
}

// fromEntries defines own properties, so even an id like "__proto__" cannot reach the prototype.
function build(ids: readonly string[], weight: (id: string) => number): Weights {
  return Object.fromEntries(ids.map((id) => [id, weight(id)]));
}

function fail(problems: ProblemList): { ok: false; problems: Problems } {
  // The first message for a path wins: it is the most basic thing to fix there.
  const byPath = new Map<string, VoteProblem>();
  for (const [path, message] of problems) if (!byPath.has(path)) byPath.set(path, message);
  return { ok: false, problems: Object.fromEntries(byPath) };
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
