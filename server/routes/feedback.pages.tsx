import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { Tab } from '../../views/layout.js';
import { FeedbackPage, type FeedbackFormState } from '../../views/pages/feedback.js';
import { html } from '../../views/render.js';
import { vendorCountOf, vendorIn, vendorsBefore, vendorsByName } from '../../db/queries/vendors.js';
import { parsePage } from './vendor-filter.js';
import { formFields, formValidator, numberOrBlank } from '../forms.js';
import { FeedbackSchema } from '../schemas/feedback.js';
import { giveFeedback } from '../services/feedback.js';
import { feedbackSummary, myFeedback } from '../read-models/feedback.js';
import { can } from '../domain/permissions.js';
import { parseId } from '../ids.js';
import { notFound } from '../errors.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';


// The tab bar has no "feedback" entry yet; once m.tabs has one, this becomes 'feedback'.
const TAB: Tab = 'feedback';

const canGive = (p: Page) => can(p.role, 'feedback') && p.evaluation.status !== 'decided';

/** Form strings → the schema's input: a blank select is "no answer", anything unparsable stays a string so zod names it. */
const formInput = (fields: Record<string, string>) => ({
  vendorId: fields.vendorId ?? '',
  nps: numberOrBlank(fields.nps),
  csat: numberOrBlank(fields.csat),
  ces: numberOrBlank(fields.ces),
  comment: fields.comment ?? '',
});

/** Vendors a page: a landscape-sized longlist must not become 14,000 forms. */
const PAGE_SIZE = 50;

/** The page (1-based) that holds a vendor, in the page's order: by name_key, then id. */
async function pageOf(p: Page, vendorId: number): Promise<number> {
  const before = await vendorsBefore(p.db, p.evaluation.id, vendorId);
  return before === undefined ? 1 : Math.floor(before / PAGE_SIZE) + 1;
}

async function render(c: Context, p: Page, requested: number, form?: FeedbackFormState) {
  const [count, summary, mine] = await Promise.all([
    vendorCountOf(p.db, p.evaluation.id),
    feedbackSummary(p.db, p.evaluation.id),
    myFeedback(p.db, p.evaluation.id, p.userId),
  ]);
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const page = Math.min(requested, pages);
  const vendors = await vendorsByName(p.db, p.evaluation.id, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const answered = Object.values(summary).filter((s) => s.responses > 0).length;
  const view = <FeedbackPage user={p.user} nav={p.nav} evaluation={p.evaluation} vendors={vendors} pager={{ page, pages, count, pageSize: PAGE_SIZE }} answered={answered}
    summary={summary} mine={mine} canGive={canGive(p)} form={form} />;
  return html(c, view, form ? 422 : 200);
}

/** The vendor a feedback form is for. Each form belongs to one vendor; one not in this evaluation has nowhere to show its errors. */
async function formVendor(p: Page, fields: Record<string, string>): Promise<number> {
  const vendorId = parseId(fields.vendorId);
  if (vendorId === null || !(await vendorIn(p.db, p.evaluation.id, vendorId))) throw notFound('vendor');
  return vendorId;
}

// The page that holds the vendor's form, with the form's messages.
const feedbackForm = formValidator(FeedbackSchema, async (c: Context<PageEnv>, errors, values) => {
  const p = c.var.page;
  const vendorId = await formVendor(p, values);
  return render(c, p, await pageOf(p, vendorId), { vendorId, values, errors });
}, formInput);

/** The demo-feedback page: every vendor's NPS, CSAT and CES, and a small form per vendor for the caller's own answer (PRG). */
export const feedbackPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const p = await evaluationPage(c, TAB);
    return render(c, p, parsePage(c.req.query('page')));
  })
  .post('/', pageAccess(TAB, 'feedback'), feedbackForm, async (c) => {
    const p = c.var.page;
    const vendorId = await formVendor(p, await formFields(c));
    await giveFeedback(p.db, p, c.req.valid('form'));
    // Back to the page that holds the vendor's form, at that form.
    const page = await pageOf(p, vendorId);
    return c.redirect(`/evaluations/${p.evaluation.id}/feedback${page > 1 ? `?page=${page}` : ''}#feedback-${vendorId}`, 303);
  });
