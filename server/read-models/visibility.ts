import type { Db } from '../../db/client.js';
import { declarationOf, submissionOf } from '../../db/queries/panel.js';
import type { Actor } from '../actor.js';
import { forbidden } from '../errors.js';
import { isScorer, visibilityFor, type Visibility } from '../domain/rules/visibility.js';

/**
 * What this member may see now (domain/rules/visibility.ts), with the facts read for them: their
 * submission and, for a facilitator, whether they have joined the panel by declaring. From review
 * on the answer depends on neither, so nothing is looked up.
 */
export async function visibilityOf(db: Db, a: Actor): Promise<Visibility> {
  const hidePrices = a.evaluation.hide_prices === 1;
  const status = a.evaluation.status;
  const early = status !== 'review' && status !== 'decided';
  const asks = early && (a.role === 'evaluator' || a.role === 'facilitator');
  const [submitted, declared] = asks
    ? await Promise.all([
        submissionOf(db, a.evaluation.id, a.userId).then((s) => s !== undefined),
        a.role === 'facilitator' ? declarationOf(db, a.evaluation.id, a.userId).then((d) => d !== undefined) : Promise.resolve(true),
      ])
    : [false, false];
  return visibilityFor({ role: a.role, status, hidePrices, submitted, scorer: isScorer(a.role, declared) });
}

/** The two-envelope rule for pages that show one vendor's price: true while it is sealed for this member. */
export async function pricesHiddenFor(db: Db, a: Actor): Promise<boolean> {
  return !(await visibilityOf(db, a)).prices;
}

/** The message a member who may see no scores gets (stakeholders before review), as the API's 403 and on pages. */
export const SCORES_HIDDEN_MESSAGE = 'Scores, comments and totals are shown to stakeholders once the evaluation is in review.';

/** Throws the 403 for a member who may see no scores at all; returns what they may see otherwise. */
export async function visibilityWithScores(db: Db, a: Actor): Promise<Visibility & { scores: 'all' | 'own' }> {
  const seen = await visibilityOf(db, a);
  if (seen.scores === 'none') throw forbidden(SCORES_HIDDEN_MESSAGE);
  return { prices: seen.prices, scores: seen.scores };
}
