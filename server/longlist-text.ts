import type { LonglistProblem } from './domain/csv-longlist.js';
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
