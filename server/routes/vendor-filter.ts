import type { VendorFilter, ScreenStatus } from '../../db/queries/vendor-search.js';
import { NO_CATEGORY_PARAM } from '../../views/partials/vendors-filters.js';

/** The longlist's page size: a page never renders more rows than this. */
export const VENDOR_PAGE_SIZE = 50;

const STATUSES: readonly ScreenStatus[] = ['in', 'out', 'all'];

/**
 * The longlist filter from query or form values, each capped; anything unknown falls back to "no
 * filter" rather than an error, since these come from links people share and edit.
 */
export function parseVendorFilter(get: (name: string) => string | undefined): VendorFilter {
  const q = (get('q') ?? '').slice(0, 160);
  const rawCategory = (get('category') ?? '').slice(0, 80);
  const category = rawCategory === '' ? null : rawCategory === NO_CATEGORY_PARAM ? '' : rawCategory;
  const status = get('status') ?? '';
  return { q, category, status: (STATUSES as readonly string[]).includes(status) ? (status as ScreenStatus) : 'all' };
}

/** A 1-based page number from the query; anything else is page 1. */
export function parsePage(raw: string | undefined): number {
  const n = /^\d{1,7}$/.test(raw ?? '') ? Number(raw) : 1;
  return Math.max(1, n);
}
