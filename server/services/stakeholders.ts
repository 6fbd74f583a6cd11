import type { Db } from '../../db/client.js';
import type { EvaluationAccess } from '../../db/queries/evaluations.js';
import { findUserByEmail } from '../../db/queries/users.js';
import { recordAudit } from '../../db/queries/audit.js';
import { conflict, notFound } from '../errors.js';
import { hashSecret, newSecret } from '../security/tokens.js';
import { daysFromNow, nowIso } from '../time.js';
import type { VoteMethod } from './voting.js';

type Actor = EvaluationAccess & { userId: number };
const audit = (db: Db, a: Actor, action: string, entity: string, id: number | string, before?: unknown, after?: unknown) =>
  recordAudit(db, { teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action, entity, entityId: id, before, after });

/** Who owns the CX business case, by the survey seed 004 quotes: the default stakeholder groups. */
export const DEFAULT_GROUPS = ['Marketing', 'E-commerce', 'Technology', 'Customer service', 'Data'] as const;

export const INVITE_DAYS = 30;

export async function addGroup(db: Db, a: Actor, name: string, weight: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('stakeholder_groups').select('id').where('evaluation_id', '=', a.evaluation.id).where('name', '=', name).executeTakeFirst();
    if (clash) throw conflict('duplicate_name', `A group named "${name}" already exists.`);
    const last = await trx.selectFrom('stakeholder_groups').select((eb) => eb.fn.max('position').as('p')).where('evaluation_id', '=', a.evaluation.id).executeTakeFirst();
    const row = await trx.insertInto('stakeholder_groups').values({ evaluation_id: a.evaluation.id, name, weight, position: Number(last?.p ?? -1) + 1 }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, a, 'create', 'group', row.id, undefined, { name, weight });
    return row.id;
  });
}

/** Sets group weights (id → weight ≥ 0) together, so a board sees one change, not five. */
export async function setGroupWeights(db: Db, a: Actor, weights: Record<string, number>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const groups = await trx.selectFrom('stakeholder_groups').select(['id', 'name', 'weight']).where('evaluation_id', '=', a.evaluation.id).execute();
    for (const g of groups) {
      const w = weights[String(g.id)];
      if (w !== undefined && w !== g.weight) await trx.updateTable('stakeholder_groups').set({ weight: w }).where('id', '=', g.id).execute();
    }
    await audit(trx, a, 'set', 'group-weights', a.evaluation.id, Object.fromEntries(groups.map((g) => [g.name, g.weight])), Object.fromEntries(groups.map((g) => [g.name, weights[String(g.id)] ?? g.weight])));
  });
}

export async function setVotingSettings(db: Db, a: Actor, s: { methods: VoteMethod[]; aggregation: string; ahpMode: string; excludeInconsistent: boolean }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = { methods: a.evaluation.vote_methods, aggregation: a.evaluation.aggregation, ahpMode: a.evaluation.ahp_mode, excludeInconsistent: a.evaluation.exclude_inconsistent === 1 };
    await trx.updateTable('evaluations')
      .set({ vote_methods: s.methods.join(','), aggregation: s.aggregation, ahp_mode: s.ahpMode, exclude_inconsistent: s.excludeInconsistent ? 1 : 0, updated_at: nowIso() })
      .where('id', '=', a.evaluation.id).execute();
    await audit(trx, a, 'set', 'voting-settings', a.evaluation.id, before, { ...s, methods: s.methods.join(',') });
  });
}

/**
 * Invites a stakeholder by email: an account without a password is made if there is none, the
 * person joins as stakeholder in the group, and a personal link (returned once) signs them in to vote.
 */
