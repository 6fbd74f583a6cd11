import type { Env } from '../env.js';

/** What the mailer needs from the environment; `enabled` is false without SMTP_URL (links are shown instead). */
export interface MailSettings { enabled: boolean; smtpUrl: string | null; from: string; appUrl: string }

export function mailSettings(env: Env): MailSettings {
  return {
    enabled: Boolean(env.SMTP_URL),
    smtpUrl: env.SMTP_URL ?? null,
    from: env.MAIL_FROM,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
  };
}

/** An absolute link for a mail; a page that shows the link to copy passes the request's own origin. */
export const absolute = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;
