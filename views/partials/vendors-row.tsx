import type { Vendor } from '../../db/schema.js';
import { m } from '../messages/index.js';
import { REASON_MAX } from '../../server/schemas/screening.js';
import { num } from '../format.js';

/** A price as the table shows it: grouped digits in the reader's language, blank when unknown. */
export const formatPrice = (price: number | null): string => (price === null ? '' : num(price, 2));

interface VendorRowProps {
  vendor: Vendor;
  base: string;
  canEdit: boolean;
  /** Scoring has opened: no delete; a vendor is withdrawn (on its edit page) instead. */
  frozen?: boolean | undefined;
  /** A refused screen-out reason: the form opens again with this message. */
  error?: string | undefined;
}

/** Screen out (with a reason, in a disclosure) or bring back; htmx swaps just this row, plain forms redirect. */
function ScreenAction({ vendor, base, error }: { vendor: Vendor; base: string; error?: string | undefined }) {
  const row = { 'hx-target': 'closest tr', 'hx-swap': 'outerHTML' };
  if (vendor.screened_out !== null) {
    return (
      <form method="post" action={`${base}/${vendor.id}/screen-in`} hx-post={`${base}/${vendor.id}/screen-in`} {...row}>
        <button type="submit" class="button button-small" aria-label={m.vendors.screenInLabel(vendor.name)}>{m.vendors.screenInButton}</button>
      </form>
    );
  }
  return (
    <details class="screen-menu" open={error !== undefined}>
      <summary class="button button-small" aria-label={m.vendors.screenOutLabel(vendor.name)}>{m.vendors.screenOutSummary}</summary>
      <form method="post" action={`${base}/${vendor.id}/screen-out`} hx-post={`${base}/${vendor.id}/screen-out`} class="screen-pop" {...row}>
        <label for={`reason-${vendor.id}`}>{m.vendors.reasonLabel}</label>
        <input id={`reason-${vendor.id}`} name="reason" required maxlength={REASON_MAX} placeholder={m.vendors.reasonPlaceholder} autocomplete="off" aria-invalid={error ? 'true' : undefined} />
        {error ? <p class="error-text" role="alert">{error}</p> : null}
        <button type="submit" class="button button-small button-danger">{m.vendors.screenOutButton}</button>
      </form>
    </details>
  );
}

/**
 * One longlist row. The same markup serves the full list and the htmx swap after screening a
 * single vendor out or back in; a screened-out row keeps its place and shows the reason.
 */
export function VendorRow({ vendor: v, base, canEdit, frozen, error }: VendorRowProps) {
  const out = v.screened_out !== null;
  const withdrawn = v.withdrawn_at !== null;
  return (
    <tr id={`vendor-${v.id}`} class={out ? 'row-out' : undefined}>
      <th scope="row">
        {v.website ? <a href={v.website} rel="noopener noreferrer" target="_blank">{v.name}</a> : v.name}
      </th>
      <td data-label={m.vendors.columns.category}>{v.category}</td>
      <td class="small desc" data-label={m.vendors.columns.description}>{v.description ? <span class="clamp" title={v.description.length > 140 ? v.description : undefined}>{v.description}</span> : null}</td>
      <td class="num" data-label={m.vendors.columns.price}>{formatPrice(v.price)}</td>
      <td class={out ? 'screening' : 'screening screening-in'} data-label={m.vendors.columns.screening}>
        {withdrawn ? (
          <><span class="badge badge-warn">{m.guards.withdrawnBadge}</span> <span class="small reason">{v.withdrawn_reason}</span></>
        ) : out ? (
          <>
            <span class="badge badge-out">{m.vendors.screenedBadge}</span> <span class="small reason">{v.screened_out}</span>
          </>
        ) : (
          <span class="muted small">{m.vendors.inRunning}</span>
        )}
      </td>
      {canEdit ? (
        <td class="actions">
          <ScreenAction vendor={v} base={base} error={error} />
          <a href={`${base}/${v.id}/edit`} class="button button-small" aria-label={m.editLabel(v.name)}>{m.edit}</a>
          {frozen
            ? withdrawn ? null : <a href={`${base}/${v.id}/edit#withdraw`} class="button button-small" aria-label={`${m.guards.withdraw} ${v.name}`}>{m.guards.withdraw}</a>
            : <a href={`${base}/${v.id}/delete`} class="button button-small button-danger" aria-label={m.vendors.removeLabel(v.name)}>{m.remove}</a>}
        </td>
      ) : null}
    </tr>
  );
}
