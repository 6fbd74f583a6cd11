import { m } from '../messages/index.js';

/** Read through `m` so the text is in the request's language (ADR 034). */
const t = m.invitations;

/** What the last "Add member" did for an e-mail without an account: sent, queued, or the link to copy (e-mail off). */
export type InvitationNotice = { email: string; emailed: boolean; link?: string };
export interface PendingRow { email: string; role: string; expiresAt: string }
export interface FailedMail { to_address: string; kind: string; last_error: string | null }

/** The invitation just made, the people invited who have not joined, and e-mails that did not go out. */
export function PanelInvitations({ notice, pending, failed }: { notice?: InvitationNotice | undefined; pending: PendingRow[]; failed: FailedMail[] }) {
  return (
    <div class="panel-invitations">
      {notice ? (
        <div class={notice.link ? 'alert alert-warning' : 'alert alert-success'} role="status">
          {notice.link ? (<>
            <p>{t.mailOff}</p>
            <p><input class="copy-link" readonly value={notice.link} aria-label={m.chrome.joinLinkFor(notice.email)} /></p>
          </>) : <p>{notice.emailed ? t.mailSent(notice.email) : t.mailQueued(notice.email)}</p>}
        </div>
      ) : null}
      {pending.length > 0 ? (
        <ul class="plain-list">
          {pending.map((r) => <li><span class="break-anywhere">{r.email}</span> — {r.role}, <span class="badge">{t.invitedUntil(r.expiresAt)}</span></li>)}
        </ul>
      ) : null}
      {failed.length > 0 ? (
        <div class="alert alert-error" role="alert">
          <p>{t.mailFailures}</p>
          <ul class="plain-list">{failed.map((f) => <li class="break-anywhere">{f.to_address} ({f.kind}): {f.last_error ?? '—'}</li>)}</ul>
        </div>
      ) : null}
    </div>
  );
}
