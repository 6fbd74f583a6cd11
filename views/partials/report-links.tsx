import { m } from '../messages/index.js';
import { when } from '../format.js';
import { REPORT_LINK_DAYS, REPORT_LINK_MAX_DAYS } from '../../server/domain/rules/report-access.js';
import type { listReportLinks } from '../../server/services/report-links.js';

const r = m.report;
type Links = Awaited<ReturnType<typeof listReportLinks>>;

/** The facilitator's read-only links: make one (its URL shown once), see the others, revoke. Never printed. */
export function ReportLinks({ base, links, fresh, allowed, error }: { base: string; links: Links; fresh?: string | undefined; allowed: boolean; error?: string | undefined }) {
  return (
    <section class="card no-print" id="report-links">
      <h2>{r.links}</h2>
      <p class="muted">{r.linksIntro}</p>
      {fresh ? <div class="alert alert-ok" role="status"><p>{r.linkNew}</p><input class="copy-link" type="text" readonly value={fresh} aria-label={r.linkNew} /></div> : null}
      {error ? <div class="alert alert-error" role="alert">{error}</div> : null}
      {allowed ? (
        <form method="post" action={`${base}/report/links`} class="inline-form">
          <label for="f-expiresInDays">{r.linkDays}</label>{' '}
          <input id="f-expiresInDays" name="expiresInDays" type="number" min="1" max={String(REPORT_LINK_MAX_DAYS)} value={String(REPORT_LINK_DAYS)} required />{' '}
          <button type="submit" class="button">{r.linkCreate}</button>
        </form>
      ) : <p class="muted">{r.linksNotYet}</p>}
      {links.length === 0 ? <p class="muted">{r.linkNone}</p> : (
        <ul class="plain-list report-link-list">
          {links.map((l) => (
            <li>
              <span class={l.state === 'live' ? 'badge badge-ok' : 'badge'}>{r.linkState[l.state]}</span>{' '}
              <span>{r.linkMade(l.createdBy ?? '', when(l.createdAt))}, {r.linkExpires(when(l.expiresAt))}, {r.linkUses(l.uses)}</span>{' '}
              {l.state === 'live' ? (
                <form method="post" action={`${base}/report/links/${l.id}/revoke`} class="inline">
                  <button type="submit" class="link-button">{r.linkRevoke}</button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
