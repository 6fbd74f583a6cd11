import type { Db } from '../../db/client.js';
import { vendorIdsOf } from '../../db/queries/vendors.js';
import { feedbackBy, feedbackFiguresOf, type FeedbackRow } from '../../db/queries/feedback.js';
import { ces, csat, nps } from '../domain/cx-metrics.js';

/** A vendor's feedback in figures: how many answered, and the three metrics (null when nobody gave that one). */
export interface VendorFeedbackSummary { responses: number; nps: number | null; csat: number | null; ces: number | null }

/** The caller's own answers in this evaluation, by vendor id. */
export async function myFeedback(db: Db, evaluationId: number, userId: number): Promise<Map<number, FeedbackRow>> {
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
