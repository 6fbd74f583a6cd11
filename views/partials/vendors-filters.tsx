import type { VendorFacets, VendorFilter } from '../../db/queries/vendor-search.js';
import { m } from '../messages/index.js';

/** The `category` query value that selects vendors without a category. */
export const NO_CATEGORY_PARAM = '__none__';

/**
 * The longlist's address for a filter and page: blank filters and page 1 are left out, so the
 * plain list stays `/evaluations/:id/vendors`.
 * @example listHref('/evaluations/3/vendors', { q: 'zen', category: null, status: 'all' }, 2) // '/evaluations/3/vendors?q=zen&page=2'
 */
export function listHref(base: string, f: VendorFilter, page = 1, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.category !== null) params.set('category', f.category === '' ? NO_CATEGORY_PARAM : f.category);
  if (f.status !== 'all') params.set('status', f.status);
  if (page > 1) params.set('page', String(page));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/** The list's swap target and history behaviour, shared by every control that reloads it. */
const swap = { 'hx-get': '', 'hx-target': '#vendor-list', 'hx-swap': 'outerHTML', 'hx-include': 'closest form' };

/**
 * Search, category and screening status: a plain GET form (so it works without JavaScript) that
 * htmx upgrades to reload just the list as you type or choose. The counts are the evaluation's
 * own, so they never go stale while the list below changes.
 */
export function VendorFilters({ base, filter, facets }: { base: string; filter: VendorFilter; facets: VendorFacets }) {
  const on = { ...swap, 'hx-get': base };
  const statuses = [
    { value: 'all', label: m.vendors.statusAll(facets.total) },
    { value: 'in', label: m.vendors.statusIn(facets.in) },
    { value: 'out', label: m.vendors.statusOut(facets.out) },
  ] as const;
  return (
    <form method="get" action={base} class="filters" role="search" aria-label={m.vendors.filtersLabel}>
      <div class="filter-search">
        <label for="vendor-q" class="visually-hidden">{m.vendors.searchLabel}</label>
        <input
          id="vendor-q" type="search" name="q" value={filter.q} placeholder={m.vendors.searchPlaceholder} autocomplete="off" maxlength={160}
          {...on} hx-trigger="input changed delay:300ms, search" hx-replace-url="true"
        />
        <button type="submit" class="button">{m.vendors.searchButton}</button>
      </div>
      <div class="filter-category">
        <label for="vendor-category" class="visually-hidden">{m.vendors.categoryLabel}</label>
        <select id="vendor-category" name="category" {...on} hx-push-url="true">
          <option value="" selected={filter.category === null}>{m.vendors.anyCategory(facets.total)}</option>
          {facets.categories.map((c) => (
            <option value={c.category === '' ? NO_CATEGORY_PARAM : c.category} selected={filter.category === c.category}>
              {m.vendors.categoryOption(c.category === '' ? m.vendors.noCategory : c.category, c.n)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="status-switch" {...on} hx-trigger="change" hx-push-url="true">
        <legend class="visually-hidden">{m.vendors.statusLabel}</legend>
        {statuses.map((s) => (
          <label class={filter.status === s.value ? 'status-option status-option-on' : 'status-option'}>
            <input type="radio" name="status" value={s.value} checked={filter.status === s.value} /> {s.label}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
