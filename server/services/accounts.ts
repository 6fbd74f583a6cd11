import type { Db } from '../../db/client.js';
import { findUserByEmail, normaliseEmail } from '../../db/queries/users.js';
import { recordAudit } from '../../db/queries/audit.js';
import { conflict } from '../errors.js';
import { hashPassword, verifyPassword } from '../security/passwords.js';
import { hashSecret, newSecret } from '../security/tokens.js';
import { daysFromNow, nowIso } from '../time.js';

export interface SignupInput { email: string; password: string; name: string; teamName: string }

/** Creates a user and their team together; 409 when the email is taken. */
export async function signup(db: Db, input: SignupInput): Promise<{ userId: number; teamId: number }> {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) throw conflict('email_taken', 'An account with this email already exists.');
    const at = nowIso();
    const team = await trx.insertInto('teams').values({ name: input.teamName.trim(), created_at: at }).returning('id').executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('users')
      .values({ email, name: input.name.trim(), password_hash: passwordHash, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('team_members').values({ team_id: team.id, user_id: user.id, created_at: at }).execute();
    await recordAudit(trx, { teamId: team.id, evaluationId: null, actorId: user.id, action: 'signup', entity: 'user', entityId: user.id, after: { email, name: input.name.trim(), team: input.teamName.trim() } });
    return { userId: user.id, teamId: team.id };
  });
}

/** The user id for valid credentials, or null; the same answer whether the email or the password is wrong. */
export async function authenticate(db: Db, email: string, password: string): Promise<number | null> {
  const user = await findUserByEmail(db, email);
  if (!user?.password_hash) return null;
  return (await verifyPassword(password, user.password_hash)) ? user.id : null;
}

/** Issues an API token; the plain token is returned once and only its hash is kept. */
export async function createApiToken(db: Db, userId: number, label: string): Promise<{ id: number; token: string }> {
  const token = newSecret('cxb');
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, token_hash: hashSecret(token), label, created_at: nowIso(), last_used_at: null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function listApiTokens(db: Db, userId: number) {
  return db.selectFrom('api_tokens').select(['id', 'label', 'created_at', 'revoked_at']).where('user_id', '=', userId).orderBy('id', 'desc').execute();
}

export const SESSION_DAYS = 30;

/** Starts a browser session; returns the cookie value (the database keeps its hash). */
export async function createSession(db: Db, userId: number): Promise<string> {
  const secret = newSecret('cxs');
  await db.insertInto('sessions').values({ user_id: userId, token_hash: hashSecret(secret), created_at: nowIso(), expires_at: daysFromNow(SESSION_DAYS) }).execute();
  return secret;
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}
