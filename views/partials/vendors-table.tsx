import type { Vendor } from '../../db/schema.js';
import type { VendorFilter } from '../../db/queries/vendor-search.js';
import { m } from '../messages/index.js';
import { VendorRow } from './vendors-row.js';
import { listHref } from './vendors-filters.js';
import { DataTable, type Column } from './data-table.js';

export { formatPrice } from './vendors-row.js';

const columns = (canEdit: boolean): (Column | false)[] => {
  const c = m.vendors.columns;
  return [{ label: c.name }, { label: c.category }, { label: c.description }, { label: c.price, class: 'num' }, { label: c.screening }, canEdit && { label: c.actions, hidden: true }];
};

/** One page of the longlist and what the page needs to say about it. */
export interface VendorListView {
  /** This page's vendors, at most one page of them. */
  rows: readonly Vendor[];
  filter: VendorFilter;
  page: number;
  pages: number;
  pageSize: number;
  /** Vendors matching the whole filter (all pages). */
  count: number;
  /** Vendors matching the text and category, on each side of the screening (for the bulk actions). */
  matching: { in: number; out: number };
  /** Every vendor of the evaluation. */
  total: number;
}

interface VendorsTableProps { view: VendorListView; base: string; canEdit: boolean; frozen?: boolean }

const pageLink = (base: string, f: VendorFilter, page: number, label: string, rel?: string) => (
  <a href={listHref(base, f, page)} hx-get={listHref(base, f, page)} hx-target="#vendor-list" hx-swap="outerHTML show:top showTarget:#vendor-list" hx-push-url="true" class="button button-small" rel={rel}>{label}</a>
);

/** Previous/next and first/last around "Page x of y"; dead ends are left out rather than disabled. */
function Pager({ view, base }: { view: VendorListView; base: string }) {
  const { page, pages, filter: f, count, pageSize } = view;
  if (pages <= 1) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(count, page * pageSize);
  return (
    <nav class="pager vendor-pager" aria-label={m.vendors.pagerLabel}>
      <span class="pager-side">
        {page > 1 ? pageLink(base, f, 1, m.vendors.first) : null}
        {page > 1 ? pageLink(base, f, page - 1, m.vendors.prev, 'prev') : null}
      </span>
      <span class="muted small pager-where">{m.vendors.pageOf(page, pages)} · {m.vendors.rowsOf(from, to, count)}</span>
      <span class="pager-side">
        {page < pages ? pageLink(base, f, page + 1, m.vendors.next, 'next') : null}
        {page < pages ? pageLink(base, f, pages, m.vendors.last) : null}
      </span>
    </nav>
  );
}

/** Screen out (or bring back) everything the filter matches, through a confirmation page. */
function BulkActions({ view, base }: { view: VendorListView; base: string }) {
  const f = view.filter;
  const narrowed = f.q.trim() !== '' || f.category !== null;
  const out = narrowed && f.status !== 'out' && view.matching.in > 0;
  const back = f.status === 'out' && view.matching.out > 0;
  if (!out && !back) return null;
  return (
    <div class={out ? 'bulk-bar' : 'bulk-bar bulk-bar-in'}>
      {out ? (
        <>
          <span class="small muted">{m.vendors.bulkOutHint}</span>
          <a href={listHref(`${base}/screen`, { ...f, status: 'all' })} class="button button-small button-danger">{m.vendors.bulkOut(view.matching.in)}</a>
        </>
      ) : null}
      {back ? (
        <>
          <span class="small muted">{m.vendors.bulkInHint}</span>
          <a href={listHref(`${base}/screen-in`, { ...f, status: 'all' })} class="button button-small">{m.vendors.bulkIn(view.matching.out)}</a>
        </>
      ) : null}
    </div>
  );
}

/**
 * One page of the longlist with its result line, bulk actions and pager. It is also the htmx swap
 * target of the filters and the pager (id `vendor-list`), so the full page and the live search
 * render the same markup.
 */
export function VendorList({ view, base, canEdit, frozen }: VendorsTableProps) {
  const f = view.filter;
  const filtered = f.q.trim() !== '' || f.category !== null || f.status !== 'all';
  const q = f.q.trim();
  return (
    <div id="vendor-list">
      {filtered ? (
        <p class="muted result-line" role="status">
          {view.count === 0
            ? q && f.category === null && f.status === 'all' ? m.vendors.noMatches(q) : m.vendors.noneFiltered
            : q && f.category === null && f.status === 'all' ? m.vendors.matches(view.count, view.total, q) : m.vendors.filtered(view.count, view.total)}{' '}
          <a href={base}>{m.vendors.clearSearch}</a>
        </p>
      ) : null}
      {canEdit ? <BulkActions view={view} base={base} /> : null}
      {view.rows.length === 0 ? null : (
        <DataTable class="vendor-table" columns={columns(canEdit)}>
          {view.rows.map((v) => <VendorRow vendor={v} base={base} canEdit={canEdit} frozen={frozen} />)}
        </DataTable>
      )}
      <Pager view={view} base={base} />
    </div>
  );
}
