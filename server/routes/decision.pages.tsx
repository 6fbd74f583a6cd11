import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { DecisionPage, type DecideChoices } from '../../views/pages/decision.js';
import { html } from '../../views/render.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { formFields, formValidator, refusalOf } from '../forms.js';
import { DecideFormSchema, decideFormInput } from '../schemas/forms/decision.js';
import { ApprovalSchema } from '../schemas/decisions.js';
import { decide } from '../services/decision.js';
import { giveVerdict } from '../services/approvals.js';
import { decisionInputs, decisionRecord } from '../read-models/decision.js';
import { approvalBy, approversOf, isApprover } from '../../db/queries/decisions.js';
import { can } from '../domain/permissions.js';
import type { FieldErrors } from '../errors.js';
import type { FormValues } from '../forms.js';

/** The decide form lists this many of the best ranked vendors (a shortlist, not the longlist). */
const CHOICES_SHOWN = 50;

async function choicesFor(p: Page): Promise<DecideChoices | undefined> {
  if (p.evaluation.status !== 'review' || !can(p.role, 'edit')) return undefined;
  const [{ view, provisional }, approvers] = await Promise.all([decisionInputs(p.db, p), approversOf(p.db, p.evaluation.id)]);
  return { rows: view.result.rows.slice(0, CHOICES_SHOWN), ranked: view.ranked, provisional, approvers: approvers.length };
}

async function approverFor(p: Page) {
  if (p.evaluation.status !== 'decided' || !(await isApprover(p.db, p.evaluation.id, p.userId))) return undefined;
  return { mine: (await approvalBy(p.db, p.evaluation.id, p.userId)) ?? null };
}

async function render(c: Context, p: Page, form: { errors?: FieldErrors; values?: FormValues } = {}, status: 200 | 404 | 409 | 422 = 200) {
  const [choices, record, approver] = await Promise.all([
    choicesFor(p),
    p.evaluation.status === 'decided' ? decisionRecord(p.db, p.evaluation.id).then((r) => r ?? null) : undefined,
    approverFor(p),
  ]);
  return html(c, <DecisionPage user={p.user} nav={p.nav} choices={choices} record={record} approver={approver} errors={form.errors} values={form.values} />, status);
}

const renderInvalid = (c: Context<PageEnv>, errors: FieldErrors, values: FormValues) => render(c, c.var.page, { errors, values }, 422);
const decideForm = formValidator(DecideFormSchema, renderInvalid, decideFormInput);
const verdictForm = formValidator(ApprovalSchema, renderInvalid, (f) => ({ verdict: f.verdict, comment: f.comment }));

/** Runs a decision step; a refused one re-renders the page with the reason and what was typed. */
async function attempt(c: Context<PageEnv>, work: (p: Page) => Promise<unknown>) {
  const p = c.var.page;
  const refused = await refusalOf(() => work(p), [400, 409]);
  if (refused) return render(c, p, { errors: refused.errors, values: await formFields(c) }, refused.status);
  return c.redirect(`/evaluations/${p.evaluation.id}/decision`, 303);
}

/**
 * /evaluations/:id/decision — in review the facilitator decides here (choose, give the reason,
 * acknowledge provisional vendors, confirm); once decided it shows the decision and its sign-off,
 * and approvers approve or object.
 */
export const decisionPages = new Hono<AppEnv>()
  .get('/', async (c) => render(c, await evaluationPage(c, 'overview')))
  .post('/', pageAccess('overview', 'edit'), decideForm, async (c) => {
    const { vendorIds, reason, acknowledgeProvisional } = c.req.valid('form');
    return attempt(c, (p) => decide(p.db, p, { vendorIds, reason, acknowledgeProvisional }));
  })
  .post('/approvals', pageAccess('overview', 'approve'), verdictForm, async (c) => attempt(c, (p) => giveVerdict(p.db, p, c.req.valid('form'))));
