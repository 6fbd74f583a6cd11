import type { Transporter } from 'nodemailer';
import type { MailSettings } from './settings.js';

/**
 * Every SMTP wait is bounded, so a slow or silent server costs a sender at most these times; the
 * request that caused a message waits even less (outbox.ts deliverWithin).
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 } as const;

const transports = new Map<string, Transporter>();

/**
 * One nodemailer transport per SMTP_URL, made on first use. nodemailer itself (15 MB resident) is
 * loaded then too: a process without SMTP never needs it.
 */
export async function transportFor(s: MailSettings): Promise<Transporter> {
  if (!s.smtpUrl) throw new Error('E-mail is off (SMTP_URL is not set).');
  let t = transports.get(s.smtpUrl);
  if (!t) {
    const { default: nodemailer } = await import('nodemailer');
    // Another send may have made it while this one waited for the import.
    t = transports.get(s.smtpUrl);
    if (t) return t;
    const url = new URL(s.smtpUrl);
    t = nodemailer.createTransport({
      host: url.hostname, port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)), secure: url.protocol === 'smtps:',
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      // A local relay without a certificate still works; STARTTLS is used when offered.
      tls: { rejectUnauthorized: false },
      ...SMTP_TIMEOUTS,
    });
    transports.set(s.smtpUrl, t);
  }
  return t;
}

/** Closes every transport (tests and shutdown). */
export function closeTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
