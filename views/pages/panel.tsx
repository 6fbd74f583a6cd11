import type { Child } from 'hono/jsx';
import type { CurrentUser } from '../../server/context.js';
import { Field, FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { PanelProgress, type PanelRow } from '../partials/panel-progress.js';
import { m } from '../messages/index.js';
import { SelectField } from '../partials/select-field.js';
import { PanelApprovers } from '../partials/panel-approvers.js';
import { PanelInvitations, type FailedMail, type InvitationNotice, type PendingRow } from '../partials/panel-invitations.js';

export interface AssignmentRow { id: number; user_name: string; vendor_name: string | null; criterion_name: string | null }

interface PanelPageProps {
  user: CurrentUser; nav: EvaluationNav; rows: PanelRow[]; canManage: boolean; polling: boolean;
  /** The vendors to pick from, or, past a few hundred, only how many there are: the forms then take a name. */
  vendors: { id: number; name: string }[] | { count: number };
  criteria: { id: number; name: string; parent: string | null }[]; assignments: AssignmentRow[]; errors?: Record<string, string>; values?: Record<string, string>;
  /** Invited people who have not joined, e-mails that failed, and what the last invitation did (issue 12). */
  pending?: PendingRow[]; failedMails?: FailedMail[]; invitation?: InvitationNotice | undefined;
}

const ROLES = ['evaluator', 'stakeholder', 'observer', 'facilitator'] as const;

/** One of the facilitator's panel forms: a card with a title and what it does. */
function PanelForm({ action, title, hint, children }: { action: string; title: string; hint: string; children: Child }) {
  return (
    <form method="post" action={action} class="card stack" novalidate>
      <h2>{title}</h2>
      <p class="hint">{hint}</p>
      {children}
    </form>
  );
}

/**
 * The vendor field: a select while the longlist is short, a name to type past a few hundred.
 * `optional` fields (assignments) also take "any vendor". `listName`/`byName` are the field ids.
 */
function VendorPicker({ vendors, listName, byName, optional }: { vendors: PanelPageProps['vendors']; listName: string; byName: string; optional?: boolean }) {
  if (Array.isArray(vendors)) {
    const options = vendors.map((v) => ({ value: String(v.id), label: v.name }));
    return <SelectField label={m.panel.vendor} name={listName} inputName="vendorId" any={optional ? m.panel.any : undefined} options={options} />;
  }
  const hint = optional ? `${m.panel.vendorByName(vendors.count)} ${m.panel.vendorAny}` : m.panel.vendorByName(vendors.count);
  return <Field label={m.panel.vendor} name={byName} hint={hint}><input id={`f-${byName}`} name="vendorName" required={!optional} maxlength={200} autocomplete="off" /></Field>;
}

export function PanelPage(p: PanelPageProps) {
  const base = `/evaluations/${p.nav.id}/members`;
  const scorerOptions = p.rows.filter((r) => r.role === 'evaluator' || r.role === 'facilitator').map((r) => ({ value: String(r.id), label: r.name }));
  return (
    <Layout title={m.panel.title} user={p.user} evaluation={p.nav} wide>
      <div class="page-head"><h1>{m.panel.title}</h1><p class="muted">{m.panel.intro}</p></div>
      <FormErrors errors={p.errors} />
      <PanelInvitations notice={p.invitation} pending={p.pending ?? []} failed={p.failedMails ?? []} />
      <PanelProgress evaluationId={p.nav.id} rows={p.rows} canManage={p.canManage} polling={p.polling} />
      {p.canManage ? <p class="hint">{m.panel.removeHint}</p> : null}
      <PanelApprovers base={base} rows={p.rows.map((r) => ({ id: r.id, name: r.name, role: r.role, approver: r.approver === 1 }))} canManage={p.canManage} />
      {p.canManage ? (
        <div class="panel-forms">
          <PanelForm action={base} title={m.panel.addTitle} hint={m.panel.addHint}>
            <div class="row">
              <Field label={m.panel.email} name="email" error={p.errors?.email}><input id="f-email" name="email" type="email" value={p.values?.email ?? ''} /></Field>
              <SelectField label={m.panel.role} name="role" error={p.errors?.role} value={p.values?.role} options={ROLES.map((r) => ({ value: r, label: m.roles[r] }))} />
            </div>
            <label class="choice"><input type="checkbox" name="approver" value="1" checked={p.values?.approver === '1'} /> {m.panel.approverField}</label>
            <button type="submit" class="button button-primary">{m.panel.add}</button>
          </PanelForm>
          <PanelForm action={`${base}/exclusions`} title={m.panel.excludeTitle} hint={m.panel.excludeHint}>
            <div class="row">
              <SelectField label={m.panel.evaluator} name="userId" options={scorerOptions} />
              <VendorPicker vendors={p.vendors} listName="vendorId" byName="vendorName" />
            </div>
            <Field label={m.panel.reason} name="reason" error={p.errors?.reason}><input id="f-reason" name="reason" maxlength={1000} required value={p.values?.reason ?? ''} /></Field>
            <button type="submit" class="button">{m.panel.exclude}</button>
            {p.rows.some((r) => r.exclusions.length > 0) ? (
              <ul class="plain-list">
                {p.rows.flatMap((r) => r.exclusions.map((x) => (
                  <li>{r.name} — {x.vendor_name}{x.reason ? `: ${x.reason}` : ''}{' '}
                    <button type="submit" formaction={`${base}/exclusions/${r.id}/${x.vendor_id}/lift`} class="link-button small">{m.panel.lift}</button></li>
                )))}
              </ul>
            ) : null}
          </PanelForm>
          <PanelForm action={`${base}/assignments`} title={m.panel.assignTitle} hint={m.panel.assignHint}>
            <div class="row">
              <SelectField label={m.panel.evaluator} name="assignUser" inputName="userId" options={scorerOptions} />
              <VendorPicker vendors={p.vendors} listName="assignVendor" byName="assignVendorName" optional />
              <SelectField label={m.panel.criterion} name="assignCriterion" inputName="criterionId" any={m.panel.any} options={p.criteria.map((c) => ({ value: String(c.id), label: c.parent ? `${c.parent} › ${c.name}` : c.name }))} />
            </div>
            {p.errors?.assignment ? <p class="error-text" role="alert">{p.errors.assignment}</p> : null}
            <button type="submit" class="button">{m.panel.assign}</button>
            {p.assignments.length === 0 ? <p class="muted small">{m.panel.noAssignments}</p> : (
              <ul class="plain-list">
                {p.assignments.map((x) => (
                  <li>{x.user_name}: {x.vendor_name ?? m.panel.any} × {x.criterion_name ?? m.panel.any}{' '}
                    <button type="submit" formaction={`${base}/assignments/${x.id}/remove`} class="link-button small">{m.panel.unassign}</button></li>
                ))}
              </ul>
            )}
          </PanelForm>
        </div>
      ) : null}
    </Layout>
  );
}
