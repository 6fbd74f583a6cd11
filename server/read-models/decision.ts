import type { Db } from '../../db/client.js';
import { approvalsOf, approversOf, decisionOf, isApprover } from '../../db/queries/decisions.js';
import { vendorNamesByIds } from '../../db/queries/vendors.js';
import type { RankingResult } from '../domain/ranking.js';
import type { Actor } from '../actor.js';
import { loadRanking } from './ranking.js';

export interface NamedVendor { vendorId: string; name: string }

/**
 * The vendors a decision would be made without the full picture of: the ranked ones whose ranking
 * is provisional (coverage below 100 %: a weighted criterion without a value counts 0), as the
 * ranking flags them, and those nobody has scored yet. Vendors excluded by a must-have are settled.
 */
export const provisionalIn = (result: RankingResult): NamedVendor[] => [
  ...result.rows.filter((r) => r.provisional).map((r) => ({ vendorId: r.vendorId, name: r.name })),
  // A vendor nobody scored is not ranked at all (ADR 012): deciding past it is the same open question.
  ...result.unscored.map((u) => ({ vendorId: u.vendorId, name: u.name })),
];

/** The vendors ranked first (equal totals share the rank): what a bare "decided" records. */
export const leadersIn = (result: RankingResult): NamedVendor[] =>
  result.rows.filter((r) => r.rank === 1).map((r) => ({ vendorId: r.vendorId, name: r.name }));

/** What deciding now would face, for member `a`: the ranking's rows and the provisional ones among them. */
export async function decisionInputs(db: Db, a: Actor) {
  const view = await loadRanking(db, a);
  return { view, provisional: provisionalIn(view.result), leaders: leadersIn(view.result) };
}

/**
 * The decision of an evaluation with its sign-off: the vendors chosen (by name), the reason, who
 * decided and when, the provisional vendors acknowledged, each approver's verdict, and the
 * approvers still to give one. undefined before the evaluation is decided.
 */
export async function decisionRecord(db: Db, evaluationId: number) {
  const [d, approvals, approvers] = await Promise.all([decisionOf(db, evaluationId), approvalsOf(db, evaluationId), approversOf(db, evaluationId)]);
  if (!d) return undefined;
  const names = new Map((await vendorNamesByIds(db, d.vendorIds)).map((v) => [v.id, v.name]));
  const given = new Set(approvals.map((x) => x.user_id));
  return {
    vendorIds: d.vendorIds.map(String),
    vendors: d.vendorIds.map((id) => ({ vendorId: String(id), name: names.get(id) ?? '' })),
    reason: d.reason,
    decidedBy: { userId: d.decidedBy === null ? null : String(d.decidedBy), name: d.decidedByName ?? '' },
    at: d.at,
    via: d.via,
    acknowledgedProvisional: d.acknowledged,
    approvals: approvals.map((x) => ({ userId: String(x.user_id), name: x.name, verdict: x.verdict, comment: x.comment, at: x.at })),
    pending: approvers.filter((p) => !given.has(p.id)).map((p) => ({ userId: String(p.id), name: p.name })),
  };
}

export type DecisionRecord = NonNullable<Awaited<ReturnType<typeof decisionRecord>>>;

/** What the overview shows of a decided evaluation: the record, and whether member `a` signs it off. undefined before deciding. */
export async function overviewDecision(db: Db, a: Actor) {
  if (a.evaluation.status !== 'decided') return undefined;
  const [record, approver] = await Promise.all([decisionRecord(db, a.evaluation.id), isApprover(db, a.evaluation.id, a.userId)]);
  return { record: record ?? null, approver };
}
