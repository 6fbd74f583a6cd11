import type { Db } from '../../db/client.js';
import { approvalBy, decisionOf, upsertApproval } from '../../db/queries/decisions.js';
import { conflict } from '../errors.js';
import { nowIso } from '../time.js';
import type { ApprovalInput } from '../schemas/decisions.js';
import { auditAs } from './audit-as.js';
import type { Actor } from '../actor.js';
import { m } from '../../views/messages/index.js';

/**
 * An approver's verdict on the decision (the gate has checked the approver flag). One verdict per
 * approver: a later one replaces the earlier, and the audit entry keeps both.
 */
export async function giveVerdict(db: Db, a: Actor, input: ApprovalInput): Promise<{ verdict: ApprovalInput['verdict']; comment: string; at: string }> {
  return db.transaction().execute(async (trx) => {
    if (a.evaluation.status !== 'decided') throw conflict('not_decided', m.errors.nothingToSignOff);
    if (!(await decisionOf(trx, a.evaluation.id))) throw conflict('not_decided', m.errors.decidedBeforeRecords);
    const before = await approvalBy(trx, a.evaluation.id, a.userId);
    const v = { verdict: input.verdict, comment: input.comment ?? '', at: nowIso() };
    await upsertApproval(trx, a.evaluation.id, a.userId, v);
    await auditAs(trx, a, before ? 'change-verdict' : 'verdict', 'approval', a.userId, before ? { verdict: before.verdict, comment: before.comment } : undefined, { verdict: v.verdict, comment: v.comment });
    return v;
  });
}
