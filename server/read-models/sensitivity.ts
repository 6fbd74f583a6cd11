import type { Db } from '../../db/client.js';
import { loadRankingInputs, rankInputs, visibleRankingInputs, type RankingInputs } from './ranking.js';
import { voteAggregate } from './votes.js';
import type { Actor } from '../actor.js';
import { rankAcceptability, stabilityIntervals, type ScoreMatrix } from '../domain/sensitivity.js';
import { seededRandom } from '../domain/random.js';

export interface SensitivityReport {
  stability: Record<string, { low: number; high: number }>;
  acceptability: Record<string, { first: number; top3: number }>;
  samples: number;
  /** Top-level criteria with their weight in force, in display order. */
  criteria: { id: string; name: string; weight: number }[];
  leader: { vendorId: string; name: string } | null;
  names: Record<string, string>;
  votes: number;
}

/**
 * How robust the ranking is: the exact interval of each top-level weight within which the leader
 * stays first, and how often each vendor ranks first / in the top three when the weights are drawn
 * from the stakeholders' own votes. The seed is fixed so the same data always gives the same figures.
 * Computed as member `a` may see the ranking (two envelopes, blind scoring; a 403 when they may see no scores).
 */
export async function sensitivityReport(db: Db, a: Actor, opts: { samples: number }): Promise<SensitivityReport> {
  return sensitivityOf(db, a, await loadRankingInputs(db, a), opts);
}

/** `sensitivityReport` for pages: null when member `a` may see no scores. */
export async function visibleSensitivityReport(db: Db, a: Actor, opts: { samples: number }): Promise<SensitivityReport | null> {
  const inputs = await visibleRankingInputs(db, a);
  return inputs ? sensitivityOf(db, a, inputs, opts) : null;
}

async function sensitivityOf(db: Db, a: Actor, inputs: RankingInputs, opts: { samples: number }): Promise<SensitivityReport> {
  const view = rankInputs(inputs);
  const criteria = view.columns.map((c) => ({ id: c.id, name: c.name, weight: view.resolved.global.get(c.id) ?? 0 }));
  const vendorIds = view.result.rows.map((r) => r.vendorId);
  const names = Object.fromEntries(view.result.rows.map((r) => [r.vendorId, r.name]));
  // S(v, t): each top-level criterion alone at weight 1 — totals are linear in the top-level weights.
  const byCriterion = criteria.map((c) => {
    const one = rankInputs(inputs, Object.fromEntries(criteria.map((x) => [x.id, x.id === c.id ? 1 : 0])));
    return new Map(one.result.rows.map((r) => [r.vendorId, r.breakdown[c.id] ?? 0]));
  });
  const matrix: ScoreMatrix = { vendorIds, criterionIds: criteria.map((c) => c.id), s: vendorIds.map((v) => byCriterion.map((m) => m.get(v) ?? 0)) };
  const agg = await voteAggregate(db, a.evaluation);
  const votes = agg.votes.filter((v) => !v.excluded).map((v) => criteria.map((c) => v.weights[c.id] ?? 0));
  const leader = view.result.rows[0];
  return {
    stability: stabilityIntervals(matrix, criteria.map((c) => c.weight)),
    acceptability: rankAcceptability(matrix, votes, opts.samples, seededRandom(20_261_123)),
    samples: opts.samples,
    criteria,
    leader: leader ? { vendorId: leader.vendorId, name: leader.name } : null,
    names,
    votes: votes.length,
  };
}
