import { can, type Role, type Status } from '../permissions.js';

/** Why someone may not read the board report (or make a link to it) now. */
export type ReportRefusal = 'not_yet' | 'facilitator_only' | null;

/** The report is the record of the decision: from review on the figures are settled and everyone may read them. */
export const reportFinal = (status: Status): boolean => status === 'review' || status === 'decided';

/**
 * Who reads the board report (ADR 025). From review on, every member: visibility already shows
 * everyone everything then. Before review only those who run or watch the panel (the audit roles,
 * facilitator and observers) may read it, as a draft built from what they see; evaluators and
 * stakeholders would otherwise read through the report what blind scoring hides from them.
 */
export function reportRefusal(role: Role, status: Status): ReportRefusal {
  if (reportFinal(status) || can(role, 'audit')) return null;
  return 'not_yet';
}

/**
 * Who hands the report to someone without an account: the facilitator, and only once the figures
 * are settled (review or decided), so a link can never show a blind stage's figures.
 */
export function reportLinkRefusal(role: Role, status: Status): ReportRefusal {
  if (role !== 'facilitator') return 'facilitator_only';
  return reportFinal(status) ? null : 'not_yet';
}

/** How long a read-only link lives by default, and at most. */
export const REPORT_LINK_DAYS = 14;
export const REPORT_LINK_MAX_DAYS = 90;
