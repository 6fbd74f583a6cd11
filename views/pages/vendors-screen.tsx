import type { Child } from 'hono/jsx';
import type { CurrentUser } from '../../server/context.js';
import type { VendorFilter } from '../../db/queries/vendor-search.js';
import type { MustHaveCandidate } from '../../server/read-models/must-haves.js';
import { REASON_MAX } from '../../server/schemas/screening.js';
import { Field, FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { listHref, NO_CATEGORY_PARAM } from '../partials/vendors-filters.js';

/** The filter a bulk change applies to, carried by the confirmation form. */
function FilterFields({ filter }: { filter: VendorFilter }) {
  return (
    <>
      <input type="hidden" name="q" value={filter.q} />
      {filter.category !== null ? <input type="hidden" name="category" value={filter.category === '' ? NO_CATEGORY_PARAM : filter.category} /> : null}
    </>
  );
}

function FilterSummary({ filter }: { filter: VendorFilter }) {
  const parts = [filter.q.trim() ? m.vendors.filterSearch(filter.q.trim()) : null, filter.category !== null ? m.vendors.filterCategory(filter.category) : null].filter((p) => p !== null);
  return parts.length > 0 ? <p><strong>{m.vendors.screenMatchingFilter}:</strong> {parts.join(', ')}</p> : null;
}

/** A few names from the set, so the facilitator sees what the count stands for. */
function Sample({ names, count }: { names: readonly string[]; count: number }) {
  if (names.length === 0) return null;
  return (
    <>
      <ul class="sample-list">{names.map((n) => <li>{n}</li>)}</ul>
      {count > names.length ? <p class="muted small">{m.vendors.sampleMore(count - names.length)}</p> : null}
    </>
  );
}

interface ConfirmProps {
  user: CurrentUser;
  nav: EvaluationNav;
  title: string;
  filter: VendorFilter;
  count: number;
  sample: readonly string[];
  /** The list to go back to. */
  back: string;
  /** Said instead of the form when nothing matches. */
  none: string;
  intro: string;
  /** The confirmation form, shown only when something matches. */
  children: Child;
}

/** A bulk change's confirmation: the filter, how many it touches and a sample of them, then the form, or a way back when none match. */
function MatchingConfirm({ user, nav, title, filter, count, sample, back, none, intro, children }: ConfirmProps) {
  return (
    <Layout title={title} user={user} evaluation={nav}>
      <section class="card confirm-card">
        <h1>{title}</h1>
        <FilterSummary filter={filter} />
        {count === 0 ? (
          <>
            <p class="alert alert-info">{none}</p>
            <p><a href={back} class="button">{m.vendors.backToList}</a></p>
          </>
        ) : (
          <>
            <p>{intro}</p>
            <Sample names={sample} count={count} />
            {children}
          </>
        )}
      </section>
    </Layout>
  );
}

interface MatchingProps {
  user: CurrentUser;
  nav: EvaluationNav;
  filter: VendorFilter;
  count: number;
  sample: readonly string[];
  reason?: string;
  errors?: Record<string, string> | undefined;
}

/** GET /evaluations/:id/vendors/screen — screen out everything matching a filter, after seeing the count. */
export function ScreenMatchingPage({ user, nav, filter, count, sample, reason, errors }: MatchingProps) {
  const base = `/evaluations/${nav.id}/vendors`;
  const back = listHref(base, filter);
  return (
    <MatchingConfirm
      user={user} nav={nav} title={m.vendors.screenMatchingTitle(count)} filter={filter} count={count} sample={sample} back={back}
      none={m.vendors.screenMatchingNone} intro={m.vendors.screenMatchingIntro}
    >
      <FormErrors errors={errors} />
      <form method="post" action={`${base}/screen`} class="stack" novalidate>
        <FilterFields filter={filter} />
        <input type="hidden" name="expected" value={String(count)} />
        <Field label={m.vendors.reasonLabel} name="reason" error={errors?.reason}>
          <input id="f-reason" name="reason" required maxlength={REASON_MAX} value={reason ?? ''} placeholder={m.vendors.reasonPlaceholder} aria-invalid={errors?.reason ? 'true' : undefined} />
        </Field>
        <div class="row">
          <button type="submit" class="button button-danger">{m.vendors.screenMatchingButton(count)}</button>
          <a href={back} class="button">{m.cancel}</a>
        </div>
      </form>
    </MatchingConfirm>
  );
}

/** GET /evaluations/:id/vendors/screen-in — bring back everything screened out that matches a filter. */
export function ScreenInMatchingPage({ user, nav, filter, count, sample }: Omit<MatchingProps, 'reason' | 'errors'>) {
  const base = `/evaluations/${nav.id}/vendors`;
  const back = listHref(base, { ...filter, status: 'out' });
  return (
    <MatchingConfirm
      user={user} nav={nav} title={m.vendors.screenInTitle(count)} filter={filter} count={count} sample={sample} back={back}
      none={m.vendors.screenInNone} intro={m.vendors.screenInIntro}
    >
      <form method="post" action={`${base}/screen-in`} class="row">
        <FilterFields filter={filter} />
        <button type="submit" class="button button-primary">{m.vendors.screenInButton2(count)}</button>
        <a href={back} class="button">{m.cancel}</a>
      </form>
    </MatchingConfirm>
  );
}

interface MustHaveProps {
  user: CurrentUser;
  nav: EvaluationNav;
  /** Null while the reader scores blind: the gate is built from the panel's votes. */
  failures: readonly MustHaveCandidate[] | null;
  /** How many of them the page lists; the rest are counted. */
  shown: number;
  mustHaveCriteria: number;
}

/** GET /evaluations/:id/vendors/screen-must-haves — the vendors the must-have gate knocks out, with reasons. */
export function ScreenMustHavesPage({ user, nav, failures, shown, mustHaveCriteria }: MustHaveProps) {
  const base = `/evaluations/${nav.id}/vendors`;
  const count = failures?.length ?? 0;
  return (
    <Layout title={m.vendors.mustHaveTitle} user={user} evaluation={nav}>
      <div class="page-head">
        <h1>{m.vendors.mustHaveTitle}</h1>
        <p class="muted">{m.vendors.mustHaveIntro}</p>
      </div>
      {mustHaveCriteria === 0 ? (
        <div class="empty"><p>{m.vendors.mustHaveNoCriteria}</p></div>
      ) : failures === null ? (
        <div class="empty"><p>{m.review.notYetOwn}</p></div>
      ) : count === 0 ? (
        <div class="empty"><p>{m.vendors.mustHaveNone}</p></div>
      ) : (
        <>
          <p class="lead-count"><strong>{m.vendors.mustHaveCount(count)}</strong></p>
          <div class="table-wrap">
            <table class="table compact must-have-table">
              <thead><tr><th scope="col">{m.vendors.mustHaveColumns.vendor}</th><th scope="col">{m.vendors.mustHaveColumns.reason}</th></tr></thead>
              <tbody>
                {(failures ?? []).slice(0, shown).map((f) => <tr><th scope="row">{f.name}</th><td>{f.reason}</td></tr>)}
              </tbody>
            </table>
          </div>
          {count > shown ? <p class="muted small">{m.vendors.sampleMore(count - shown)}</p> : null}
          <form method="post" action={`${base}/screen-must-haves`} class="row">
            <input type="hidden" name="expected" value={String(count)} />
            <button type="submit" class="button button-danger">{m.vendors.mustHaveButton(count)}</button>
            <a href={base} class="button">{m.cancel}</a>
          </form>
        </>
      )}
      {count === 0 ? <p><a href={base} class="button">{m.vendors.backToList}</a></p> : null}
    </Layout>
  );
}
