import type { Db } from '../../db/client.js';
import { addToTeam, findUserByEmail, findUserById, insertTeam, insertUser, normaliseEmail, setPasswordHash, teamIdOrNull } from '../../db/queries/users.js';
import { deleteSession, deleteSessionsOf, insertApiToken, insertSession, revokeApiToken as revokeToken, revokeApiTokensOf } from '../../db/queries/sessions.js';
import { recordAudit } from '../../db/queries/audit.js';
import { AppError, conflict, unauthorized } from '../errors.js';
import { assertNotThrottled, recordLoginFailure, recordLoginSuccess, throttleKeys } from '../security/login-throttle.js';
import { hashPassword, needsRehash, unmatchableHash, verifyPassword } from '../security/passwords.js';
import { hashSecret, newSecret } from '../security/tokens.js';
import { daysFromNow, nowIso } from '../time.js';
import { m } from '../../views/messages/index.js';

export interface SignupInput { email: string; password: string; name: string; teamName: string }

/** Creates a user and their team together; 409 when the email is taken. */
export async function signup(db: Db, input: SignupInput): Promise<{ userId: number; teamId: number }> {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) throw conflict('email_taken', m.errors.emailTaken);
    const at = nowIso();
    const teamId = await insertTeam(trx, input.teamName.trim(), at);
    const user = await insertUser(trx, { email, name: input.name.trim(), passwordHash, at });
    await addToTeam(trx, teamId, user.id, at);
    await recordAudit(trx, { teamId, evaluationId: null, actorId: user.id, action: 'signup', entity: 'user', entityId: user.id, after: { email, name: input.name.trim(), team: input.teamName.trim() } });
    return { userId: user.id, teamId };
  });
}

// An unknown e-mail is checked against this so it costs one scrypt at today's cost, like a known one.
// It used to be hashed lazily, so the first unknown e-mail after start-up cost two runs (a hash and
// a check); an unmatchable hash costs nothing to make.
const DUMMY_HASH = unmatchableHash();

/**
 * The user id for valid credentials, or null; the same answer, and the same work (one scrypt),
 * whether the email or the password is wrong, so neither the message nor the time tells them apart.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<number | null> {
  const user = await findUserByEmail(db, email);
  if (!user?.password_hash) {
    await verifyPassword(password, DUMMY_HASH);
    return null;
  }
  if (!(await verifyPassword(password, user.password_hash))) return null;
  // Brings an older cost to today's, so this account's wrong passwords take as long as unknown e-mails.
  if (needsRehash(user.password_hash)) await setPasswordHash(db, user.id, await hashPassword(password));
  return user.id;
}

/**
 * `authenticate` behind the sign-in limits: 429 (RetryLater) before any password is checked when
 * the account or the client address has too many recent failures; a failure is counted, a success
 * clears the account's count.
 */
export async function signIn(db: Db, email: string, password: string, address: string | null): Promise<number | null> {
  const keys = throttleKeys(email, address);
  await assertNotThrottled(db, keys);
  const userId = await authenticate(db, email, password);
  await (userId === null ? recordLoginFailure(db, keys) : recordLoginSuccess(db, keys));
  return userId;
}

/**
 * Sets a new password after checking the current one (under the same limits as sign-in), then ends
 * every session and revokes every API token of the user in the same transaction: whoever had
 * stolen one is out. The caller starts a fresh session or token for the person who changed it.
 */
export async function changePassword(db: Db, userId: number, input: { currentPassword: string; newPassword: string }, address: string | null): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw unauthorized();
  const keys = throttleKeys(user.email, address);
  await assertNotThrottled(db, keys);
  if (!user.password_hash || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    await recordLoginFailure(db, keys);
    throw new AppError(400, 'wrong_password', m.errors.wrongPassword, { currentPassword: m.errors.wrongPassword });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, userId, passwordHash);
    const at = nowIso();
    const sessions = await deleteSessionsOf(trx, userId);
    const tokens = await revokeApiTokensOf(trx, userId, at);
    const teamId = await teamIdOrNull(trx, userId);
    // The audit log is per team; someone without a team has no log to write to.
    if (teamId !== null) await recordAudit(trx, { teamId, evaluationId: null, actorId: userId, action: 'password_change', entity: 'user', entityId: userId, after: { sessionsEnded: sessions, tokensRevoked: tokens } });
  });
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