export async function inviteStakeholder(db: Db, a: Actor, input: { email: string; name?: string | undefined; groupId: number | null }): Promise<{ inviteId: number; token: string; userId: number }> {
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    let user = await findUserByEmail(trx, input.email);
    if (!user) {
      const name = input.name?.trim() || input.email.split('@')[0]!;
      user = await trx.insertInto('users').values({ email: input.email, name, password_hash: null, created_at: at }).returningAll().executeTakeFirstOrThrow();
    }
    if (input.groupId !== null) {
      const g = await trx.selectFrom('stakeholder_groups').select('id').where('id', '=', input.groupId).where('evaluation_id', '=', a.evaluation.id).executeTakeFirst();
      if (!g) throw notFound('The stakeholder group');
    }
    const member = await trx.selectFrom('evaluation_members').selectAll().where('evaluation_id', '=', a.evaluation.id).where('user_id', '=', user.id).executeTakeFirst();
    if (!member) {
      await trx.insertInto('evaluation_members').values({ evaluation_id: a.evaluation.id, user_id: user.id, role: 'stakeholder', group_id: input.groupId, added_at: at, removed_at: null }).execute();
    } else {
      await trx.updateTable('evaluation_members').set({ group_id: input.groupId ?? member.group_id, removed_at: null }).where('evaluation_id', '=', a.evaluation.id).where('user_id', '=', user.id).execute();
    }
    // One live link per person: a new invitation retires the old link.
    await trx.updateTable('invites').set({ revoked_at: at }).where('evaluation_id', '=', a.evaluation.id).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    const token = newSecret('cxs');
    const row = await trx.insertInto('invites').values({ evaluation_id: a.evaluation.id, user_id: user.id, token_hash: hashSecret(token), created_by: a.userId, created_at: at, expires_at: daysFromNow(INVITE_DAYS), revoked_at: null, last_used_at: null }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, a, 'invite', 'member', user.id, undefined, { email: user.email, groupId: input.groupId, role: member?.role ?? 'stakeholder', expires: daysFromNow(INVITE_DAYS) });
    return { inviteId: row.id, token, userId: user.id };
  });
}

export async function revokeInvite(db: Db, a: Actor, inviteId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const inv = await trx.selectFrom('invites').selectAll().where('id', '=', inviteId).where('evaluation_id', '=', a.evaluation.id).executeTakeFirst();
    if (!inv) throw notFound('The invitation');
    if (inv.revoked_at) return;
    await trx.updateTable('invites').set({ revoked_at: nowIso() }).where('id', '=', inviteId).execute();
    await audit(trx, a, 'revoke', 'invite', inviteId, { userId: inv.user_id }, { revoked: true });
  });
}

/** The person and evaluation behind a personal link, if it is live; marks it used. */
export async function redeemInvite(db: Db, token: string): Promise<{ userId: number; evaluationId: number } | null> {
  const inv = await db.selectFrom('invites').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!inv || inv.revoked_at || inv.expires_at <= nowIso()) return null;
  await db.updateTable('invites').set({ last_used_at: nowIso() }).where('id', '=', inv.id).execute();
  return { userId: inv.user_id, evaluationId: inv.evaluation_id };
}

/** Members who may vote, with their group, invitation and whether they have voted: the progress list. */
export async function voterProgress(db: Db, evaluationId: number) {
  const rows = await db
    .selectFrom('evaluation_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('stakeholder_groups as g', 'g.id', 'm.group_id')
    .leftJoin('votes as v', (j) => j.onRef('v.evaluation_id', '=', 'm.evaluation_id').onRef('v.user_id', '=', 'm.user_id'))
    .select(['u.id as user_id', 'u.name', 'u.email', 'm.role', 'm.group_id', 'g.name as group_name', 'v.method', 'v.updated_at as voted_at', 'v.consistency_ratio'])
    .where('m.evaluation_id', '=', evaluationId)
    .where('m.removed_at', 'is', null)
    .where('m.role', 'in', ['facilitator', 'stakeholder'])
    .orderBy('g.position').orderBy('u.name')
    .execute();
  const invites = await db.selectFrom('invites').select(['id', 'user_id', 'expires_at', 'revoked_at', 'last_used_at']).where('evaluation_id', '=', evaluationId).where('revoked_at', 'is', null).execute();
  const live = new Map(invites.filter((i) => i.expires_at > nowIso()).map((i) => [i.user_id, i]));
  return rows.map((r) => ({ ...r, invite: live.get(r.user_id) ?? null }));
}
