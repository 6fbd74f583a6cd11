import type { Db } from '../../db/client.js';
import { loadRankingInputs, visibleRankingInputs, type RankingInputs } from './ranking.js';
import { voteAggregate } from './votes.js';
import type { Actor } from '../actor.js';
import { heavy } from '../heavy/jobs.js';

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
  const agg = await voteAggregate(db, a.evaluation);
  const votes = agg.votes.filter((v) => !v.excluded).map((v) => v.weights);
  // The computation itself runs off the event loop when big (ADR 017, server/heavy/tasks.ts).
  const figures = await heavy(a, { kind: 'sensitivity', inputs, votes, samples: opts.samples }, [votes, opts.samples]);
  return { ...figures, samples: opts.samples };
}
