import type { Db } from '../../db/client.js';
import { clearLoginFailures, failuresSince, insertLoginFailures, pruneLoginFailures } from '../../db/queries/login-failures.js';
import { normaliseEmail } from '../../db/queries/users.js';
import { RetryLater } from '../errors.js';
import { m } from '../../views/messages/index.js';

/**
 * Sign-in limits (issue 15, promise 7), kept in the database so every process sees the same counts.
 * Per account: 10 failures in 15 minutes, then 429 until the oldest leaves the window; the key is
 * the e-mail as typed (normalised), so an unknown address is limited exactly like a real one and the
 * limit tells nothing about who has an account. Per client address: 100 failures in 15 minutes,
 * enough for an office behind one NAT, far too few for a password spray.
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 10;
export const ADDRESS_FAILURE_LIMIT = 100;

export interface ThrottleKeys { account: string; address: string | null }

export function throttleKeys(email: string, address: string | null): ThrottleKeys {
  return { account: `account:${normaliseEmail(email)}`, address: address ? `ip:${address}` : null };
}

const keysOf = (k: ThrottleKeys) => (k.address ? [k.account, k.address] : [k.account]);
const limitOf = (key: string) => (key.startsWith('account:') ? ACCOUNT_FAILURE_LIMIT : ADDRESS_FAILURE_LIMIT);

/** Throws 429 with Retry-After when either key has used up its failures; checked before the password is. */
export async function assertNotThrottled(db: Db, keys: ThrottleKeys, now = Date.now()): Promise<void> {
  await assertUnderLimits(db, keysOf(keys).map((key) => ({ key, limit: limitOf(key) })), now, m.errors.tooManySignIns);
}

/**
 * The sign-in limits' mechanism for any kind of attempt (password-reset requests use it too): 429
 * with Retry-After when a key already has `limit` rows in the window, until its oldest one leaves it.
 */
export async function assertUnderLimits(db: Db, limits: { key: string; limit: number }[], now = Date.now(), refusal: (minutes: number) => string = m.errors.tooManySignIns): Promise<void> {
  const since = new Date(now - LOGIN_WINDOW_MS).toISOString();
  const limitOfKey = new Map(limits.map((l) => [l.key, l.limit]));
  const over = (await failuresSince(db, [...limitOfKey.keys()], since)).filter((r) => r.count >= limitOfKey.get(r.key)!);
  if (over.length === 0) return;
  const freeAt = Math.max(...over.map((r) => Date.parse(r.oldest) + LOGIN_WINDOW_MS));
  const seconds = Math.max(1, Math.ceil((freeAt - now) / 1000));
  throw new RetryLater(refusal(Math.ceil(seconds / 60)), seconds);
}

/** Counts one attempt under each key (and drops rows older than every window). */
export async function recordAttempt(db: Db, keys: string[], now = Date.now()): Promise<void> {
  await insertLoginFailures(db, keys, new Date(now).toISOString());
  await pruneLoginFailures(db, new Date(now - LOGIN_WINDOW_MS).toISOString());
}

export async function recordLoginFailure(db: Db, keys: ThrottleKeys, now = Date.now()): Promise<void> {
  await recordAttempt(db, keysOf(keys), now);
}

/** A success forgives the account's failures (not the address's: one good password must not reopen a spray). */
export async function recordLoginSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  await clearLoginFailures(db, keys.account);
}
