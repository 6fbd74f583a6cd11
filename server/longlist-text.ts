import type { LonglistProblem, LonglistRejection, LonglistRowRejection, RowProblem } from './domain/csv-longlist.js';
import { m } from '../views/messages/index.js';

/**
 * A longlist file's problem (a code and its values from domain/csv-*.ts) as a sentence in the
 * current language: in the heavy thread for the API, in the request for the import pages.
 */
export function longlistText(p: LonglistProblem): string {
  const t = m.errors.longlist;
  switch (p.code) {
    case 'duplicateColumn': return t.duplicateColumn(p.column);
    case 'unclosedQuote': return t.unclosedQuote(p.line);
    case 'notCsv': return t.notCsv(p.line === null ? 'no' : 'yes', p.line ?? 0, p.detail);
    case 'tooManyRows': return t.tooManyRows(p.max);
    case 'oneColumnPerField': return t.oneColumnPerField(p.field);
    case 'charset': return t.charset(p.charset);
    case 'encoding': return t.encoding(p.encoding);
    default: return t[p.code];
  }
}

/** Why a line is left out, as a sentence in the current language. */
export function rowProblemText(p: RowProblem): string {
  const t = m.errors.longlistRow;
  switch (p.code) {
    case 'tooManyFields': return t.tooManyFields(p.fields, p.header);
    case 'priceNotNumber': return t.priceNotNumber(p.value);
    case 'notWebsite': return t.notWebsite(p.value);
    case 'tooLong': return t.tooLong(p.field, p.max);
    case 'nameMissing': return t.nameMissing;
    case 'duplicateName': return t.duplicateName(p.name, p.first);
  }
}

/** The lines left out, each with its reason phrased: what the import answers. */
export const rejectionsText = (rows: readonly LonglistRowRejection[]): LonglistRejection[] => rows.map((r) => ({ line: r.line, error: rowProblemText(r.problem) }));
