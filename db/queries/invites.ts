import type { Insertable } from 'kysely';
import type { Db } from '../client.js';
import type { InvitesTable } from '../schema.js';

export async function inviteIn(db: Db, evaluationId: number, inviteId: number) {
  return db.selectFrom('invites').selectAll().where('id', '=', inviteId).where('evaluation_id', '=', evaluationId).executeTakeFirst();
}

export async function inviteByTokenHash(db: Db, tokenHash: string) {
  return db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function insertInvite(db: Db, row: Insertable<InvitesTable>): Promise<number> {
  return (await db.insertInto('invites').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function revokeInvite(db: Db, inviteId: number, at: string): Promise<void> {
  await db.updateTable('invites').set({ revoked_at: at }).where('id', '=', inviteId).execute();
}

/** Revokes a person's live links to the evaluation (a new invitation, or their removal). */
export async function revokeInvitesOf(db: Db, evaluationId: number, userId: number, at: string): Promise<void> {
  await db.updateTable('invites').set({ revoked_at: at }).where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function markInviteUsed(db: Db, inviteId: number, at: string): Promise<void> {
  await db.updateTable('invites').set({ last_used_at: at }).where('id', '=', inviteId).execute();
}

/** Every invitation of the evaluation, revoked ones included, oldest first: what became of each person's last link. */
export async function allInvitesOf(db: Db, evaluationId: number) {
  return db.selectFrom('invites').select(['id', 'user_id', 'expires_at', 'revoked_at']).where('evaluation_id', '=', evaluationId).orderBy('id').execute();
}

/** The evaluation's invitations not revoked (expired ones included). */
export async function unrevokedInvitesOf(db: Db, evaluationId: number) {
  return db.selectFrom('invites').select(['id', 'user_id', 'expires_at', 'revoked_at', 'last_used_at']).where('evaluation_id', '=', evaluationId).where('revoked_at', 'is', null).execute();
}
