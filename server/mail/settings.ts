import type { Env } from '../env.js';
import { currentLocale } from '../i18n/current.js';
import { isLocale } from '../i18n/locales.js';

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

/**
 * A path that opens in the current language until its reader picks their own (issue 16): links sent
 * to people (invitations, vote links, reminders) carry the sender's language, or the recipient's.
 */
export const withLang = (path: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${currentLocale()}`;

/** Passes a link's `lang` on to where it leads (only one of ours), so the sender's language holds across the redirect. */
export const withLinkLang = (path: string, lang: string | undefined) => (isLocale(lang) ? `${path}?lang=${lang}` : path);
