import type { Child } from 'hono/jsx';

/** One column heading: `class` goes on the `<th>` (e.g. `num` to right-align figures); `hidden` keeps the label for screen readers only. */
export interface Column { label: string; class?: string; hidden?: boolean }

/**
 * A scrollable table with a heading row built from column specs, so every list table reads the
 * same way. A column given as `null` or `false` is left out (e.g. actions for read-only viewers).
 */
export function DataTable({ class: cls, columns, children }: { class: string; columns: readonly (Column | null | false)[]; children?: Child }) {
  return (
    <div class="table-wrap">
      <table class={`table ${cls}`}>
        <thead>
          <tr>
            {columns.map((c) => (c ? <th scope="col" class={c.class}>{c.hidden ? <span class="visually-hidden">{c.label}</span> : c.label}</th> : null))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
