import type { Db } from '../../db/client.js';
import type { MemberRole } from '../../db/schema.js';
import { findUserByEmail } from '../../db/queries/users.js';
import { insertMember, membershipOf, updateMember } from '../../db/queries/members.js';
import { groupNamed, insertGroup } from '../../db/queries/stakeholder-groups.js';
import { recordAudit } from '../../db/queries/audit.js';
import { auditAs } from './audit-as.js';
import { conflict, notFound } from '../errors.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';
import { m } from '../../views/messages/index.js';

export interface MemberInput { email: string; role: MemberRole; group?: string | undefined; approver?: boolean | undefined }

/** The stakeholder group of that name in the evaluation, created on first use. */
async function groupId(db: Db, evaluationId: number, name: string): Promise<number> {
  return (await groupNamed(db, evaluationId, name))?.id ?? insertGroup(db, evaluationId, name);
}

/**
 * Adds an existing user to the evaluation with a role (and stakeholder group). A person removed
 * earlier comes back with their old scores intact; a current member is a 409.
 */
export async function addMember(db: Db, a: Actor, input: MemberInput): Promise<{ userId: number }> {
  return db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, input.email);
    if (!user) throw notFound('userWithEmail');
    const current = await membershipOf(trx, a.evaluation.id, user.id);
    if (current && current.removed_at === null) throw conflict('already_member', m.errors.alreadyMember(user.email, current.role));
    const group = input.group ? await groupId(trx, a.evaluation.id, input.group) : null;
    const at = nowIso();
    const approver = input.approver ? 1 : 0;
    if (current) await updateMember(trx, a.evaluation.id, user.id, { role: input.role, group_id: group, removed_at: null, added_at: at, approver });
    else await insertMember(trx, { evaluation_id: a.evaluation.id, user_id: user.id, role: input.role, group_id: group, added_at: at, removed_at: null, approver });
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: current ? 'readd' : 'add', entity: 'member', entityId: user.id,
      before: current ? { role: current.role, removedAt: current.removed_at } : undefined, after: { email: user.email, role: input.role, group: input.group ?? null, ...(input.approver ? { approver: true } : {}) },
    });
    return { userId: user.id };
  });
}

/**
 * Flags a current member as an approver (asked to sign off the decision) or not. The flag is set
 * before deciding: a decided evaluation changes no more, its membership included.
 */
export async function setApprover(db: Db, a: Actor, userId: number, approver: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await membershipOf(trx, a.evaluation.id, userId);
    if (!current || current.removed_at !== null) throw notFound('member');
    if ((current.approver === 1) === approver) return;
    await updateMember(trx, a.evaluation.id, userId, { approver: approver ? 1 : 0 });
    await auditAs(trx, a, 'approver', 'member', userId, { approver: current.approver === 1 }, { approver });
  });
}
