import { m } from '../messages/index.js';

export interface CellProps {
  evaluationId: number; vendorId: number; vendorName: string; criterionId: number; criterionName: string;
  kind: 'scored' | 'must-have'; value: number | null | undefined; comment: string; version: number;
  scale: { min: number; max: number }; state?: 'saved' | 'error' | 'stale'; message?: string; raw?: string;
  /** Read-only: submitted, scoring closed, or excluded from this vendor. */
  locked?: boolean; abstained?: boolean;
}

const display = (v: number | null | undefined, abstained?: boolean) => (v === undefined ? '' : v === null ? (abstained ? 'abstain' : m.scoring.na) : String(v));

/** One grid cell; its form is what htmx swaps, since a bare <td> cannot be parsed outside a table. */
export function ScoreCell(p: CellProps) {
  return <td class="cell"><ScoreCellForm {...p} /></td>;
}

/** A cell the evaluator may not score (excluded from the vendor): says why instead of offering an input. */
export function ExcludedCell() {
  return <td class="cell cell-excluded" title={m.scoring.excludedCell}><span aria-label={m.scoring.excludedCell}>—</span></td>;
}

/**
 * A cell's tiny form that htmx posts on change and replaces with the answer. The same partial
 * renders the full grid and every htmx reply, so the two can never disagree.
 */
export function ScoreCellForm(p: CellProps) {
  const id = `cell-${p.vendorId}-${p.criterionId}`;
  const cls = ['cell-form', p.value !== undefined ? 'cell-filled' : '', p.state ? `state-${p.state}` : ''].filter(Boolean).join(' ');
  const label = m.scoring.scoreFor(p.vendorName, p.criterionName);
  const live = p.locked ? {} : { 'hx-post': `/evaluations/${p.evaluationId}/scoring/cell`, 'hx-trigger': 'change', 'hx-target': 'this', 'hx-swap': 'outerHTML' };
  return (
      <form method="post" action={`/evaluations/${p.evaluationId}/scoring/cell`} class={cls} id={id} {...live}>
        <input type="hidden" name="vendorId" value={String(p.vendorId)} />
        <input type="hidden" name="criterionId" value={String(p.criterionId)} />
        <input type="hidden" name="version" value={String(p.version)} />
        {p.kind === 'must-have' ? (
          <select name="value" class="score-input" aria-label={label} data-criterion={String(p.criterionId)} disabled={p.locked}>
            <option value="" selected={p.value === undefined}>{m.scoring.notScored}</option>
            <option value="1" selected={p.value === 1}>{m.scoring.pass}</option>
            <option value="0" selected={p.value === 0}>{m.scoring.fail}</option>
            <option value="n/a" selected={p.value === null}>{m.scoring.na}</option>
          </select>
        ) : (
          <input name="value" class="score-input" aria-label={label} value={p.raw ?? display(p.value, p.abstained)} inputmode="decimal" autocomplete="off" readonly={p.locked}
            placeholder={m.scoring.placeholder} data-criterion={String(p.criterionId)} aria-invalid={p.state === 'error' ? 'true' : undefined} />
        )}
        <details class="cell-comment">
          <summary title={m.scoring.comment} aria-label={m.scoring.commentFor(p.vendorName, p.criterionName)}>{p.comment ? '✎' : '+'}</summary>
          <textarea name="comment" rows={3} maxlength={2000} aria-label={m.scoring.commentFor(p.vendorName, p.criterionName)} readonly={p.locked}>{p.comment}</textarea>
        </details>
        {p.message ? <span class="cell-msg" role="alert">{p.message}</span> : null}
        {p.state === 'saved' ? <span class="cell-saved" role="status">{m.scoring.saved}</span> : null}
      </form>
  );
}
