import type { Db } from '../../db/client.js';
import { updateEvaluation } from '../../db/queries/evaluations.js';
import { recordAudit } from '../../db/queries/audit.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';

/** Seals or opens the second envelope; who then sees prices is read-models/visibility.ts's call. */
export async function setHidePrices(db: Db, a: Actor, hide: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await updateEvaluation(trx, a.evaluation.id, { hide_prices: hide ? 1 : 0 }, nowIso());
    await recordAudit(trx, { teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'set', entity: 'two-envelopes', entityId: a.evaluation.id, before: { hidePrices: a.evaluation.hide_prices === 1 }, after: { hidePrices: hide } });
  });
}
