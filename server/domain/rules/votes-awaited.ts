import type { Role } from '../permissions.js';

/**
 * Whose missing vote counts as "not cast" when voting closes. Stakeholders are asked to vote, so
 * theirs is awaited; a facilitator may vote (permissions.ts) but runs the vote and often does not,
 * so a facilitator who did not vote is not missing anything — one who did is counted like anyone.
 */
export function voteAwaited(v: { role: Role | string; voted: boolean }): boolean {
  return !v.voted && v.role === 'stakeholder';
}
