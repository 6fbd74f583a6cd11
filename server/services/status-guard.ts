import type { Db } from '../../db/client.js';
import { overridden, refusing, type Missing } from '../domain/rules/status-preconditions.js';
import type { Status } from '../domain/permissions.js';
import { statusCheck } from '../read-models/status-facts.js';
import { AppError } from '../errors.js';
import type { Actor } from '../actor.js';

const list = (x: Missing) => {
  const shown = x.names.join(', ');
  return x.count > x.names.length ? `${shown} and ${x.count - x.names.length} more` : shown;
};

/** One clause per missing thing, for the API's 409 message and the audit entry. */
export function missingClause(x: Missing): string {
  switch (x.code) {
    case 'no_vendors': return 'there is no vendor to score (add or import vendors first)';
    case 'no_scored_criterion': return 'there is no scored criterion (a leaf of kind "scored")';
    case 'evaluators_not_submitted': return `${x.count} evaluator${x.count === 1 ? ' has' : 's have'} not submitted: ${list(x)}`;
    case 'vendors_unscored': return `${x.count} vendor${x.count === 1 ? ' has' : 's have'} no score: ${list(x)}`;
    case 'votes_not_cast': return `${x.count} vote${x.count === 1 ? ' is' : 's are'} not cast: ${list(x)}`;
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
    const hint = refused.every((x) => x.severity === 'overridable') ? ' Send "force": true to go ahead anyway; it is recorded.' : '';
    throw new AppError(409, 'precondition_failed', `The evaluation cannot move to ${to}: ${refused.map(missingClause).join('; ')}.${hint}`);
  }
  return overridden(all, force).map((x) => ({ code: x.code, count: x.count, names: x.names }));
}
