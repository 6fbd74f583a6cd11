import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { ReportPage } from '../../views/pages/report.js';
import { Layout } from '../../views/layout.js';
import { html } from '../../views/render.js';
import { m } from '../../views/messages/index.js';
import { boardReport } from '../read-models/report.js';
import { openReportLink } from '../services/report-links.js';
import { sendReportPdf } from './report-render.js';

/** A dead link says why: gone (410) when it expired or was revoked, 404 when it never was. */
function deadLink(c: Context<AppEnv>, state: 'expired' | 'revoked' | 'unknown' | 'live') {
  const why = state === 'live' ? 'unknown' : state;
  const page = <Layout title={m.report.goneTitle} user={null}><section class="card narrow"><h1>{m.report.goneTitle}</h1><p>{m.report.gone[why]}</p></section></Layout>;
  return html(c, page, why === 'unknown' ? 404 : 410);
}

async function open(c: Context<AppEnv>, format: 'html' | 'pdf') {
  const token = c.req.param('token') ?? '';
  const opened = await openReportLink(c.get('db'), token, format);
  if (!opened.ok) return deadLink(c, opened.state);
  const report = await boardReport(c.get('db'), opened.actor);
  // The token is the credential: never sent on to another site, never cached by a proxy.
  c.header('cache-control', 'private, no-store');
  c.header('referrer-policy', 'no-referrer');
  if (format === 'pdf') return sendReportPdf(c, report);
  return html(c, <ReportPage report={report} pdfHref={`/r/${encodeURIComponent(token)}/report.pdf`} viaLink />);
}

/** /r/:token — the board report for someone without an account, through a read-only link (each opening audited). */
export const reportLinkPages = new Hono<AppEnv>()
  .get('/:token/report.pdf', (c) => open(c, 'pdf'))
  .get('/:token', (c) => open(c, 'html'));
