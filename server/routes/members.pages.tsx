import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { PanelPage } from '../../views/pages/panel.js';
import { PanelProgress } from '../../views/partials/panel-progress.js';
import { fragment, html } from '../../views/render.js';
import { evaluationPage, pageFrom, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { addAssignment, excludeEvaluator, liftExclusion, removeAssignment, removeMember } from '../services/panel-admin.js';
import { panelProgress } from '../read-models/panel-progress.js';
import { setApprover } from '../services/members.js';
import { addOrInviteMember, joinPath } from '../services/invitations.js';
import { pendingInvitationsOf } from '../../db/queries/member-invitations.js';
import { failedMailsOf } from '../../db/queries/mail-outbox.js';
import { deliverWithin } from '../mail/outbox.js';
import { absolute, mailSettings } from '../mail/settings.js';
import type { InvitationNotice } from '../../views/partials/panel-invitations.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { NewMemberSchema } from '../schemas/members.js';
import { formFields, formValidator, refusalOf, type FormValues } from '../forms.js';
import { ApproverFormSchema, AssignmentFormSchema, ExclusionFormSchema } from '../schemas/forms/members.js';
import { can } from '../domain/permissions.js';
import { parseId } from '../ids.js';
import { AppError, forbidden, type FieldErrors } from '../errors.js';
import { nameKey, vendorChoiceList, vendorCountOf, vendorIdByNameKey } from '../../db/queries/vendors.js';
import { m } from '../../views/messages/index.js';
import { assignmentList } from '../../db/queries/assignments.js';
import { parentOf } from '../domain/criteria-tree.js';


async function panelPage(c: Context<AppEnv>, action: 'read' | 'edit' = 'read') {
  const p = await evaluationPage(c, 'panel', action);
  if (!can(p.role, 'audit')) throw forbidden(m.errors.panelOnly);
  return p;
}

async function render(c: Context, p: Page, form: { errors?: Record<string, string>; values?: Record<string, string>; invitation?: InvitationNotice } = {}, status: 200 | 404 | 409 | 422 = 200) {
  const [rows, vendors, criteria, assignments, pending, failedMails] = await Promise.all([
    panelProgress(p.db, p.evaluation.id),
    vendorChoices(p),
    criteriaOf(p.db, p.evaluation.id),
    assignmentList(p.db, p.evaluation.id),
    pendingInvitationsOf(p.db, p.evaluation.id),
    failedMailsOf(p.db, p.evaluation.id),
  ]);
  return html(c, <PanelPage user={p.user} nav={p.nav} rows={rows} canManage={can(p.role, 'edit') && p.evaluation.status !== 'decided'} polling={p.evaluation.status !== 'decided'}
    vendors={vendors} criteria={criteria.filter((x) => x.kind !== 'cost').map((x) => ({ id: x.id, name: x.name, parent: parentOf(criteria, x)?.name ?? null }))}
    assignments={assignments} pending={pending.map((r) => ({ email: r.email, role: m.roles[r.role], expiresAt: r.expires_at }))} failedMails={failedMails} {...form} />, status);
}

/** Runs a panel change; a refused one re-renders the page with the reason instead of an error page. */
async function attempt(c: Context, p: Page, work: () => Promise<unknown>, values?: Record<string, string>) {
  const refused = await refusalOf(work, [400, 404, 409]);
  if (refused) return render(c, p, { errors: refused.errors, ...(values ? { values } : {}) }, refused.status);
  return c.redirect(`/evaluations/${p.evaluation.id}/members`, 303);
}

/** Past this many vendors the panel's forms take a vendor's name instead of listing them all. */
const VENDOR_LIST_LIMIT = 200;

async function vendorChoices(p: Page): Promise<{ id: number; name: string }[] | { count: number }> {
  const list = await vendorChoiceList(p.db, p.evaluation.id, VENDOR_LIST_LIMIT + 1);
  if (list.length <= VENDOR_LIST_LIMIT) return list;
  return { count: await vendorCountOf(p.db, p.evaluation.id) };
}

/**
 * The vendor a panel form names: by id from the list, or by name when the evaluation has too many
 * vendors to list. undefined when neither is given (an assignment to any vendor).
 */
async function formVendor(p: Page, f: { vendorId?: number; vendorName: string }): Promise<number | undefined> {
  const name = f.vendorName;
  if (name === '') return f.vendorId;
  const id = await vendorIdByNameKey(p.db, p.evaluation.id, nameKey(name));
  if (id === undefined) throw new AppError(404, 'not_found', m.panel.unknownVendorName(name));
  return id;
}

/** The panel's forms: facilitators only, checked before the form is read. */
const panelEdit = pageFrom((c) => panelPage(c, 'edit'));
const renderInvalid = (c: Context<PageEnv>, errors: FieldErrors, values: FormValues) => render(c, c.var.page, { errors, values }, 422);
const newMemberForm = formValidator(NewMemberSchema, renderInvalid, (f) => ({ email: f.email, role: f.role, approver: f.approver === '1' }));
const exclusionForm = formValidator(ExclusionFormSchema, renderInvalid);
const assignmentForm = formValidator(AssignmentFormSchema, renderInvalid);
const approverForm = formValidator(ApproverFormSchema, renderInvalid);

/** /evaluations/:id/members — the panel: members, declarations, progress, exclusions, assignments. */
export const membersPages = new Hono<AppEnv>()
  .get('/', async (c) => render(c, await panelPage(c)))
  .get('/progress', async (c) => {
    const p = await panelPage(c);
    return fragment(c, <PanelProgress evaluationId={p.evaluation.id} rows={await panelProgress(p.db, p.evaluation.id)} canManage={can(p.role, 'edit') && p.evaluation.status !== 'decided'} polling={p.evaluation.status !== 'decided'} />);
  })
  .post('/', panelEdit, newMemberForm, async (c) => {
    const p = c.var.page;
    const settings = mailSettings(c.get('env'));
    let out: Awaited<ReturnType<typeof addOrInviteMember>> | undefined;
    const refused = await refusalOf(async () => { out = await addOrInviteMember(p.db, p, c.req.valid('form'), { name: p.user.name, settings }); }, [400, 404, 409]);
    if (refused) return render(c, p, { errors: refused.errors, values: await formFields(c) }, refused.status);
    if (out?.status !== 'invited') return c.redirect(`/evaluations/${p.evaluation.id}/members`, 303);
    // The link exists only now (only its hash is stored), so the page is rendered, not redirected to.
    const email = c.req.valid('form').email;
    const invitation: InvitationNotice = settings.enabled ? { email, emailed: await deliverWithin(p.db, settings, out.mailIds) } : { email, emailed: false, link: absolute(new URL(c.req.url).origin, joinPath(out.token)) };
    return render(c, p, { invitation });
  })
  .post('/:userId/remove', async (c) => {
    const p = await panelPage(c, 'edit');
    return attempt(c, p, () => removeMember(p.db, p, parseId(c.req.param('userId')) ?? 0));
  })
  .post('/:userId/approver', panelEdit, approverForm, async (c) => {
    const p = c.var.page;
    return attempt(c, p, () => setApprover(p.db, p, parseId(c.req.param('userId')) ?? 0, c.req.valid('form').approver));
  })
  .post('/exclusions', panelEdit, exclusionForm, async (c) => {
    const p = c.var.page;
    const { userId, reason, ...vendor } = c.req.valid('form');
    return attempt(c, p, async () => excludeEvaluator(p.db, p, { userId: userId ?? 0, vendorId: (await formVendor(p, vendor)) ?? 0, reason }), await formFields(c));
  })
  .post('/exclusions/:userId/:vendorId/lift', async (c) => {
    const p = await panelPage(c, 'edit');
    return attempt(c, p, () => liftExclusion(p.db, p, parseId(c.req.param('userId')) ?? 0, parseId(c.req.param('vendorId')) ?? 0));
  })
  .post('/assignments', panelEdit, assignmentForm, async (c) => {
    const p = c.var.page;
    const { userId, criterionId, ...vendor } = c.req.valid('form');
    return attempt(c, p, async () => addAssignment(p.db, p, { userId: userId ?? 0, vendorId: await formVendor(p, vendor), criterionId }), await formFields(c));
  })
  .post('/assignments/:assignmentId/remove', async (c) => {
    const p = await panelPage(c, 'edit');
    return attempt(c, p, () => removeAssignment(p.db, p, parseId(c.req.param('assignmentId')) ?? 0));
  });
