import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a session cookie, API token, report link (cxr) or password-reset link (cxp); only its hash is ever stored. */
export function newSecret(prefix: 'cxb' | 'cxs' | 'cxr' | 'cxp'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 is enough here: the secret has 256 random bits, so there is nothing to brute-force. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
