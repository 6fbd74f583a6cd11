import type { Db } from '../client.js';
import { precompiled } from '../precompiled.js';
import type { CurrentUser } from '../../server/context.js';

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

const currentUser = (row: { id: number; email: string; name: string; team_id: number | null } | undefined): CurrentUser | null =>
  row ? { id: row.id, email: row.email, name: row.name, teamId: row.team_id ?? null } : null;

/**
 * The user behind a credential row (a session or an API token) found by its `token_hash`, with their
 * team; each caller adds what keeps its kind of credential valid. Both tables name the columns
 * alike, so one builder makes both statements (the SQL is the same as written out twice).
 */
const credentialUser = (db: Db, table: 'sessions' | 'api_tokens', tokenHash: string) => db
  .selectFrom(table)
  .innerJoin('users', 'users.id', `${table}.user_id` as 'sessions.user_id' | 'api_tokens.user_id')
  .leftJoin('team_members', 'team_members.user_id', 'users.id')
  .select(['users.id', 'users.email', 'users.name', 'team_members.team_id'])
  .where(`${table}.token_hash` as 'sessions.token_hash' | 'api_tokens.token_hash', '=', tokenHash);

const sessionUser = precompiled((db, tokenHash: string, now: string) => credentialUser(db, 'sessions', tokenHash)
  .where('sessions.expires_at', '>', now));

/** The user a session-cookie hash belongs to, if the session is still valid. */
export async function userBySessionHash(db: Db, tokenHash: string, now: string): Promise<CurrentUser | null> {
  return currentUser((await sessionUser(db, tokenHash, now))[0]);
}

const tokenUser = precompiled((db, tokenHash: string) => credentialUser(db, 'api_tokens', tokenHash)
  .where('api_tokens.revoked_at', 'is', null));

/** The user an API token hash belongs to, unless the token is revoked. */
export async function userByTokenHash(db: Db, tokenHash: string): Promise<CurrentUser | null> {
  return currentUser((await tokenUser(db, tokenHash))[0]);
}

export { normaliseEmail };

/** Adds a user (without a password for an invited stakeholder); returns the new row. */
export async function insertUser(db: Db, u: { email: string; name: string; passwordHash: string | null; at: string }) {
  return db.insertInto('users').values({ email: u.email, name: u.name, password_hash: u.passwordHash, created_at: u.at }).returningAll().executeTakeFirstOrThrow();
}

export async function insertTeam(db: Db, name: string, at: string): Promise<number> {
  return (await db.insertInto('teams').values({ name, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function addToTeam(db: Db, teamId: number, userId: number, at: string): Promise<void> {
  await db.insertInto('team_members').values({ team_id: teamId, user_id: userId, created_at: at }).execute();
}

/** The team a user belongs to. */
export async function teamIdOf(db: Db, userId: number): Promise<number> {
  return (await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).executeTakeFirstOrThrow()).team_id;
}

/** Whether the database has any user yet. */
export async function anyUserExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function findUserById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** The team a user belongs to, or null (a person who only ever joined by a link may have none). */
export async function teamIdOrNull(db: Db, userId: number): Promise<number | null> {
  return (await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).executeTakeFirst())?.team_id ?? null;
}

/** Remembers the language a person picked (issue 16), for mail sent while they are away. */
export async function setUserLocale(db: Db, userId: number, locale: string): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

/** The language a person picked, or null. */
export async function userLocale(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return row?.locale ?? null;
}
