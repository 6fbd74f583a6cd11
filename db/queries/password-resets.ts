import type { Db } from '../client.js';

// Password-reset links (migration 017): only the hashes of their tokens are stored.

export async function insertPasswordReset(db: Db, row: { userId: number; tokenHash: string; at: string; expiresAt: string }): Promise<number> {
  const r = await db.insertInto('password_resets')
    .values({ user_id: row.userId, token_hash: row.tokenHash, created_at: row.at, expires_at: row.expiresAt, used_at: null, revoked_at: null })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The link with this token hash and the e-mail of its person, if any. */
export async function passwordResetByTokenHash(db: Db, tokenHash: string) {
  return db.selectFrom('password_resets as r').innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'r.expires_at', 'r.used_at', 'r.revoked_at', 'u.email'])
    .where('r.token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Marks the link used only if it is still open and live: the conditional update is what makes it
 * single-use when two requests race. True when this call won.
 */
export async function claimPasswordReset(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('password_resets').set({ used_at: at }).where('id', '=', id)
    .where('used_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', at).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Retires a person's open links (a newer one replaces them; a new password ends them all). */
export async function revokeOpenPasswordResets(db: Db, userId: number, at: string): Promise<number> {
  const r = await db.updateTable('password_resets').set({ revoked_at: at }).where('user_id', '=', userId)
    .where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
