import type { Db } from '../../db/client.js';
import { panelMembersOf } from '../../db/queries/members.js';
import { pendingInvitationsOf } from '../../db/queries/member-invitations.js';
import type { MemberRole } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { forbidden } from '../errors.js';
import { m } from '../../views/messages/index.js';

export interface MemberRow {
  userId: number | null; email: string; name: string; role: MemberRole; group: string | null; approver: boolean;
  status: 'active' | 'invited'; addedAt: string | null; invitedAt: string | null; expiresAt: string | null;
}

/**
 * The evaluation's members, current ones then those invited who have not joined yet (no account,
 * so no user id). The list names people by e-mail, so only those who run or watch the panel read it.
 */
export async function membersList(db: Db, a: Actor): Promise<MemberRow[]> {
  if (a.role !== 'facilitator' && a.role !== 'observer') throw forbidden(m.errors.membersListOnly);
  const [active, pending] = await Promise.all([panelMembersOf(db, a.evaluation.id), pendingInvitationsOf(db, a.evaluation.id)]);
  return [
    ...active.map((r): MemberRow => ({ userId: r.id, email: r.email, name: r.name, role: r.role, group: r.group_name, approver: r.approver === 1, status: 'active', addedAt: r.added_at, invitedAt: null, expiresAt: null })),
    ...pending.map((r): MemberRow => ({ userId: null, email: r.email, name: r.email, role: r.role, group: r.group_name, approver: r.approver === 1, status: 'invited', addedAt: null, invitedAt: r.created_at, expiresAt: r.expires_at })),
  ];
}
