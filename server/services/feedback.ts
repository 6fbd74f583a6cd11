import type { Db } from '../../db/client.js';
import { vendorIdsOf, vendorIn } from '../../db/queries/vendors.js';
import { feedbackBy, feedbackFiguresOf, feedbackOf, saveFeedback, type FeedbackRow } from '../../db/queries/feedback.js';
import { recordAudit } from '../../db/queries/audit.js';
import { ces, csat, nps } from '../domain/cx-metrics.js';
import type { FeedbackInput } from '../schemas/feedback.js';
import { notFound } from '../errors.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';

/** One person's stored answer about one vendor. */
export type FeedbackAnswer = FeedbackRow;

/** A vendor's feedback in figures: how many answered, and the three metrics (null when nobody gave that one). */
export interface VendorFeedbackSummary { responses: number; nps: number | null; csat: number | null; ces: number | null }

const snapshot = (r: { nps: number; csat: number | null; ces: number | null; comment: string }) => ({ nps: r.nps, csat: r.csat, ces: r.ces, comment: r.comment });

/**
 * Saves the caller's answer about one vendor of the evaluation: one answer per person per vendor,
 * so a second one replaces the first whole (a CSAT or CES left out becomes "no answer").
 * The audit entry keeps the answer before and after.
 */
export async function giveFeedback(db: Db, a: Actor, input: FeedbackInput): Promise<FeedbackAnswer> {
  return db.transaction().execute(async (trx) => {
    if (!(await vendorIn(trx, a.evaluation.id, input.vendorId))) throw notFound('The vendor');
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

/** The caller's own answers in this evaluation, by vendor id. */
export async function myFeedback(db: Db, evaluationId: number, userId: number): Promise<Map<number, FeedbackAnswer>> {
  return new Map((await feedbackBy(db, evaluationId, userId)).map((f) => [f.vendorId, f]));
}

/**
 * Every vendor of the evaluation with its feedback figures, keyed by vendor id (as a string, the
 * way the API speaks ids). NPS is over all answers; CSAT and CES over the answers that include them.
 * A vendor nobody has answered about has 0 responses and null metrics.
 */
export async function feedbackSummary(db: Db, evaluationId: number): Promise<Record<string, VendorFeedbackSummary>> {
  const [vendors, rows] = await Promise.all([
    vendorIdsOf(db, evaluationId),
    feedbackFiguresOf(db, evaluationId),
  ]);
  const byVendor = new Map<number, { nps: number[]; csat: number[]; ces: number[] }>();
  for (const id of vendors) byVendor.set(id, { nps: [], csat: [], ces: [] });
  for (const r of rows) {
    const answers = byVendor.get(r.vendor_id);
    if (!answers) continue;
    answers.nps.push(r.nps);
    if (r.csat !== null) answers.csat.push(r.csat);
    if (r.ces !== null) answers.ces.push(r.ces);
  }
  const out: Record<string, VendorFeedbackSummary> = {};
  for (const [id, answers] of byVendor) {
    out[String(id)] = { responses: answers.nps.length, nps: nps(answers.nps), csat: csat(answers.csat), ces: ces(answers.ces) };
  }
  return out;
}
