import type { Db } from '../../db/client.js';
import { findUserByEmail, normaliseEmail, setPasswordHash, teamIdOrNull } from '../../db/queries/users.js';
import { deleteSessionsOf, revokeApiTokensOf } from '../../db/queries/sessions.js';
import { claimPasswordReset, insertPasswordReset, passwordResetByTokenHash, revokeOpenPasswordResets } from '../../db/queries/password-resets.js';
import { clearLoginFailures } from '../../db/queries/login-failures.js';
import { recordAudit } from '../../db/queries/audit.js';
import { enqueueMail } from '../mail/outbox.js';
import { absolute, type MailSettings } from '../mail/settings.js';
import { passwordResetMail } from '../../views/mail/password-reset.js';
import { AppError } from '../errors.js';
import { ADDRESS_FAILURE_LIMIT, assertUnderLimits, recordAttempt, throttleKeys } from '../security/login-throttle.js';
import { hashPassword } from '../security/passwords.js';
import { hashSecret, newSecret } from '../security/tokens.js';
import { nowIso } from '../time.js';
import { m } from '../../views/messages/index.js';

/** How long a mailed link works: long enough to find the mail, short enough that an old inbox is no key. */
export const RESET_MINUTES = 30;
/** Requests per e-mail address (as typed) in the sign-in window: a reset mail cannot be used to flood a mailbox. */
export const RESET_REQUESTS_PER_ACCOUNT = 3;
/** Requests per client address in the same window: one office may forget several passwords, a script may not. */
export const RESET_REQUESTS_PER_ADDRESS = 20;
/** The outbox kind; SECRET_MAIL_KINDS (mail/outbox.ts) names it, so its body is blanked once sent. */
export const MAIL_KIND = 'password-reset';
export const resetPath = (token: string) => `/password-reset/${token}`;

/**
 * When this server sends no e-mail there is no way to prove the mailbox, so no reset: 404, as for
 * /metrics without its token, since the feature is absent here rather than broken (never a 5xx).
 */
export const resetUnavailable = () => new AppError(404, 'password_reset_unavailable', m.errors.resetUnavailable);

const requestKeys = (email: string, address: string | null) => [
  { key: `reset:${normaliseEmail(email)}`, limit: RESET_REQUESTS_PER_ACCOUNT },
  ...(address ? [{ key: `reset-ip:${address}`, limit: RESET_REQUESTS_PER_ADDRESS }] : []),
];

/**
 * Mails a single-use link to set a new password, when the address has an account. The caller answers
 * the same whatever happened, so neither the answer nor its status tells whether the address has an
 * account; the limits are keyed on the address as typed, so a 429 tells nothing either. A new link
 * retires the person's older ones. Link, audit entry and mail are one transaction; the mail's ids are
 * returned for the caller to send without waiting (waiting would time the SMTP server, and so tell).
 */
export async function requestPasswordReset(db: Db, s: MailSettings, email: string, address: string | null): Promise<{ mailIds: number[] }> {
  if (!s.enabled) throw resetUnavailable();
  const keys = requestKeys(email, address);
  await assertUnderLimits(db, keys, Date.now(), m.errors.tooManyResetRequests);
  await recordAttempt(db, keys.map((k) => k.key));
  const user = await findUserByEmail(db, email);
  if (!user) return { mailIds: [] };
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const { token, expiresAt } = await issueLink(trx, user.id, at, 'mail');
    const body = passwordResetMail({ link: absolute(s.appUrl, resetPath(token)), expiresAt });
    return { mailIds: await enqueueMail(trx, s, [{ ...body, to: user.email, kind: MAIL_KIND, evaluationId: null }], at) };
  });
}

/**
 * A reset link made by whoever runs the server (`npm run reset-link -- <email>`), for a server that
 * sends no e-mail: they hand it to the person, who sets the password themselves. Null for an
 * unknown address. The same single-use, expiring link as a mailed one, and audited the same way.
 */
