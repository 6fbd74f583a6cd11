import { html, raw } from 'hono/html';
import { m } from '../messages/index.js';

export interface CellProps {
  evaluationId: number; vendorId: number; vendorName: string; criterionId: number; criterionName: string;
  kind: 'scored' | 'must-have'; value: number | null | undefined; comment: string; version: number;
  scale: { min: number; max: number }; state?: 'saved' | 'error' | 'stale'; message?: string; raw?: string;
  /** Read-only: submitted, scoring closed, or excluded from this vendor. */
  locked?: boolean; abstained?: boolean;
}

const display = (v: number | null | undefined, abstained?: boolean) => (v === undefined ? '' : v === null ? (abstained ? m.scoring.abstainWord : m.scoring.na) : String(v));

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
  const cls = ['cell-form', p.value !== undefined ? 'cell-filled' : '', p.state ? `state-${p.state}` : ''].filter(Boolean).join(' ');
  const label = m.scoring.scoreFor(p.vendorName, p.criterionName);
  const commentLabel = m.scoring.commentFor(p.vendorName, p.criterionName);
  const action = `/evaluations/${p.evaluationId}/scoring/cell`;
  // The message sits in the cell (the cell grows), named by the input, so it covers no neighbour.
  const msgId = `cell-msg-${String(p.vendorId)}-${String(p.criterionId)}`;
  const described = p.message ? raw(` aria-describedby="${msgId}"`) : '';
  const invalid = p.state === 'error' ? raw(' aria-invalid="true"') : '';
  const live = p.locked ? '' : raw(` hx-post="${escapeAttr(action)}" hx-trigger="change" hx-target="this" hx-swap="outerHTML"`);
  const input = p.kind === 'must-have'
    ? html`<select name="value" class="score-input" aria-label="${label}" data-criterion="${String(p.criterionId)}"${described}${invalid}${p.locked ? raw(' disabled=""') : ''}><option value=""${p.value === undefined ? raw(' selected=""') : ''}>${m.scoring.notScored}</option><option value="1"${p.value === 1 ? raw(' selected=""') : ''}>${m.scoring.pass}</option><option value="0"${p.value === 0 ? raw(' selected=""') : ''}>${m.scoring.fail}</option><option value="n/a"${p.value === null ? raw(' selected=""') : ''}>${m.scoring.na}</option></select>`
    : html`<input name="value" class="score-input" aria-label="${label}" value="${p.raw ?? display(p.value, p.abstained)}" inputmode="decimal" autocomplete="off"${p.locked ? raw(' readonly=""') : ''} placeholder="${m.scoring.placeholder}" data-criterion="${String(p.criterionId)}"${described}${invalid}/>`;
  return html`<form method="post" action="${action}" class="${cls}" id="cell-${String(p.vendorId)}-${String(p.criterionId)}"${live}><input type="hidden" name="vendorId" value="${String(p.vendorId)}"/><input type="hidden" name="criterionId" value="${String(p.criterionId)}"/><input type="hidden" name="version" value="${String(p.version)}"/>${input}<details class="cell-comment"><summary tabindex="-1" title="${m.scoring.commentKey}" aria-label="${commentLabel}">${p.comment ? '✎' : '+'}</summary><textarea name="comment" rows="3" maxlength="2000" aria-label="${commentLabel}"${p.locked ? raw(' readonly=""') : ''}>${p.comment}</textarea></details>${p.message ? html`<span class="cell-msg" id="${msgId}" role="alert">${p.message}</span>` : ''}${p.state === 'saved' ? html`<span class="cell-saved" role="status">${m.scoring.saved}</span>` : ''}</form>`;
}
const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : '&#39;'));
