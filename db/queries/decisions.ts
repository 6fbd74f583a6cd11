import type { Db } from '../client.js';
import type { EvaluationStatus, Verdict } from '../schema.js';

/** The decision row as stored, with JSON columns parsed, or undefined before the evaluation is decided. */
export async function decisionOf(db: Db, evaluationId: number) {
  const row = await db.selectFrom('decisions as d').leftJoin('users as u', 'u.id', 'd.decided_by')
    .select(['d.vendor_ids', 'd.reason', 'd.acknowledged', 'd.via', 'd.decided_by', 'd.decided_at', 'u.name as decided_by_name'])
    .where('d.evaluation_id', '=', evaluationId).executeTakeFirst();
  if (!row) return undefined;
  return {
    vendorIds: JSON.parse(row.vendor_ids) as number[], reason: row.reason, via: row.via, decidedBy: row.decided_by, decidedByName: row.decided_by_name, at: row.decided_at,
    acknowledged: row.acknowledged === null ? [] : (JSON.parse(row.acknowledged) as { vendorId: string; name: string }[]),
  };
}

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof decisionOf>>>;

export interface NewDecision { vendorIds: number[]; reason: string; acknowledged: { vendorId: string; name: string }[]; via: 'decision' | 'status'; decidedBy: number; at: string }

export async function insertDecision(db: Db, evaluationId: number, d: NewDecision): Promise<void> {
  await db.insertInto('decisions').values({
    evaluation_id: evaluationId, vendor_ids: JSON.stringify(d.vendorIds), reason: d.reason, acknowledged: d.acknowledged.length > 0 ? JSON.stringify(d.acknowledged) : null,
    via: d.via, decided_by: d.decidedBy, decided_at: d.at,
  }).execute();
}

/**
 * Moves the status only if it is still `from`: two facilitators deciding at once cannot both win.
 * True when this call moved it.
 */
export async function moveStatusIf(db: Db, evaluationId: number, from: EvaluationStatus, to: EvaluationStatus, at: string): Promise<boolean> {
  const r = await db.updateTable('evaluations').set({ status: to, updated_at: at }).where('id', '=', evaluationId).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every verdict given on the evaluation's decision, with the approver's name, oldest first. */
export async function approvalsOf(db: Db, evaluationId: number) {
  return db.selectFrom('approvals as a').innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.user_id', 'u.name', 'a.verdict', 'a.comment', 'a.at']).where('a.evaluation_id', '=', evaluationId).orderBy('a.at').orderBy('a.user_id').execute();
}

export async function approvalBy(db: Db, evaluationId: number, userId: number) {
  return db.selectFrom('approvals').select(['verdict', 'comment', 'at']).where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).executeTakeFirst();
}

/** Records `userId`'s verdict, replacing an earlier one. */
export async function upsertApproval(db: Db, evaluationId: number, userId: number, v: { verdict: Verdict; comment: string; at: string }): Promise<void> {
  await db.insertInto('approvals').values({ evaluation_id: evaluationId, user_id: userId, ...v })
    .onConflict((oc) => oc.columns(['evaluation_id', 'user_id']).doUpdateSet({ verdict: v.verdict, comment: v.comment, at: v.at })).execute();
}

/** Current members flagged as approvers, by name. */
export async function approversOf(db: Db, evaluationId: number) {
  return db.selectFrom('evaluation_members as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'm.role']).where('m.evaluation_id', '=', evaluationId).where('m.removed_at', 'is', null).where('m.approver', '=', 1)
    .orderBy('u.name').execute();
}

/** Whether `userId` is a current member flagged as an approver. */
export async function isApprover(db: Db, evaluationId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('evaluation_members').select('approver').where('evaluation_id', '=', evaluationId).where('user_id', '=', userId)
    .where('removed_at', 'is', null).executeTakeFirst();
  return row?.approver === 1;
}
