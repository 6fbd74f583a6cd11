import type { Db } from '../../db/client.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { votersOf } from '../../db/queries/members.js';
import { runningVendorCount, unscoredVendors, unsubmittedScorers } from '../../db/queries/status-facts.js';
import { leavesOf } from '../domain/criteria-tree.js';
import { statusPreconditions, type Missing, type StatusFacts } from '../domain/rules/status-preconditions.js';
import type { Status } from '../domain/permissions.js';
import { voteAwaited } from '../domain/rules/votes-awaited.js';
import type { Actor } from '../actor.js';

/** How many names a confirmation page or a refusal lists before saying "and N more". */
export const NAMES_SHOWN = 10;

/** The counted facts the status preconditions are judged on, as the member `a` changing status sees them. */
export async function statusFacts(db: Db, a: Actor): Promise<StatusFacts> {
  const id = a.evaluation.id;
  const [tree, vendors, unsubmitted, unscored, voters] = await Promise.all([
    criteriaOf(db, id), runningVendorCount(db, id), unsubmittedScorers(db, id, a.userId), unscoredVendors(db, id, NAMES_SHOWN), votersOf(db, id),
  ]);
  const notVoted = voters.filter((v) => voteAwaited({ role: v.role, voted: v.method !== null }));
  return {
    vendors,
    scoredLeaves: leavesOf(tree).filter((c) => c.kind === 'scored').length,
    unsubmitted,
    unscoredVendors: unscored,
    votesMissing: { count: notVoted.length, names: notVoted.slice(0, NAMES_SHOWN).map((v) => v.name) },
  };
}

/** What is incomplete for moving `a`'s evaluation to `to` (see statusPreconditions). */
export async function statusCheck(db: Db, a: Actor, to: Status): Promise<Missing[]> {
  return statusPreconditions(a.evaluation.status, to, await statusFacts(db, a));
}
