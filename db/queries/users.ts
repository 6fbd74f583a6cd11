import type { Db } from '../client.js';
import { precompiled } from '../precompiled.js';
import type { CurrentUser } from '../../server/context.js';

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

const currentUser = (row: { id: number; email: string; name: string; team_id: number | null } | undefined): CurrentUser | null =>
  row ? { id: row.id, email: row.email, name: row.name, teamId: row.team_id ?? null } : null;

const sessionUser = precompiled((db, tokenHash: string, now: string) => db
  .selectFrom('sessions')
  .innerJoin('users', 'users.id', 'sessions.user_id')
  .leftJoin('team_members', 'team_members.user_id', 'users.id')
  .select(['users.id', 'users.email', 'users.name', 'team_members.team_id'])
  .where('sessions.token_hash', '=', tokenHash)
  .where('sessions.expires_at', '>', now));

/** The user a session-cookie hash belongs to, if the session is still valid. */
export async function userBySessionHash(db: Db, tokenHash: string, now: string): Promise<CurrentUser | null> {
  return currentUser((await sessionUser(db, tokenHash, now))[0]);
}

const tokenUser = precompiled((db, tokenHash: string) => db
  .selectFrom('api_tokens')
  .innerJoin('users', 'users.id', 'api_tokens.user_id')
  .leftJoin('team_members', 'team_members.user_id', 'users.id')
  .select(['users.id', 'users.email', 'users.name', 'team_members.team_id'])
  .where('api_tokens.token_hash', '=', tokenHash)
  .where('api_tokens.revoked_at', 'is', null));

/** The user an API token hash belongs to, unless the token is revoked. */
export async function userByTokenHash(db: Db, tokenHash: string): Promise<CurrentUser | null> {
  return currentUser((await tokenUser(db, tokenHash))[0]);
}

export { normaliseEmail };
