import type { Db } from '../client.js';

// Browser sessions and API tokens: only hashes of the secrets are stored.

export async function insertSession(db: Db, s: { userId: number; tokenHash: string; at: string; expiresAt: string }): Promise<void> {
  await db.insertInto('sessions').values({ user_id: s.userId, token_hash: s.tokenHash, created_at: s.at, expires_at: s.expiresAt }).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function insertApiToken(db: Db, t: { userId: number; tokenHash: string; label: string; at: string }): Promise<number> {
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: t.userId, token_hash: t.tokenHash, label: t.label, created_at: t.at, last_used_at: null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes one of the user's live tokens; false when there was none such. */
export async function revokeApiToken(db: Db, userId: number, tokenId: number, at: string): Promise<boolean> {
  const res = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', tokenId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A user's tokens, newest first (without their hashes). */
export async function apiTokensOf(db: Db, userId: number) {
  return db.selectFrom('api_tokens').select(['id', 'label', 'created_at', 'revoked_at']).where('user_id', '=', userId).orderBy('id', 'desc').execute();
}

/** Ends every browser session of a user (password change or reset). */
export async function deleteSessionsOf(db: Db, userId: number): Promise<number> {
  const res = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Revokes every live API token of a user (password change or reset). */
export async function revokeApiTokensOf(db: Db, userId: number, at: string): Promise<number> {
  const res = await db.updateTable('api_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
