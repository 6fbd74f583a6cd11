import type { Insertable } from 'kysely';
import type { Db } from '../client.js';
import type { MemberInvitationsTable } from '../schema.js';

export async function insertMemberInvitation(db: Db, row: Insertable<MemberInvitationsTable>): Promise<number> {
  return (await db.insertInto('member_invitations').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function memberInvitationByTokenHash(db: Db, tokenHash: string) {
  return db.selectFrom('member_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The open invitation of that e-mail in the evaluation (not accepted, not revoked), if any. */
export async function openInvitationFor(db: Db, evaluationId: number, email: string) {
  return db.selectFrom('member_invitations').selectAll().where('evaluation_id', '=', evaluationId).where('email', '=', email)
    .where('accepted_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
}

/** Retires a person's open invitations (a new one replaces them). */
export async function revokeOpenInvitations(db: Db, evaluationId: number, email: string, at: string): Promise<void> {
  await db.updateTable('member_invitations').set({ revoked_at: at }).where('evaluation_id', '=', evaluationId).where('email', '=', email)
    .where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();
}

/**
 * Marks the invitation accepted only if it is still open and live: the conditional update is what
 * makes the link single-use when two requests race. True when this call won.
 */
export async function claimInvitation(db: Db, id: number, userId: number, at: string): Promise<boolean> {
  const r = await db.updateTable('member_invitations').set({ accepted_at: at, accepted_by: userId }).where('id', '=', id)
    .where('accepted_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', at).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Invitations still waiting for their person, with the group's name: the pending rows of the member list. */
export async function pendingInvitationsOf(db: Db, evaluationId: number) {
  return db.selectFrom('member_invitations as i').leftJoin('stakeholder_groups as g', 'g.id', 'i.group_id')
    .select(['i.id', 'i.email', 'i.role', 'i.approver', 'i.created_at', 'i.expires_at', 'g.name as group_name'])
    .where('i.evaluation_id', '=', evaluationId).where('i.accepted_at', 'is', null).where('i.revoked_at', 'is', null)
    .orderBy('i.email').execute();
}

/** The team that owns an evaluation, for audit entries written by someone joining it. */
export async function teamOfEvaluation(db: Db, evaluationId: number): Promise<number> {
  return (await db.selectFrom('evaluations').select('team_id').where('id', '=', evaluationId).executeTakeFirstOrThrow()).team_id;
}

/**
 * Gives a password-less account (made for a stakeholder's voting link) the name and password chosen
 * on the join page; an account that has a password keeps it. True when it was set.
 */
export async function setPasswordIfNone(db: Db, userId: number, name: string, passwordHash: string): Promise<boolean> {
  const r = await db.updateTable('users').set({ name, password_hash: passwordHash }).where('id', '=', userId).where('password_hash', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function evaluationName(db: Db, evaluationId: number): Promise<string> {
  return (await db.selectFrom('evaluations').select('name').where('id', '=', evaluationId).executeTakeFirstOrThrow()).name;
}
