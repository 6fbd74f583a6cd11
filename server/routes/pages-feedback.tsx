import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { Tab } from '../../views/layout.js';
import { FeedbackPage, type FeedbackFormState } from '../../views/pages/feedback.js';
import { html } from '../../views/render.js';
import { vendorIn, vendorsOf } from '../../db/queries/vendors.js';
import { checkForm, formFields, numberOrBlank } from '../forms.js';
import { FeedbackSchema } from '../schemas/feedback.js';
import { feedbackSummary, giveFeedback, myFeedback } from '../services/feedback.js';
import { can } from '../domain/permissions.js';
import { parseId } from '../ids.js';
import { notFound } from '../errors.js';
import { evaluationPage } from './page-access.js';

type Page = Awaited<ReturnType<typeof evaluationPage>>;

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

async function render(c: Context<AppEnv>, p: Page, form?: FeedbackFormState) {
  const [vendors, summary, mine] = await Promise.all([
    vendorsOf(p.db, p.evaluation.id),
    feedbackSummary(p.db, p.evaluation.id),
    myFeedback(p.db, p.evaluation.id, p.userId),
  ]);
  const page = <FeedbackPage user={p.user} nav={p.nav} evaluation={p.evaluation} vendors={vendors} summary={summary} mine={mine} canGive={canGive(p)} form={form} />;
  return html(c, page, form ? 422 : 200);
}

/** The demo-feedback page: every vendor's NPS, CSAT and CES, and a small form per vendor for the caller's own answer (PRG). */
export const feedbackPages = new Hono<AppEnv>()
  .get('/evaluations/:id/feedback', async (c) => {
    const p = await evaluationPage(c, TAB);
    return render(c, p);
  })
  .post('/evaluations/:id/feedback', async (c) => {
    const p = await evaluationPage(c, TAB, 'feedback');
    const fields = await formFields(c);
    // Each form belongs to one vendor; a form for a vendor not in this evaluation has nowhere to show its errors.
    const vendorId = parseId(fields.vendorId);
    if (vendorId === null || !(await vendorIn(p.db, p.evaluation.id, vendorId))) throw notFound('The vendor');
    const form = checkForm(FeedbackSchema, formInput(fields));
    if (!form.ok) return render(c, p, { vendorId, values: fields, errors: form.errors });
    await giveFeedback(p.db, p, form.data);
    return c.redirect(`/evaluations/${p.evaluation.id}/feedback#feedback-${vendorId}`, 303);
  });
