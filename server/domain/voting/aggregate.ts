/**
 * From many stakeholders' weight vectors to one weight set: first within each stakeholder group,
 * then across groups by group weight — so a large group cannot outvote a small one by headcount.
 */
import { cleanShare, geometricMean, mean, median, normaliseVector, quantile } from './stats.js';

/** How the votes within one group are combined, criterion by criterion. */
export type Aggregation = 'mean' | 'median' | 'geometric';

/** One vote as aggregation needs it: its weights and the voter's group (null = no group). */
export interface GroupedVote {
  weights: Readonly<Record<string, number>>;
  groupId: string | null;
}

/** A stakeholder group and how much its view counts relative to the others. */
export interface VoteGroup {
  id: string;
  weight: number;
}

/** The five-number summary of one criterion's weight across the individual votes. */
export interface Spread {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** How far the stakeholders agree; `score` is 0..1 (0 when `level` is 'none'). */
export interface Consensus {
  level: 'strong' | 'moderate' | 'weak' | 'none';
  score: number;
}

const combine: Record<Aggregation, (values: number[]) => number> = { mean, median, geometric: geometricMean };

/**
 * Aggregate votes into one weight vector over `criterionIds` (summing to 1).
 * - Each vote is first read over `criterionIds` and rescaled to sum 1 (a missing criterion counts 0),
 *   so votes cast before a criterion was added still compare like with like.
 * - Within a group, each criterion's weights are combined by `aggregation` (geometric: a single 0
 *   makes it 0), then the group vector is rescaled to sum 1 (all zero → equal shares).
 * - Across groups: the weighted arithmetic mean of group vectors by group weight, rescaled to sum 1.
 *   Votes with groupId null — or a group not in `groups`, e.g. one since deleted — form one implicit
 *   "ungrouped" group of weight 1. A group without votes is skipped and the remaining group weights
 *   renormalised; a group of weight 0 is dropped.
 * - No counted votes (none at all, or all in weight-0 groups) → equal shares.
 */
export function aggregateVotes(
  votes: readonly GroupedVote[],
  groups: readonly VoteGroup[],
  aggregation: Aggregation,
  criterionIds: readonly string[],
): Record<string, number> {
  const groupWeight = new Map(groups.map((g) => [g.id, cleanShare(g.weight)]));
  // Keyed by the group id, or null for "ungrouped", so a real group that happens to be called
  // "ungrouped" cannot merge with the implicit one.
  const byGroup = new Map<string | null, number[][]>();
  for (const vote of votes) {
    const key = vote.groupId !== null && groupWeight.has(vote.groupId) ? vote.groupId : null;
    const list = byGroup.get(key) ?? [];
    list.push(voteVector(vote.weights, criterionIds));
    byGroup.set(key, list);
  }

  const total = new Array<number>(criterionIds.length).fill(0);
  for (const [key, vectors] of byGroup) {
    const weight = key === null ? 1 : (groupWeight.get(key) ?? 0);
    if (weight === 0) continue;
    const groupVector = normaliseVector(
      criterionIds.map((_, c) => combine[aggregation](vectors.map((v) => v[c] ?? 0))),
    );
    groupVector.forEach((x, c) => { total[c] = (total[c] ?? 0) + weight * x; });
  }
  // Rescaling the weighted sum to 1 is the same as dividing by the counted groups' total weight;
  // when nothing was counted it is all zero and becomes equal shares.
  const result = normaliseVector(total);
  return Object.fromEntries(criterionIds.map((id, c) => [id, result[c] ?? 0]));
}

/**
 * Per criterion, min / lower quartile / median / upper quartile / max of the individual votes'
 * weights (each vote rescaled over `criterionIds` as in aggregateVotes, groups ignored). Quartiles
 * use linear interpolation between order statistics — the "type 7" definition that R's quantile()
 * and NumPy's quantile() use by default. No votes → all zeros.
 */
export function dispersion(
  votes: readonly Pick<GroupedVote, 'weights'>[],
  criterionIds: readonly string[],
): Record<string, Spread> {
  const vectors = votes.map((v) => voteVector(v.weights, criterionIds));
  return Object.fromEntries(
    criterionIds.map((id, c) => {
      const values = vectors.map((v) => v[c] ?? 0);
      const spread: Spread = {
        min: quantile(values, 0),
        q1: quantile(values, 0.25),
        median: quantile(values, 0.5),
        q3: quantile(values, 0.75),
        max: quantile(values, 1),
      };
      return [id, spread];
    }),
  );
}

/**
 * How much the stakeholders agree, in one number:
 *   score = 1 − mean over criteria of (IQR_c / mean_c), clamped to [0, 1],
 * where IQR_c is the interquartile range (q3 − q1, type 7) of criterion c's weight across the votes
 * and mean_c its average weight (a criterion everyone gives 0 counts as full agreement).
 * In plain words: for each criterion, how wide is the middle half of the votes compared with the
 * typical weight? If the middle half of the votes spans as much as the average weight itself,
 * that criterion shows no agreement at all. The score is one minus the average of these spreads.
 * Levels: ≥ 0.75 strong, ≥ 0.5 moderate, otherwise weak; fewer than 2 votes → 'none' (score 0),
 * since agreement needs at least two views.
 */
export function consensus(votes: readonly Pick<GroupedVote, 'weights'>[], criterionIds: readonly string[]): Consensus {
  if (votes.length < 2 || criterionIds.length === 0) return { level: 'none', score: 0 };
  const vectors = votes.map((v) => voteVector(v.weights, criterionIds));
  const relativeSpreads = criterionIds.map((_, c) => {
    const values = vectors.map((v) => v[c] ?? 0);
    const avg = mean(values);
    const iqr = quantile(values, 0.75) - quantile(values, 0.25);
    return avg > 0 ? iqr / avg : 0;
  });
  const score = Math.min(1, Math.max(0, 1 - mean(relativeSpreads)));
  const level = score >= 0.75 ? 'strong' : score >= 0.5 ? 'moderate' : 'weak';
  return { level, score };
}

/** A vote read over the given criteria in order and rescaled to sum 1. */
function voteVector(weights: Readonly<Record<string, number>>, criterionIds: readonly string[]): number[] {
  return normaliseVector(criterionIds.map((id) => (Object.hasOwn(weights, id) ? (weights[id] ?? 0) : 0)));
}
