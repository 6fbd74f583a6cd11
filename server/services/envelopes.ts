import type { Db } from '../../db/client.js';
import { updateEvaluation } from '../../db/queries/evaluations.js';
import { submissionOf } from '../../db/queries/panel.js';
import { recordAudit } from '../../db/queries/audit.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';

/**
 * The two-envelope rule: when the evaluation hides prices, an evaluator sees them only after
 * submitting their quality scores, and stakeholders only once the evaluation is in review.
 * The facilitator and observers always see them.
 */
export async function pricesHiddenFor(db: Db, a: Actor): Promise<boolean> {
  if (a.evaluation.hide_prices !== 1) return false;
  if (a.role === 'facilitator' || a.role === 'observer') return false;
  if (a.evaluation.status === 'review' || a.evaluation.status === 'decided') return false;
  if (a.role === 'evaluator') return !(await submissionOf(db, a.evaluation.id, a.userId));
  return true;
}

export async function setHidePrices(db: Db, a: Actor, hide: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await updateEvaluation(trx, a.evaluation.id, { hide_prices: hide ? 1 : 0 }, nowIso());
    await recordAudit(trx, { teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'set', entity: 'two-envelopes', entityId: a.evaluation.id, before: { hidePrices: a.evaluation.hide_prices === 1 }, after: { hidePrices: hide } });
  });
}
