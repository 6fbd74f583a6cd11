import { icu } from './icu.js';

/**
 * Words only assistive technology meets (issue 16, point 4): landmark names, the text behind
 * charts, and what live regions announce. Kept apart so the i18n work translates them like the rest.
 */
export const a11y = {
  /** The evaluation bar's landmark (its name and tabs). */
  evaluationBar: icu('Evaluation: {name}', (name: string) => ({ name })),
  skipToContent: 'Skip to content',
  /** The decision page's record card, whose sign-off heading sits under it. */
  decisionRecord: 'The decision on record',
  /** A table's column of buttons (its heading is read, not shown). */
  actionsColumn: 'Actions',
  /** The robustness table's bar column (the same interval as the figures beside it). */
  intervalColumn: 'Range as a bar',
  /** The ranking's contribution bars as a table: one row per vendor, one column per criterion. */
  contributionsTable: 'Contributions to each total, as a table',
  contributionsCaption: 'Points each top-level criterion adds to each vendor’s total',
  /** Rank vote: said after a ↑/↓ move; the script fills in the name and places. */
  rankMoved: '{name}: now {position} of {count}',
  /** Scoring grid: said after a cell's answer arrives. */
  cellSaved: icu('Saved {value} for {vendor} on {criterion}.', (vendor: string, criterion: string, value: string) => ({ vendor, criterion, value })),
  cellCleared: icu('Cleared the score for {vendor} on {criterion}.', (vendor: string, criterion: string) => ({ vendor, criterion })),
  abstained: 'an abstention',
} as const;
