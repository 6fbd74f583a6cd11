import type { FieldErrors } from '../../server/errors.js';
import type { CurrentUser } from '../../server/context.js';
import type { Evaluation, Vendor } from '../../db/schema.js';
import type { VendorFacets } from '../../db/queries/vendor-search.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { VendorList, type VendorListView } from '../partials/vendors-table.js';
import { listHref, VendorFilters } from '../partials/vendors-filters.js';
import { VendorForm, type VendorFormValues } from '../partials/vendors-form.js';
import { DeletePageFrame, EditPageFrame } from '../partials/record-pages.js';
import { WithdrawCard } from '../partials/vendor-withdraw.js';
import { isStructureFrozen } from '../../server/domain/rules/structure.js';


/** What the last bulk screening did, shown once after its redirect. */
export type ScreeningNotice = { kind: 'out' | 'in'; count: number } | null;

interface VendorsPageProps {
  user: CurrentUser;
  nav: EvaluationNav;
  evaluation: Evaluation;
  /** The page of vendors to list, with its filter and counts. */
  view: VendorListView;
  facets: VendorFacets;
  canEdit: boolean;
  notice?: ScreeningNotice;
  errors?: FieldErrors;
  values?: VendorFormValues;
}

/** The facilitator's screening summary: how many are in and out, and the must-have knock-out. */
function ScreeningCard({ base, facets }: { base: string; facets: VendorFacets }) {
  return (
    <section class="card screening-card" aria-labelledby="screening-title">
      <div class="screening-text">
        <h2 id="screening-title">{m.vendors.screeningTitle}</h2>
        <p class="muted small">{m.vendors.screeningIntro(facets.in, facets.out)}</p>
      </div>
      <div class="actions">
        <a href={`${base}/screen-must-haves`} class="button button-small">{m.vendors.screenMustHavesLink}</a>
        {facets.out > 0 ? <a href={listHref(base, { q: '', category: null, status: 'out' })} class="button button-small">{m.vendors.showScreenedLink(facets.out)}</a> : null}
      </div>
    </section>
  );
}

/** GET /evaluations/:id/vendors — the longlist a page at a time, its filters, screening, and the add form for the facilitator. */
export function VendorsPage({ user, nav, evaluation, view, facets, canEdit, notice, errors, values }: VendorsPageProps) {
  const base = `/evaluations/${evaluation.id}/vendors`;
  return (
    <Layout title={m.vendors.title} user={user} evaluation={nav} wide>
      <div class="page-head page-head-split">
        <div>
          <h1>{m.vendors.heading(facets.total)}</h1>
          <p class="muted">{m.vendors.intro}</p>
        </div>
        {canEdit ? (
          <div class="actions">
            <a href={`${base}/import`} class="button button-primary">{m.vendors.importLink}</a>
            <a href="#add-vendor" class="button">{m.vendors.addLink}</a>
          </div>
        ) : null}
      </div>
      {canEdit ? null : <p class="alert alert-info">{evaluation.status === 'decided' ? m.locked : m.vendors.readOnly}</p>}
      {notice ? (
        <p class="alert alert-success" role="status">
          {notice.count === 0 ? m.vendors.noticeNone : notice.kind === 'out' ? m.vendors.noticeOut(notice.count) : m.vendors.noticeIn(notice.count)}
        </p>
      ) : null}
      {facets.total === 0 ? (
        <div class="empty"><p>{canEdit ? m.vendors.empty : m.vendors.emptyReadOnly}</p></div>
      ) : (
        <>
          {canEdit ? <ScreeningCard base={base} facets={facets} /> : null}
          <VendorFilters base={base} filter={view.filter} facets={facets} />
          {canEdit && isStructureFrozen(evaluation.status) ? <p class="alert alert-info">{m.guards.frozenVendors}</p> : null}
          <VendorList view={view} base={base} canEdit={canEdit} frozen={isStructureFrozen(evaluation.status)} />
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
export function VendorEditPage({ user, nav, vendor, values, errors }: { user: CurrentUser; nav: EvaluationNav; vendor: Vendor; values: VendorFormValues; errors?: FieldErrors }) {
  const base = `/evaluations/${nav.id}/vendors`;
  return (
    <EditPageFrame
      user={user} nav={nav} name={vendor.name}
      back={{ href: base, label: m.vendors.backToList }} deleteLink={{ href: `${base}/${vendor.id}/delete`, label: m.vendors.removeLink }}
      frozen={isStructureFrozen(nav.status) ? <WithdrawCard action={`${base}/${vendor.id}/withdrawal`} vendor={vendor} error={errors?.reason} /> : undefined}
    >
      <VendorForm action={`${base}/${vendor.id}`} submitLabel={m.vendors.saveButton} values={values} errors={errors} cancelHref={base} />
    </EditPageFrame>
  );
}

/** GET /evaluations/:id/vendors/:vid/delete — what removing takes with it, and the confirm button. */
export function VendorDeletePage({ user, nav, vendor, scores }: { user: CurrentUser; nav: EvaluationNav; vendor: Vendor; scores: number }) {
  const base = `/evaluations/${nav.id}/vendors`;
  return (
    <DeletePageFrame
      user={user} nav={nav} title={m.vendors.removeTitle(vendor.name)}
      action={`${base}/${vendor.id}/delete`} button={m.vendors.removeButton} cancelHref={base}
      scores={{ count: scores, text: m.vendors.removeScores(scores) }} auditNote={m.vendors.removeAudit}
    >
      <p>{m.vendors.removeIntro}</p>
    </DeletePageFrame>
  );
}
