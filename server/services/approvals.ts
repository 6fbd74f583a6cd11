import type { Db } from '../../db/client.js';
import { approvalBy, decisionOf, upsertApproval } from '../../db/queries/decisions.js';
import { conflict } from '../errors.js';
import { nowIso } from '../time.js';
import type { ApprovalInput } from '../schemas/decisions.js';
import { auditAs } from './audit-as.js';
import type { Actor } from '../actor.js';

/**
 * An approver's verdict on the decision (the gate has checked the approver flag). One verdict per
 * approver: a later one replaces the earlier, and the audit entry keeps both.
 */
export async function giveVerdict(db: Db, a: Actor, input: ApprovalInput): Promise<{ verdict: ApprovalInput['verdict']; comment: string; at: string }> {
  return db.transaction().execute(async (trx) => {
    if (a.evaluation.status !== 'decided') throw conflict('not_decided', 'There is nothing to sign off yet: approvals open once the evaluation is decided.');
    if (!(await decisionOf(trx, a.evaluation.id))) throw conflict('not_decided', 'This evaluation was decided before decisions were recorded: there is no decision to sign off.');
    const before = await approvalBy(trx, a.evaluation.id, a.userId);
    const v = { verdict: input.verdict, comment: input.comment ?? '', at: nowIso() };
    await upsertApproval(trx, a.evaluation.id, a.userId, v);
    await auditAs(trx, a, before ? 'change-verdict' : 'verdict', 'approval', a.userId, before ? { verdict: before.verdict, comment: before.comment } : undefined, { verdict: v.verdict, comment: v.comment });
    return v;
  });
}
