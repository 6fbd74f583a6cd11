import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt is in Node itself: no native add-on to build, and it is memory-hard like argon2id.

/**
 * log2 of scrypt's cost N: 15 (a hash takes about 150 ms here), and 10 only inside the test runner
 * (vitest sets VITEST=true and NODE_ENV=test), where the suites sign up hundreds of people. Both
 * must hold, so a stray VITEST or NODE_ENV in production keeps the full cost. The stored hash names
 * its own N, so verification never depends on this.
 */
export function scryptLog2N(env: Record<string, string | undefined>): number {
  return env.VITEST === 'true' && env.NODE_ENV === 'test' ? 10 : 15;
}
const LOG2_N = scryptLog2N(process.env);
const PARAMS = { N: 2 ** LOG2_N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

/** What one scrypt run cost: its parameters (the time of a run is set by N × r × p, not by the password). */
export interface ScryptRun { N: number; r: number; p: number }
const scryptListeners = new Set<(run: ScryptRun) => void>();

/**
 * Tells `listener` the parameters of every scrypt run as it starts: the seam through which a test
 * proves that an unknown e-mail and a wrong password do the same work (one run at the same cost)
 * without timing anything. Returns the function that stops listening.
 */
export function observeScrypt(listener: (run: ScryptRun) => void): () => void {
  scryptListeners.add(listener);
  return () => scryptListeners.delete(listener);
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  for (const listener of scryptListeners) listener({ N: options.N ?? 0, r: options.r ?? 0, p: options.p ?? 0 });
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url), self-describing so parameters can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time check of a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A stored-hash string at today's cost that no password matches (its key is random bytes): checking
 * a password against it costs one scrypt run exactly like a real account's, and making it costs
 * nothing, so even the first unknown e-mail after start-up answers in the time of a wrong password.
 */
export function unmatchableHash(): string {
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, randomBytes(16).toString('base64url'), randomBytes(KEY_LENGTH).toString('base64url')].join('$');
}

/**
 * Whether a stored hash was made at another cost than today's (an account from before the cost rose):
 * checking it takes another time than the unmatchable hash does, so sign-in replaces it on success.
 */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) !== PARAMS.N || Number(r) !== PARAMS.r || Number(p) !== PARAMS.p;
}
