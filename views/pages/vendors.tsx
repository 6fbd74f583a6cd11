import type { CurrentUser } from '../../server/context.js';
import type { Evaluation, Vendor } from '../../db/schema.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { VendorList } from '../partials/vendors-table.js';
import { VendorForm, type VendorFormValues } from '../partials/vendors-form.js';

type Errors = Record<string, string> | undefined;

interface VendorsPageProps {
  user: CurrentUser;
  nav: EvaluationNav;
  evaluation: Evaluation;
  /** The vendors to list: all of them, or those matching `q`. */
  vendors: readonly Vendor[];
  total: number;
  q: string;
  canEdit: boolean;
  errors?: Errors;
  values?: VendorFormValues;
}

/** The search box: a plain GET form, which htmx upgrades to search as you type. */
function SearchBox({ base, q }: { base: string; q: string }) {
  return (
    <form method="get" action={base} class="search row" role="search">
      <label for="vendor-q" class="visually-hidden">{m.vendors.searchLabel}</label>
      <input
        id="vendor-q" type="search" name="q" value={q} placeholder={m.vendors.searchPlaceholder} autocomplete="off"
        hx-get={base} hx-trigger="input changed delay:300ms, search" hx-target="#vendor-list" hx-swap="outerHTML" hx-replace-url="true"
      />
      <button type="submit" class="button">{m.vendors.searchButton}</button>
    </form>
  );
}

/** GET /evaluations/:id/vendors — the longlist, its search, and the add form for the facilitator. */
export function VendorsPage({ user, nav, evaluation, vendors, total, q, canEdit, errors, values }: VendorsPageProps) {
  const base = `/evaluations/${evaluation.id}/vendors`;
  return (
    <Layout title={m.vendors.title} user={user} evaluation={nav} wide>
      <div class="page-head">
        <h1>{m.vendors.heading(total)}</h1>
        <p class="muted">{m.vendors.intro}</p>
      </div>
      {canEdit ? null : <p class="alert alert-info">{evaluation.status === 'decided' ? m.locked : m.vendors.readOnly}</p>}
      {total === 0 ? (
        <div class="empty"><p>{canEdit ? m.vendors.empty : m.vendors.emptyReadOnly}</p></div>
      ) : (
        <>
          <SearchBox base={base} q={q} />
          <VendorList vendors={vendors} total={total} q={q} base={base} canEdit={canEdit} />
        </>
      )}
      {canEdit ? (
        <section class="card" id="add-vendor">
          <h2>{m.vendors.addTitle}</h2>
          <VendorForm action={base} submitLabel={m.vendors.addButton} values={values} errors={errors} />
        </section>
      ) : null}
      {canEdit ? (
        <form method="post" action={`${base}/envelopes`} class="card stack" id="envelopes">
          <h2>{m.vendors.envelopesTitle}</h2>
          <p class="hint">{m.vendors.envelopesHint}</p>
          <label class="choice"><input type="checkbox" name="hidePrices" value="1" checked={evaluation.hide_prices === 1} /> {m.vendors.envelopesLabel}</label>
          <button type="submit" class="button">{m.vendors.envelopesSave}</button>
        </form>
      ) : null}
    </Layout>
  );
}

/** GET /evaluations/:id/vendors/:vid/edit. */
export function VendorEditPage({ user, nav, vendor, values, errors }: { user: CurrentUser; nav: EvaluationNav; vendor: Vendor; values: VendorFormValues; errors?: Errors }) {
  const base = `/evaluations/${nav.id}/vendors`;
  return (
    <Layout title={m.vendors.editTitle(vendor.name)} user={user} evaluation={nav}>
      <div class="page-head">
        <h1>{m.vendors.editTitle(vendor.name)}</h1>
        <p><a href={base}>{m.vendors.backToList}</a></p>
      </div>
      <section class="card">
        <VendorForm action={`${base}/${vendor.id}`} submitLabel={m.vendors.saveButton} values={values} errors={errors} cancelHref={base} />
      </section>
      <p><a href={`${base}/${vendor.id}/delete`} class="button button-small button-danger">{m.vendors.removeLink}</a></p>
    </Layout>
  );
}

/** GET /evaluations/:id/vendors/:vid/delete — what removing takes with it, and the confirm button. */
export function VendorDeletePage({ user, nav, vendor, scores }: { user: CurrentUser; nav: EvaluationNav; vendor: Vendor; scores: number }) {
  const base = `/evaluations/${nav.id}/vendors`;
  return (
    <Layout title={m.vendors.removeTitle(vendor.name)} user={user} evaluation={nav}>
      <section class="card narrow">
        <h1>{m.vendors.removeTitle(vendor.name)}</h1>
        <p>{m.vendors.removeIntro}</p>
        <p class={scores > 0 ? 'alert alert-warning' : 'muted'}>{m.vendors.removeScores(scores)}</p>
        <p class="muted small">{m.vendors.removeAudit}</p>
        <form method="post" action={`${base}/${vendor.id}/delete`} class="row">
          <button type="submit" class="button button-danger">{m.vendors.removeButton}</button>
          <a href={base} class="button">{m.cancel}</a>
        </form>
      </section>
    </Layout>
  );
}
