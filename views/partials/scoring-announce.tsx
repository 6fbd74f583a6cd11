import type { CellProps } from './score-cell.js';
import { m } from '../messages/index.js';

/**
 * The grid's live region (issue 16): it stays in the page while cells are swapped around it, so a
 * screen reader hears each save ("Saved 4 for Acme on Reporting. You have scored 5 of 40 cells.").
 * A swapped-in element is not reliably announced; text changed inside a region already there is.
 * Each save's htmx answer fills it out of band. A refused value is said by the cell's own alert.
 */
export function GridAnnouncer({ text, oob }: { text?: string; oob?: boolean }) {
  return <div id="grid-announcer" class="visually-hidden" aria-live="polite" aria-atomic="true" {...(oob ? { 'hx-swap-oob': 'innerHTML' } : {})}>{text ?? ''}</div>;
}

/** What a saved cell announces: its value as the cell shows it (or that it was cleared), then the counter. */
export function savedSentence(p: CellProps, done: number, total: number): string {
  const said = p.value === undefined ? m.a11y.cellCleared(p.vendorName, p.criterionName)
    : m.a11y.cellSaved(p.vendorName, p.criterionName, p.value === null ? (p.abstained ? m.a11y.abstained : m.scoring.na) : String(p.value));
  return `${said} ${m.scoring.progress(done, total)}`;
}
