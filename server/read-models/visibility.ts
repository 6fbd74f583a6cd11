import type { Db } from '../../db/client.js';
import { submissionOf } from '../../db/queries/panel.js';
import type { Actor } from '../actor.js';
import { visibilityFor, type Visibility } from '../domain/rules/visibility.js';

/**
 * What this member may see now (domain/rules/visibility.ts), with the facts read for them. Only an
 * evaluator's submission under two envelopes can change the answer, so only then is it looked up.
 */
export async function visibilityOf(db: Db, a: Actor): Promise<Visibility> {
  const hidePrices = a.evaluation.hide_prices === 1;
  const submitted = hidePrices && a.role === 'evaluator' && (await submissionOf(db, a.evaluation.id, a.userId)) !== undefined;
  return visibilityFor({ role: a.role, status: a.evaluation.status, hidePrices, submitted });
}

/** The two-envelope rule for pages that show one vendor's price: true while it is sealed for this member. */
export async function pricesHiddenFor(db: Db, a: Actor): Promise<boolean> {
  return !(await visibilityOf(db, a)).prices;
}
