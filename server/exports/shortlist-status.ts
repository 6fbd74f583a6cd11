import type { ShortlistStatus } from '../domain/shortlist.js';
import { m } from '../../views/messages/index.js';

const KEY = { ranked: 'ranked', provisional: 'provisional', excluded: 'excluded', 'not yet scored': 'notScored', withdrawn: 'withdrawn' } as const;

/** A shortlist line's status as the CSV and XLSX say it, in the reader's language (the JSON keeps the code). */
export const statusWord = (status: ShortlistStatus): string => m.exports.statuses[KEY[status]];

/** The XLSX Shortlist sheet's status formula: provisional below full coverage, else ranked, in words. */
export const statusFormula = (coverageCell: string): string =>
  `IF(${coverageCell}<1-1E-9,"${statusWord('provisional').replaceAll('"', '""')}","${statusWord('ranked').replaceAll('"', '""')}")`;
