import type { Db } from '../../db/client.js';
import type { Evaluation } from '../../db/schema.js';
import { groupsOf, votesWithGroups } from '../../db/queries/votes.js';
import { criteriaOf, toNodes } from '../../db/queries/criteria.js';
import { aggregateVotes, consensus, dispersion, geometricMeanMatrix, principalEigenvector, type Aggregation } from '../domain/voting/index.js';
import { weightCarriers } from '../domain/weights.js';
import { topLevelOf } from '../domain/criteria-tree.js';
import type { VoteBody } from '../schemas/votes.js';
import { allInvitesOf, unrevokedInvitesOf } from '../../db/queries/invites.js';
import { votersOf } from '../../db/queries/members.js';
import { nowIso } from '../time.js';

/*
 * What the stakeholders' votes add up to, as the voting, vote, weights and ranking pages and the
 * lifecycle read it. Writes (casting a vote) stay in services/voting.ts.
 */

export type VoteMethod = 'points' | 'rating' | 'rank' | 'ahp';

/** Consistency ratio above which an AHP vote is called inconsistent (Saaty's 10% rule). */
export const CR_LIMIT = 0.1;

export const allowedMethods = (e: Evaluation): VoteMethod[] => e.vote_methods.split(',').filter((m): m is VoteMethod => ['points', 'rating', 'rank', 'ahp'].includes(m));

/** The top-level criteria a vote is about: those that carry weight (must-have gates are not voted on). */
export async function votingCriteria(db: Db, evaluationId: number) {
  const nodes = toNodes(await criteriaOf(db, evaluationId));
  const carriers = weightCarriers(nodes);
  return topLevelOf(nodes).filter((n) => carriers.has(n.id));
}

export interface StoredVote { userId: number; name: string; email: string; method: VoteMethod; groupId: string | null; weights: Record<string, number>; consistencyRatio: number | null; excluded: boolean; payload: VoteBody }

export interface VoteAggregate {
  criteria: { id: string; name: string }[];
  weights: Record<string, number>;
  votes: StoredVote[];
  counted: number;
  aggregation: Aggregation;
  ahpMode: 'aip' | 'aij';
  dispersion: ReturnType<typeof dispersion>;
  consensus: ReturnType<typeof consensus>;
  groups: { id: string; name: string; weight: number; weights: Record<string, number> | null; votes: number }[];
}

/** A vote's weights restricted to today's criteria (a criterion added after the vote counts 0), renormalised. */
function onCriteria(weights: Record<string, number>, ids: string[]): Record<string, number> {
  const sum = ids.reduce((s, id) => s + (weights[id] ?? 0), 0);
  return Object.fromEntries(ids.map((id) => [id, sum > 0 ? (weights[id] ?? 0) / sum : 1 / ids.length]));
}

/** AIJ: a group's AHP judgements merged element-wise (geometric mean), then one eigenvector, counted once per AHP voter. */
function aijVotes(votes: StoredVote[], ids: string[]): { weights: Record<string, number>; groupId: string | null }[] {
  const ahp = votes.filter((v) => v.method === 'ahp' && v.payload.method === 'ahp' && ids.every((id) => (v.payload as { criteria: string[] }).criteria.includes(id)));
  if (ahp.length === 0) return [];
  const matrices = ahp.map((v) => {
    const p = v.payload as { criteria: string[]; matrix: number[][] };
    const idx = ids.map((id) => p.criteria.indexOf(id));
    return idx.map((i) => idx.map((j) => p.matrix[i]?.[j] ?? 1));
  });
  const { vector } = principalEigenvector(geometricMeanMatrix(matrices));
  const weights = Object.fromEntries(ids.map((id, i) => [id, vector[i] ?? 0]));
  return ahp.map((v) => ({ weights, groupId: v.groupId }));
}

/** The team's aggregate of the votes under the evaluation's settings, per group and overall. */
export async function voteAggregate(db: Db, evaluation: Evaluation): Promise<VoteAggregate> {
  const [criteria, rows, groupRows] = await Promise.all([votingCriteria(db, evaluation.id), votesWithGroups(db, evaluation.id), groupsOf(db, evaluation.id)]);
  const ids = criteria.map((c) => c.id);
  const aggregation = (['mean', 'median', 'geometric'].includes(evaluation.aggregation) ? evaluation.aggregation : 'mean') as Aggregation;
  const ahpMode = evaluation.ahp_mode === 'aij' ? 'aij' : 'aip';
  const votes: StoredVote[] = rows.map((r) => ({
    userId: r.user_id, name: r.name, email: r.email, method: r.method as VoteMethod, groupId: r.group_id === null ? null : String(r.group_id),
    weights: onCriteria(JSON.parse(r.weights) as Record<string, number>, ids), consistencyRatio: r.consistency_ratio,
    excluded: evaluation.exclude_inconsistent === 1 && r.method === 'ahp' && (r.consistency_ratio ?? 0) > CR_LIMIT,
    payload: JSON.parse(r.payload) as VoteBody,
  }));
  const counted = votes.filter((v) => !v.excluded);
  const inputs = ahpMode === 'aij'
    ? [...counted.filter((v) => v.method !== 'ahp').map((v) => ({ weights: v.weights, groupId: v.groupId })), ...aijVotes(counted, ids)]
    : counted.map((v) => ({ weights: v.weights, groupId: v.groupId }));
  const groups = groupRows.map((g) => ({ id: String(g.id), weight: g.weight }));
  const weights = ids.length === 0 ? {} : aggregateVotes(inputs, groups, aggregation, ids);
  const perGroup = groupRows.map((g) => {
    const mine = inputs.filter((v) => v.groupId === String(g.id));
    return { id: String(g.id), name: g.name, weight: g.weight, votes: counted.filter((v) => v.groupId === String(g.id)).length, weights: mine.length > 0 ? aggregateVotes(mine, [{ id: String(g.id), weight: 1 }], aggregation, ids) : null };
  });
  return {
    criteria: criteria.map((c) => ({ id: c.id, name: c.name })), weights, votes, counted: counted.length, aggregation, ahpMode,
    dispersion: dispersion(counted.map((v) => ({ weights: v.weights, groupId: v.groupId })), ids),
    consensus: consensus(counted.map((v) => ({ weights: v.weights, groupId: v.groupId })), ids),
    groups: perGroup,
  };
}

/** Members who may vote, with their group, invitation and whether they have voted: the progress list. */
export async function voterProgress(db: Db, evaluationId: number) {
  const [rows, invites, all] = await Promise.all([votersOf(db, evaluationId), unrevokedInvitesOf(db, evaluationId), allInvitesOf(db, evaluationId)]);
  const now = nowIso();
  const live = new Map(invites.filter((i) => i.expires_at > now).map((i) => [i.user_id, i]));
  // A person whose last link was revoked or ran out cannot vote by it: the page says so rather than "not yet" (issue 12).
  const last = new Map(all.map((i) => [i.user_id, i]));
  const deadLink = (userId: number): 'revoked' | 'expired' | null => {
    const i = last.get(userId);
    return !i || live.has(userId) ? null : i.revoked_at ? 'revoked' : i.expires_at <= now ? 'expired' : null;
  };
  return rows.map((r) => ({ ...r, invite: live.get(r.user_id) ?? null, deadLink: deadLink(r.user_id) }));
}