export async function operatorResetLink(db: Db, email: string, appUrl: string): Promise<{ link: string; expiresAt: string } | null> {
  const user = await findUserByEmail(db, email);
  if (!user) return null;
  return db.transaction().execute(async (trx) => {
    const { token, expiresAt } = await issueLink(trx, user.id, nowIso(), 'operator');
    return { link: absolute(appUrl, resetPath(token)), expiresAt };
  });
}

/** A new link for the person, retiring their older ones, with its audit entry; the plain token is returned once. */
async function issueLink(trx: Db, userId: number, at: string, via: 'mail' | 'operator'): Promise<{ token: string; expiresAt: string }> {
  await revokeOpenPasswordResets(trx, userId, at);
  const token = newSecret('cxp');
  const expiresAt = new Date(Date.parse(at) + RESET_MINUTES * 60_000).toISOString();
  const resetId = await insertPasswordReset(trx, { userId, tokenHash: hashSecret(token), at, expiresAt });
  await auditOfUser(trx, userId, 'password_reset_request', { resetId, expiresAt, via });
  return { token, expiresAt };
}

export type ResetLinkState = 'open' | 'used' | 'expired' | 'revoked' | 'unknown';

const stateOf = (r: { used_at: string | null; revoked_at: string | null; expires_at: string } | undefined, at: string): ResetLinkState =>
  !r ? 'unknown' : r.used_at ? 'used' : r.revoked_at ? 'revoked' : r.expires_at <= at ? 'expired' : 'open';

/** What a reset link is now, and whose it is when it is open. */
export async function resetLinkState(db: Db, token: string): Promise<{ state: ResetLinkState; email: string | null }> {
  const r = await passwordResetByTokenHash(db, hashSecret(token));
  const state = stateOf(r, nowIso());
  return { state, email: state === 'open' ? r!.email : null };
}

export type ResetOutcome = { ok: true; userId: number } | { ok: false; state: Exclude<ResetLinkState, 'open'> };

/**
 * Uses a reset link: sets the new password, ends every session, revokes every API token and every
 * other open link of the person, forgives the account's failed sign-ins (its owner just proved the
 * mailbox), and writes the audit entry, in one transaction. The claim is a conditional update, so
 * of two racing submissions exactly one wins. A dead or unknown link counts as a failed sign-in from
 * the client's address, under the same per-address limit as sign-in.
 */
export async function resetPassword(db: Db, token: string, newPassword: string, address: string | null): Promise<ResetOutcome> {
  const addressKey = throttleKeys('', address).address;
  if (addressKey) await assertUnderLimits(db, [{ key: addressKey, limit: ADDRESS_FAILURE_LIMIT }], Date.now(), m.errors.tooManyFromNetwork);
  const passwordHash = await hashPassword(newPassword);
  const outcome = await db.transaction().execute(async (trx): Promise<ResetOutcome> => {
    const at = nowIso();
    const r = await passwordResetByTokenHash(trx, hashSecret(token));
    const state = stateOf(r, at);
    if (!r || state !== 'open' || !(await claimPasswordReset(trx, r.id, at))) return { ok: false, state: state === 'open' ? 'used' : state };
    await setPasswordHash(trx, r.user_id, passwordHash);
    const sessionsEnded = await deleteSessionsOf(trx, r.user_id);
    const tokensRevoked = await revokeApiTokensOf(trx, r.user_id, at);
    await revokeOpenPasswordResets(trx, r.user_id, at);
    await clearLoginFailures(trx, throttleKeys(r.email, null).account);
    await auditOfUser(trx, r.user_id, 'password_reset', { resetId: r.id, sessionsEnded, tokensRevoked });
    return { ok: true, userId: r.user_id };
  });
  if (!outcome.ok && addressKey) await recordAttempt(db, [addressKey]);
  return outcome;
}

// The audit log is per team; someone without a team (a stakeholder's voting account) has no log to write to.
async function auditOfUser(trx: Db, userId: number, action: string, after: Record<string, unknown>): Promise<void> {
  const teamId = await teamIdOrNull(trx, userId);
  if (teamId !== null) await recordAudit(trx, { teamId, evaluationId: null, actorId: userId, action, entity: 'user', entityId: userId, after });
}
