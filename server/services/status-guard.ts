import type { Db } from '../../db/client.js';
import { overridden, refusing, type Missing } from '../domain/rules/status-preconditions.js';
import type { Status } from '../domain/permissions.js';
import { statusCheck } from '../read-models/status-facts.js';
import { AppError } from '../errors.js';
import { m } from '../../views/messages/index.js';
import type { Actor } from '../actor.js';

const list = (x: Missing) => {
  const shown = x.names.join(', ');
  return x.count > x.names.length ? m.errors.namesAndMore(shown, x.count - x.names.length) : shown;
};

/** One clause per missing thing, for the API's 409 message, in the caller's language. */
export function missingClause(x: Missing): string {
  switch (x.code) {
    case 'no_vendors': return m.errors.missingNoVendors;
    case 'no_scored_criterion': return m.errors.missingNoScoredCriterion;
    case 'evaluators_not_submitted': return m.errors.missingSubmissions(x.count, list(x));
    case 'vendors_unscored': return m.errors.missingScores(x.count, list(x));
    case 'votes_not_cast': return m.errors.missingVotes(x.count, list(x));
  }
}

/**
 * The status preconditions, enforced: throws 409 `precondition_failed` naming what is missing when
 * they rule the move out (an overridable gap passes with `force`). Returns what a forced move went
 * past, for its audit entry. Run inside the status change's transaction, so no route can skip it.
 */
export async function assertStatusPreconditions(db: Db, a: Actor, to: Status, force: boolean): Promise<{ code: string; count: number; names: readonly string[] }[]> {
  const all = await statusCheck(db, a, to);
  const refused = refusing(all, force);
  if (refused.length > 0) {
    const hint = refused.every((x) => x.severity === 'overridable') ? ` ${m.errors.forceHint}` : '';
    throw new AppError(409, 'precondition_failed', `${m.errors.cannotMove(to, refused.map(missingClause).join('; '))}${hint}`);
  }
  return overridden(all, force).map((x) => ({ code: x.code, count: x.count, names: x.names }));
}
