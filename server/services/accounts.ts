import type { Db } from '../../db/client.js';
import { addToTeam, findUserByEmail, insertTeam, insertUser, normaliseEmail } from '../../db/queries/users.js';
import { deleteSession, insertApiToken, insertSession, revokeApiToken as revokeToken } from '../../db/queries/sessions.js';
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
    const teamId = await insertTeam(trx, input.teamName.trim(), at);
    const user = await insertUser(trx, { email, name: input.name.trim(), passwordHash, at });
    await addToTeam(trx, teamId, user.id, at);
    await recordAudit(trx, { teamId, evaluationId: null, actorId: user.id, action: 'signup', entity: 'user', entityId: user.id, after: { email, name: input.name.trim(), team: input.teamName.trim() } });
    return { userId: user.id, teamId };
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
  const id = await insertApiToken(db, { userId, tokenHash: hashSecret(token), label, at: nowIso() });
  return { id, token };
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  return revokeToken(db, userId, tokenId, nowIso());
}

export const SESSION_DAYS = 30;

/** Starts a browser session; returns the cookie value (the database keeps its hash). */
export async function createSession(db: Db, userId: number): Promise<string> {
  const secret = newSecret('cxs');
  await insertSession(db, { userId, tokenHash: hashSecret(secret), at: nowIso(), expiresAt: daysFromNow(SESSION_DAYS) });
  return secret;
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await deleteSession(db, tokenHash);
}
