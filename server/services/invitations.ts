import type { Db } from '../../db/client.js';
import { findUserByEmail, insertUser } from '../../db/queries/users.js';
import { insertMember, membershipOf, updateMember } from '../../db/queries/members.js';
import { groupNamed, insertGroup } from '../../db/queries/stakeholder-groups.js';
import { claimInvitation, insertMemberInvitation, memberInvitationByTokenHash, revokeOpenInvitations, setPasswordIfNone, teamOfEvaluation } from '../../db/queries/member-invitations.js';
import { recordAudit } from '../../db/queries/audit.js';
import { auditAs } from './audit-as.js';
import { addMember, type MemberInput } from './members.js';
import { enqueueMail } from '../mail/outbox.js';
import { absolute, withLang, type MailSettings } from '../mail/settings.js';
import { mails } from '../../views/mail/messages.js';
import { hashPassword } from '../security/passwords.js';
import { hashSecret, newSecret } from '../security/tokens.js';
import { daysFromNow, nowIso } from '../time.js';
import type { Actor } from '../actor.js';

export const JOIN_DAYS = 14;
/** The join link's path, in the inviter's language until the invitee picks one (issue 16). */
export const joinPath = (token: string) => withLang(`/join/${token}`);

export type AddOutcome =
  | { status: 'active'; userId: number }
  | { status: 'invited'; invitationId: number; token: string; mailIds: number[] };

/** Who sends an invitation, as the mail names them. */
export interface Sender { name: string; settings: MailSettings }

/**
 * Adds a member by e-mail: an existing account joins at once (addMember); an e-mail with no account
 * gets a pending membership and a personal, single-use join link, e-mailed when e-mail is on. The
 * invitation, its audit entry and its outgoing mail are one transaction. A second invitation to the
 * same address retires the first link.
 */
export async function addOrInviteMember(db: Db, a: Actor, input: MemberInput, sender: Sender): Promise<AddOutcome> {
  if (await findUserByEmail(db, input.email)) return { status: 'active', ...(await addMember(db, a, input)) };
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const groupId = input.group ? (await groupNamed(trx, a.evaluation.id, input.group))?.id ?? await insertGroup(trx, a.evaluation.id, input.group) : null;
    await revokeOpenInvitations(trx, a.evaluation.id, input.email, at);
    const token = newSecret('cxs');
    const expiresAt = daysFromNow(JOIN_DAYS);
    const invitationId = await insertMemberInvitation(trx, {
      evaluation_id: a.evaluation.id, email: input.email, role: input.role, group_id: groupId, approver: input.approver ? 1 : 0,
      token_hash: hashSecret(token), created_by: a.userId, created_at: at, expires_at: expiresAt, accepted_at: null, accepted_by: null, revoked_at: null,
    });
    await auditAs(trx, a, 'invite', 'member-invitation', invitationId, undefined, { email: input.email, role: input.role, group: input.group ?? null, approver: input.approver ?? false, expiresAt });
    const body = mails.invitation({ inviter: sender.name, evaluation: a.evaluation.name, role: input.role, link: absolute(sender.settings.appUrl, joinPath(token)), expiresAt });
    const mailIds = await enqueueMail(trx, sender.settings, [{ ...body, to: input.email, kind: 'invitation', evaluationId: a.evaluation.id }], at);
    return { status: 'invited' as const, invitationId, token, mailIds };
  });
}

export type LinkState = 'open' | 'used' | 'expired' | 'revoked' | 'unknown';

/** What a join link is now, and the invitation behind it when there is one. */
export async function joinLinkState(db: Db, token: string) {
  const inv = await memberInvitationByTokenHash(db, hashSecret(token));
  const state: LinkState = !inv ? 'unknown' : inv.accepted_at ? 'used' : inv.revoked_at ? 'revoked' : inv.expires_at <= nowIso() ? 'expired' : 'open';
  return { state, invitation: inv };
}

export type AcceptOutcome =
  | { ok: true; userId: number; evaluationId: number; signIn: boolean }
  | { ok: false; state: Exclude<LinkState, 'open'> };

/**
 * Uses a join link: makes the account (name, password), turns the pending membership into a real
 * one and marks the link used, in one transaction with its audit entry. The claim is a conditional
 * update, so of two racing submissions exactly one wins. Should an account with this e-mail have
 * appeared since the invitation, it is made a member but not signed in: the link proves the
 * mailbox, not the password.
 */
export async function acceptInvitation(db: Db, token: string, input: { name: string; password: string }): Promise<AcceptOutcome> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx): Promise<AcceptOutcome> => {
    const inv = await memberInvitationByTokenHash(trx, hashSecret(token));
    if (!inv) return { ok: false, state: 'unknown' };
    const at = nowIso();
    const existing = await findUserByEmail(trx, inv.email);
    const user = existing ?? await insertUser(trx, { email: inv.email, name: input.name, passwordHash, at });
    if (!(await claimInvitation(trx, inv.id, user.id, at))) {
      // Nothing written by this call survives: the transaction rolls the new account back.
      const state = inv.accepted_at ? 'used' : inv.revoked_at ? 'revoked' : inv.expires_at <= at ? 'expired' : 'used';
      throw new LinkRefused(state);
    }
    const current = await membershipOf(trx, inv.evaluation_id, user.id);
    const row = { role: inv.role, group_id: inv.group_id, removed_at: null, added_at: at, approver: inv.approver };
    if (current) await updateMember(trx, inv.evaluation_id, user.id, row);
    else await insertMember(trx, { evaluation_id: inv.evaluation_id, user_id: user.id, ...row });
    const teamId = await teamOfEvaluation(trx, inv.evaluation_id);
    await recordAudit(trx, { teamId, evaluationId: inv.evaluation_id, actorId: user.id, action: 'accept', entity: 'member', entityId: user.id, before: { invitationId: inv.id }, after: { email: inv.email, role: inv.role } });
    const signIn = !existing || await setPasswordIfNone(trx, user.id, input.name, passwordHash);
    return { ok: true, userId: user.id, evaluationId: inv.evaluation_id, signIn };
  }).catch((e: unknown) => {
    if (e instanceof LinkRefused) return { ok: false as const, state: e.state };
    throw e;
  });
}

class LinkRefused extends Error {
  constructor(readonly state: Exclude<LinkState, 'open'>) { super(state); }
}
