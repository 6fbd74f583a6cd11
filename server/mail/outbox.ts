import type { Db } from '../../db/client.js';
import { claimMail, insertMails, markMailFailed, markMailSent, mailsByIds, pendingMailIds, redactMailBodies, type NewMail } from '../../db/queries/mail-outbox.js';
import type { MailBody } from '../../views/mail/messages.js';
import { transportFor } from './transport.js';
import type { MailSettings } from './settings.js';

/** A claim older than this is taken to belong to a process that died mid-send. */
const CLAIM_STALE_MS = 120_000;
/** How long a request waits for its own messages after the commit before answering (ADR 020). */
export const REQUEST_MAIL_WAIT_MS = 3_000;

/**
 * Kinds whose body carries a secret that signs someone in (a password-reset link): the body is
 * blanked once sent, so the outbox does not keep what the link table stores only as a hash.
 */
export const SECRET_MAIL_KINDS: ReadonlySet<string> = new Set(['password-reset']);

export interface Outgoing extends MailBody { to: string; kind: string; evaluationId: number | null }

/** Writes messages into the outbox inside the caller's transaction, so they exist only if the write commits. */
export async function enqueueMail(trx: Db, s: MailSettings, mails: Outgoing[], at: string): Promise<number[]> {
  if (!s.enabled) return [];
  const rows: NewMail[] = mails.map((m) => ({ evaluation_id: m.evaluationId, kind: m.kind, to_address: m.to, subject: m.subject, text_body: m.text, html_body: m.html, created_at: at }));
  return insertMails(trx, rows);
}

/** Sends pending messages (only `ids` when given), each claimed first; a failure is recorded on the row, never thrown. */
export async function deliverPending(db: Db, s: MailSettings, now: () => Date = () => new Date(), ids?: number[]): Promise<{ sent: number; failed: number }> {
  if (!s.enabled) return { sent: 0, failed: 0 };
  const staleBefore = () => new Date(now().getTime() - CLAIM_STALE_MS).toISOString();
  let sent = 0; let failed = 0;
  for (const id of await pendingMailIds(db, staleBefore(), 200, ids)) {
    const mail = await claimMail(db, id, now().toISOString(), staleBefore());
    if (!mail) continue;
    try {
      await (await transportFor(s)).sendMail({ from: s.from, to: mail.to_address, subject: mail.subject, text: mail.text_body, html: mail.html_body });
      await markMailSent(db, id, now().toISOString());
      if (SECRET_MAIL_KINDS.has(mail.kind)) await redactMailBodies(db, id);
      sent += 1;
    } catch (e) {
      await markMailFailed(db, id, now().toISOString(), e instanceof Error ? e.message : String(e));
      failed += 1;
    }
  }
  return { sent, failed };
}

/**
 * After the commit: tries to send `ids` for at most `ms`, then answers whether every one went out.
 * Whatever is still on its way finishes (or fails, recorded) in the background; the scheduler
 * retries the rest. Never throws: the write has committed and must not turn into a 500.
 */
export async function deliverWithin(db: Db, s: MailSettings, ids: number[], ms = REQUEST_MAIL_WAIT_MS): Promise<boolean> {
  if (!s.enabled || ids.length === 0) return false;
  const sending = deliverPending(db, s, undefined, ids).catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const bounded = new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); timer.unref(); });
  await Promise.race([sending, bounded]);
  clearTimeout(timer);
  try {
    const rows = await mailsByIds(db, ids);
    return rows.length === ids.length && rows.every((r) => r.sent_at !== null);
  } catch {
    return false;
  }
}

/**
 * Starts sending `ids` after the commit without waiting for them: for an answer whose time must not
 * depend on whether a message was queued (a password-reset request tells nobody whether the address
 * has an account). A failure is recorded on the row; the scheduler retries it.
 */
export function deliverSoon(db: Db, s: MailSettings, ids: number[]): void {
  if (s.enabled && ids.length > 0) void deliverPending(db, s, undefined, ids).catch(() => undefined);
}
