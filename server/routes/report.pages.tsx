import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { ReportPage } from '../../views/pages/report.js';
import { ReportLinks } from '../../views/partials/report-links.js';
import { html } from '../../views/render.js';
import { boardReport } from '../read-models/report.js';
import { createReportLink, listReportLinks, revokeReportLinkOf } from '../services/report-links.js';
import { reportLinkRefusal } from '../domain/rules/report-access.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { formValidator } from '../forms.js';
import { ReportLinkFormSchema } from '../schemas/report-links.js';
import { parseId } from '../ids.js';
import { notFound } from '../errors.js';
import type { FieldErrors } from '../errors.js';

async function render(c: Context, p: Page, extra: { fresh?: string; error?: string } = {}, status: 200 | 422 = 200) {
  const base = `/evaluations/${p.evaluation.id}`;
  const report = await boardReport(p.db, p);
  // The links card is the facilitator's: others never learn that links exist.
  const controls = p.role === 'facilitator'
    ? <ReportLinks base={base} links={await listReportLinks(p.db, p)} fresh={extra.fresh} error={extra.error} allowed={reportLinkRefusal(p.role, p.evaluation.status) === null} />
    : undefined;
  return html(c, <ReportPage report={report} pdfHref={`${base}/shortlist.pdf`} backHref={base} controls={controls} />, status);
}

const renderInvalid = (c: Context<PageEnv>, errors: FieldErrors) => render(c, c.var.page, { error: Object.values(errors)[0] ?? '' }, 422);

/**
 * /evaluations/:id/report — the board report (ADR 025), and for the facilitator the read-only
 * links: make one (its address shown once, on the answer to the POST) and revoke.
 */
export const reportPages = new Hono<AppEnv>()
  .get('/', async (c) => render(c, await evaluationPage(c, 'overview')))
  .post('/links', pageAccess('overview'), formValidator(ReportLinkFormSchema, renderInvalid), async (c) => {
    const p = c.var.page;
    const link = await createReportLink(p.db, p, c.req.valid('form'));
    return render(c, p, { fresh: new URL(link.path, c.req.url).toString() });
  })
  .post('/links/:linkId/revoke', pageAccess('overview'), async (c) => {
    const p = c.var.page;
    const id = parseId(c.req.param('linkId'));
    if (id === null) throw notFound('link');
    await revokeReportLinkOf(p.db, p, id);
    return c.redirect(`/evaluations/${p.evaluation.id}/report#report-links`, 303);
  });
