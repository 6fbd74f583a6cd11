import type { Vendor } from '../../db/schema.js';
import { m } from '../messages/index.js';

const money = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A price as the table shows it: grouped digits, blank when unknown. */
export const formatPrice = (price: number | null): string => (price === null ? '' : money.format(price));

interface Props {
  vendors: readonly Vendor[];
  total: number;
  q: string;
  base: string;
  canEdit: boolean;
}

/**
 * The longlist table with the search result line. It is also the htmx swap target of the search
 * box (id `vendor-list`), so the full page and the live search render the same markup.
 */
export function VendorList({ vendors, total, q, base, canEdit }: Props) {
  return (
    <div id="vendor-list">
      {q ? (
        <p class="muted" role="status">
          {vendors.length === 0 ? m.vendors.noMatches(q) : m.vendors.matches(vendors.length, total, q)} <a href={base}>{m.vendors.clearSearch}</a>
        </p>
      ) : null}
      {vendors.length === 0 ? null : (
        <div class="table-wrap">
          <table class="table vendor-table">
            <thead>
              <tr>
                <th scope="col">{m.vendors.columns.name}</th>
                <th scope="col">{m.vendors.columns.category}</th>
                <th scope="col">{m.vendors.columns.description}</th>
                <th scope="col" class="num">{m.vendors.columns.price}</th>
                {canEdit ? <th scope="col"><span class="visually-hidden">{m.vendors.columns.actions}</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {vendors.map((v) => (
                <tr id={`vendor-${v.id}`}>
                  <th scope="row">
                    {v.website ? <a href={v.website} rel="noopener noreferrer" target="_blank">{v.name}</a> : v.name}
                  </th>
                  <td>{v.category}</td>
                  <td class="small">{v.description}</td>
                  <td class="num">{formatPrice(v.price)}</td>
                  {canEdit ? (
                    <td class="actions">
                      <a href={`${base}/${v.id}/edit`} class="button button-small" aria-label={m.vendors.editLabel(v.name)}>{m.edit}</a>
                      <a href={`${base}/${v.id}/delete`} class="button button-small button-danger" aria-label={m.vendors.removeLabel(v.name)}>{m.remove}</a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
