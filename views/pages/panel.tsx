import type { CurrentUser } from '../../server/context.js';
import { Field, FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { PanelProgress, type PanelRow } from '../partials/panel-progress.js';
import { m } from '../messages/index.js';

export interface AssignmentRow { id: number; user_name: string; vendor_name: string | null; criterion_name: string | null }

interface Props {
  user: CurrentUser; nav: EvaluationNav; rows: PanelRow[]; canManage: boolean; polling: boolean;
  /** The vendors to pick from, or, past a few hundred, only how many there are: the forms then take a name. */
  vendors: { id: number; name: string }[] | { count: number };
  criteria: { id: number; name: string; parent: string | null }[]; assignments: AssignmentRow[]; errors?: Record<string, string>; values?: Record<string, string>;
}

export function PanelPage(p: Props) {
  const base = `/evaluations/${p.nav.id}/members`;
  const scorers = p.rows.filter((r) => r.role === 'evaluator' || r.role === 'facilitator');
  return (
    <Layout title={m.panel.title} user={p.user} evaluation={p.nav} wide>
      <div class="page-head"><h1>{m.panel.title}</h1><p class="muted">{m.panel.intro}</p></div>
      <FormErrors errors={p.errors} />
      <PanelProgress evaluationId={p.nav.id} rows={p.rows} canManage={p.canManage} polling={p.polling} />
      {p.canManage ? <p class="hint">{m.panel.removeHint}</p> : null}
      {p.canManage ? (
        <div class="panel-forms">
          <form method="post" action={base} class="card stack" novalidate>
            <h2>{m.panel.addTitle}</h2>
            <p class="hint">{m.panel.addHint}</p>
            <div class="row">
              <Field label={m.panel.email} name="email" error={p.errors?.email}><input id="f-email" name="email" type="email" value={p.values?.email ?? ''} /></Field>
              <Field label={m.panel.role} name="role" error={p.errors?.role}>
                <select id="f-role" name="role">{(['evaluator', 'stakeholder', 'observer', 'facilitator'] as const).map((r) => <option value={r} selected={p.values?.role === r}>{m.roles[r]}</option>)}</select>
              </Field>
            </div>
            <button type="submit" class="button button-primary">{m.panel.add}</button>
          </form>
          <form method="post" action={`${base}/exclusions`} class="card stack" novalidate>
            <h2>{m.panel.excludeTitle}</h2>
            <p class="hint">{m.panel.excludeHint}</p>
            <div class="row">
              <Field label={m.panel.evaluator} name="userId"><select id="f-userId" name="userId">{scorers.map((r) => <option value={String(r.id)}>{r.name}</option>)}</select></Field>
              {Array.isArray(p.vendors)
                ? <Field label={m.panel.vendor} name="vendorId"><select id="f-vendorId" name="vendorId">{p.vendors.map((v) => <option value={String(v.id)}>{v.name}</option>)}</select></Field>
                : <Field label={m.panel.vendor} name="vendorName" hint={m.panel.vendorByName(p.vendors.count)}><input id="f-vendorName" name="vendorName" required maxlength={200} autocomplete="off" /></Field>}
            </div>
            <Field label={m.panel.reason} name="reason"><input id="f-reason" name="reason" maxlength={1000} /></Field>
            <button type="submit" class="button">{m.panel.exclude}</button>
            {p.rows.some((r) => r.exclusions.length > 0) ? (
              <ul class="plain-list">
                {p.rows.flatMap((r) => r.exclusions.map((x) => (
                  <li>{r.name} — {x.vendor_name}{x.reason ? `: ${x.reason}` : ''}{' '}
                    <button type="submit" formaction={`${base}/exclusions/${r.id}/${x.vendor_id}/lift`} class="link-button small">{m.panel.lift}</button></li>
                )))}
              </ul>
            ) : null}
          </form>
          <form method="post" action={`${base}/assignments`} class="card stack" novalidate>
            <h2>{m.panel.assignTitle}</h2>
            <p class="hint">{m.panel.assignHint}</p>
            <div class="row">
              <Field label={m.panel.evaluator} name="assignUser"><select id="f-assignUser" name="userId">{scorers.map((r) => <option value={String(r.id)}>{r.name}</option>)}</select></Field>
              {Array.isArray(p.vendors)
                ? <Field label={m.panel.vendor} name="assignVendor"><select id="f-assignVendor" name="vendorId"><option value="">{m.panel.any}</option>{p.vendors.map((v) => <option value={String(v.id)}>{v.name}</option>)}</select></Field>
                : <Field label={m.panel.vendor} name="assignVendorName" hint={`${m.panel.vendorByName(p.vendors.count)} ${m.panel.vendorAny}`}><input id="f-assignVendorName" name="vendorName" maxlength={200} autocomplete="off" /></Field>}
              <Field label={m.panel.criterion} name="assignCriterion"><select id="f-assignCriterion" name="criterionId"><option value="">{m.panel.any}</option>{p.criteria.map((c) => <option value={String(c.id)}>{c.parent ? `${c.parent} › ${c.name}` : c.name}</option>)}</select></Field>
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
          </form>
        </div>
      ) : null}
    </Layout>
  );
}
