import type { Db } from '../../db/client.js';
import { vendorIn } from '../../db/queries/vendors.js';
import { feedbackOf, saveFeedback, type FeedbackRow } from '../../db/queries/feedback.js';
import { recordAudit } from '../../db/queries/audit.js';
import type { FeedbackInput } from '../schemas/feedback.js';
import { notFound } from '../errors.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';

/** One person's stored answer about one vendor. */
export type FeedbackAnswer = FeedbackRow;

const snapshot = (r: { nps: number; csat: number | null; ces: number | null; comment: string }) => ({ nps: r.nps, csat: r.csat, ces: r.ces, comment: r.comment });

/**
 * Saves the caller's answer about one vendor of the evaluation: one answer per person per vendor,
 * so a second one replaces the first whole (a CSAT or CES left out becomes "no answer").
 * The audit entry keeps the answer before and after.
 */
export async function giveFeedback(db: Db, a: Actor, input: FeedbackInput): Promise<FeedbackAnswer> {
  return db.transaction().execute(async (trx) => {
    if (!(await vendorIn(trx, a.evaluation.id, input.vendorId))) throw notFound('vendor');
    const before = await feedbackOf(trx, input.vendorId, a.userId);
    const answer: FeedbackAnswer = { vendorId: input.vendorId, nps: input.nps, csat: input.csat ?? null, ces: input.ces ?? null, comment: input.comment?.trim() ?? '', updatedAt: nowIso() };
    await saveFeedback(trx, a.evaluation.id, a.userId, answer);
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: before ? 'update' : 'create', entity: 'feedback',
      entityId: `${input.vendorId}:${a.userId}`, before: before ? snapshot(before) : undefined, after: snapshot(answer),
    });
    return answer;
  });
}
