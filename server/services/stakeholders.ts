import type { Db } from '../../db/client.js';
import { findUserByEmail, insertUser } from '../../db/queries/users.js';
import { updateEvaluation } from '../../db/queries/evaluations.js';
import { groupIn, groupNamed, groupWeightsOf, insertGroup, setGroupWeight } from '../../db/queries/stakeholder-groups.js';
import { insertMember, membershipOf, updateMember } from '../../db/queries/members.js';
import { insertInvite, inviteByTokenHash, inviteIn, markInviteUsed, revokeInvite as markRevoked, revokeInvitesOf } from '../../db/queries/invites.js';
import { auditAs } from './audit-as.js';
import { conflict, notFound } from '../errors.js';
import { hashSecret, newSecret } from '../security/tokens.js';
import { daysFromNow, nowIso } from '../time.js';
import type { VoteMethod } from '../read-models/votes.js';
import type { Actor } from '../actor.js';
import { enqueueMail } from '../mail/outbox.js';
import type { MailSettings } from '../mail/settings.js';
import { mails } from '../../views/mail/messages.js';
import { m } from '../../views/messages/index.js';

export { DEFAULT_GROUPS } from '../content/groups.js';

export const INVITE_DAYS = 30;

export async function addGroup(db: Db, a: Actor, name: string, weight: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (await groupNamed(trx, a.evaluation.id, name)) throw conflict('duplicate_name', m.errors.duplicateGroup(name));
    const id = await insertGroup(trx, a.evaluation.id, name, weight);
    await auditAs(trx, a, 'create', 'group', id, undefined, { name, weight });
    return id;
  });
}

/** Sets group weights (id → weight ≥ 0) together, so a board sees one change, not five. */
export async function setGroupWeights(db: Db, a: Actor, weights: Record<string, number>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const groups = await groupWeightsOf(trx, a.evaluation.id);
    for (const g of groups) {
      const w = weights[String(g.id)];
      if (w !== undefined && w !== g.weight) await setGroupWeight(trx, g.id, w);
    }
    await auditAs(trx, a, 'set', 'group-weights', a.evaluation.id, Object.fromEntries(groups.map((g) => [g.name, g.weight])), Object.fromEntries(groups.map((g) => [g.name, weights[String(g.id)] ?? g.weight])));
  });
}

export async function setVotingSettings(db: Db, a: Actor, s: { methods: VoteMethod[]; aggregation: string; ahpMode: string; excludeInconsistent: boolean }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = { methods: a.evaluation.vote_methods, aggregation: a.evaluation.aggregation, ahpMode: a.evaluation.ahp_mode, excludeInconsistent: a.evaluation.exclude_inconsistent === 1 };
    await updateEvaluation(trx, a.evaluation.id, { vote_methods: s.methods.join(','), aggregation: s.aggregation, ahp_mode: s.ahpMode, exclude_inconsistent: s.excludeInconsistent ? 1 : 0 }, nowIso());
    await auditAs(trx, a, 'set', 'voting-settings', a.evaluation.id, before, { ...s, methods: s.methods.join(',') });
  });
}

/**
 * Invites a stakeholder by email: an account without a password is made if there is none, the
 * person joins as stakeholder in the group, and a personal link (returned once) signs them in to vote.
 */
export async function inviteStakeholder(db: Db, a: Actor, input: { email: string; name?: string | undefined; groupId: number | null },
  mail?: { settings: MailSettings; sender: string; link: (token: string) => string }): Promise<{ inviteId: number; token: string; userId: number; mailIds: number[] }> {
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    let user = await findUserByEmail(trx, input.email);
    if (!user) {
      const name = input.name?.trim() || input.email.split('@')[0]!;
      user = await insertUser(trx, { email: input.email, name, passwordHash: null, at });
    }
    if (input.groupId !== null) {
      if (!(await groupIn(trx, a.evaluation.id, input.groupId))) throw notFound('group');
    }
    const member = await membershipOf(trx, a.evaluation.id, user.id);
    if (!member) await insertMember(trx, { evaluation_id: a.evaluation.id, user_id: user.id, role: 'stakeholder', group_id: input.groupId, added_at: at, removed_at: null });
    else await updateMember(trx, a.evaluation.id, user.id, { group_id: input.groupId ?? member.group_id, removed_at: null });
    // One live link per person: a new invitation retires the old link.
    await revokeInvitesOf(trx, a.evaluation.id, user.id, at);
    const token = newSecret('cxs');
    const inviteId = await insertInvite(trx, { evaluation_id: a.evaluation.id, user_id: user.id, token_hash: hashSecret(token), created_by: a.userId, created_at: at, expires_at: daysFromNow(INVITE_DAYS), revoked_at: null, last_used_at: null });
    await auditAs(trx, a, 'invite', 'member', user.id, undefined, { email: user.email, groupId: input.groupId, role: member?.role ?? 'stakeholder', expires: daysFromNow(INVITE_DAYS) });
    // E-mailed when e-mail is on: the message is written with the invitation and sent after the commit.
    const body = mail && mails.voteLink({ inviter: mail.sender, evaluation: a.evaluation.name, link: mail.link(token), expiresAt: daysFromNow(INVITE_DAYS) });
    const mailIds = mail && body ? await enqueueMail(trx, mail.settings, [{ ...body, to: user.email, kind: 'vote-link', evaluationId: a.evaluation.id }], at) : [];
    return { inviteId, token, userId: user.id, mailIds };
  });
}

export async function revokeInvite(db: Db, a: Actor, inviteId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const inv = await inviteIn(trx, a.evaluation.id, inviteId);
    if (!inv) throw notFound('invitation');
    if (inv.revoked_at) return;
    await markRevoked(trx, inviteId, nowIso());
    await auditAs(trx, a, 'revoke', 'invite', inviteId, { userId: inv.user_id }, { revoked: true });
  });
}

/** The person and evaluation behind a personal link, if it is live; marks it used. */
export async function redeemInvite(db: Db, token: string): Promise<{ userId: number; evaluationId: number } | null> {
  const inv = await inviteByTokenHash(db, hashSecret(token));
  if (!inv || inv.revoked_at || inv.expires_at <= nowIso()) return null;
  await markInviteUsed(db, inv.id, nowIso());
  return { userId: inv.user_id, evaluationId: inv.evaluation_id };
}

