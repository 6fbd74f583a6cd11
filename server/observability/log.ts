import { pino, type DestinationStream, type Logger } from 'pino';
import type { Env } from '../env.js';

export type { Logger };

/**
 * Fields that may carry a secret, wherever they appear in a logged object: pino replaces their
 * values before the line is written, so a careless `log.info({ body })` cannot leak a password.
 * The request log itself writes only the method, the route pattern (never the raw path, which can
 * hold an invitation token), the status and the time.
 */
export const REDACTED_FIELDS = [
  'password', 'newPassword', 'currentPassword', 'token', 'secret', 'authorization', 'cookie', 'set-cookie', 'smtpUrl', 'SMTP_URL',
].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/**
 * The app's structured logger: JSON lines on stdout (pino), one per request with its id.
 * LOG_LEVEL chooses how much; tests are silent unless they pass their own destination.
 */
export function createLogger(env: Pick<Env, 'NODE_ENV' | 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' && !destination ? 'silent' : 'info');
  const options = { level, base: { app: 'cxbench' }, redact: { paths: REDACTED_FIELDS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
