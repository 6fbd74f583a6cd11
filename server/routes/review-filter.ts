import type { Disagreement } from '../domain/agreement.js';
import type { ReviewFilter, ReviewShow } from '../../views/partials/review-filter.js';

const SHOWS: readonly ReviewShow[] = ['all', 'open', 'resolved'];
const idOrBlank = (raw: string | undefined) => (/^[1-9]\d{0,14}$/.test(raw ?? '') ? (raw as string) : '');

/** Anything unknown falls back to "no filter" rather than an error: these come from links people share and edit. */
export function parseReviewFilter(get: (name: string) => string | undefined): ReviewFilter {
  const show = get('show') ?? '';
  return { criterion: idOrBlank(get('criterion')), vendor: idOrBlank(get('vendor')), show: (SHOWS as readonly string[]).includes(show) ? (show as ReviewShow) : 'all' };
}

/** The flagged cells that pass the filter, in the order given; `resolved` holds the `vendor:criterion` keys with a consensus. */
export function filterDisagreements(all: Disagreement[], f: ReviewFilter, resolved: Set<string>): Disagreement[] {
  return all.filter((d) => (f.criterion === '' || d.criterionId === f.criterion) && (f.vendor === '' || d.vendorId === f.vendor)
    && (f.show === 'all' || resolved.has(`${d.vendorId}:${d.criterionId}`) === (f.show === 'resolved')));
}
