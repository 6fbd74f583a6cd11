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

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
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
