import { m } from '../messages/index.js';

/** Which flagged cells the review page lists: all, those still without a consensus, or those with one. */
export type ReviewShow = 'all' | 'open' | 'resolved';

/** The review page's filter, from the query string (a GET form, so a filtered view is a link). */
export interface ReviewFilter { criterion: string; vendor: string; show: ReviewShow }

/** The review page's own address with this filter and page, leaving out what is at its default. */
export function reviewHref(evaluationId: number, f: ReviewFilter, page = 1): string {
  const q = new URLSearchParams();
  if (f.criterion) q.set('criterion', f.criterion);
  if (f.vendor) q.set('vendor', f.vendor);
  if (f.show !== 'all') q.set('show', f.show);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return `/evaluations/${evaluationId}/review${s ? `?${s}` : ''}`;
}

/** The criteria and vendors that have a flagged cell: the filter offers only choices that list something. */
export interface ReviewChoices { criteria: { id: string; name: string }[]; vendors: { id: string; name: string }[] }

/**
 * The review page's filter: a GET form, so it works without JavaScript and a filtered view is a
 * link; with htmx a change swaps only the results and puts the filter in the address bar.
 */
/** One filter: "any" first, then the items by name, the chosen one selected. */
function ChoiceSelect({ label, name, any, items, selected }: { label: string; name: string; any: string; items: readonly { id: string; name: string }[]; selected: string | undefined | null }) {
  return (
    <label>{label}
      <select name={name}>
        <option value="">{any}</option>
        {items.map((c) => <option value={c.id} selected={selected === c.id}>{c.name}</option>)}
      </select>
    </label>
  );
}

export function ReviewFilterForm({ evaluationId, filter, choices }: { evaluationId: number; filter: ReviewFilter; choices: ReviewChoices }) {
  const action = `/evaluations/${evaluationId}/review`;
  return (
    <form method="get" action={action} class="review-filter" role="search" aria-label={m.review.filterLabel}
      hx-get={action} hx-trigger="change, submit" hx-target="#review-results" hx-select="#review-results" hx-swap="outerHTML" hx-push-url="true">
      <ChoiceSelect label={m.review.criterion} name="criterion" any={m.review.anyCriterion} items={choices.criteria} selected={filter.criterion} />
      <ChoiceSelect label={m.review.vendor} name="vendor" any={m.review.anyVendor} items={choices.vendors} selected={filter.vendor} />
      <label>{m.review.showLabel}
        <select name="show">
          {(['all', 'open', 'resolved'] as const).map((k) => <option value={k} selected={filter.show === k}>{m.review.shows[k]}</option>)}
        </select>
      </label>
      <button type="submit" class="button button-small">{m.review.applyFilter}</button>
    </form>
  );
}
