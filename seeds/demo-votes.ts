import type { Db } from '../db/client.js';
import { votingCriteria } from '../server/read-models/votes.js';
import { castVote } from '../server/services/voting.js';
import type { VoteBody } from '../server/schemas/votes.js';
import { actorIn } from './demo-actor.js';

/** How much each voter cares about each voting criterion, most important highest (1–5), by criterion position. */
export type Leanings = readonly number[];

/**
 * One vote by the given method that says what `lean` says: points in proportion, ratings as they
 * are, a ranking by them, and an AHP matrix of their differences on Saaty's scale (nearly consistent).
 */
export function voteBody(method: VoteBody['method'], ids: readonly string[], lean: Leanings): VoteBody {
  const at = (i: number) => lean[i] ?? 1;
  if (method === 'rating') return { method, ratings: Object.fromEntries(ids.map((id, i) => [id, at(i)])) };
  if (method === 'rank') return { method, order: [...ids].sort((x, y) => at(ids.indexOf(y)) - at(ids.indexOf(x))) };
  if (method === 'ahp') {
    const matrix = ids.map((_, i) => ids.map((__, j) => (at(i) >= at(j) ? at(i) - at(j) + 1 : 1 / (at(j) - at(i) + 1))));
    return { method, criteria: [...ids], matrix };
  }
  // Whole points summing to exactly 100: the last criterion takes the rounding remainder.
  const total = ids.reduce((s, _, i) => s + at(i), 0);
  const points = ids.map((_, i) => Math.floor((at(i) / total) * 100));
  points[points.length - 1]! += 100 - points.reduce((s, p) => s + p, 0);
  return { method, points: Object.fromEntries(ids.map((id, i) => [id, points[i]!])) };
}

/** Casts each voter's vote through the voting service (audited), while the evaluation is in voting. */
export async function castDemoVotes(db: Db, evaluationId: number, voters: readonly { userId: number; method: VoteBody['method']; lean: Leanings }[]): Promise<void> {
  const ids = (await votingCriteria(db, evaluationId)).map((c) => c.id);
  for (const v of voters) await castVote(db, await actorIn(db, evaluationId, v.userId), voteBody(v.method, ids, v.lean));
}
