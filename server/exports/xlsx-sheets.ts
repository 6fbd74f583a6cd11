import { m } from '../../views/messages/index.js';

export type SheetKey = 'shortlist' | 'scores' | 'weights' | 'working' | 'votes' | 'audit';
/** The workbook's sheets in order. */
export const SHEETS: readonly SheetKey[] = ['shortlist', 'scores', 'weights', 'working', 'votes', 'audit'];

/**
 * A sheet name Excel accepts: none of []:*?/\, no apostrophe at either end, at most 31 characters
 * (a translation could break any of these, and Excel refuses the whole file then).
 */
export function safeSheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return clean === '' ? 'Sheet' : clean;
}

/**
 * How a formula names a sheet: as it is when it is plain ASCII letters and cannot be read as a
 * column (`AB`), else quoted (`'Lista krótka'!B2`, a quote inside doubled), as Excel and
 * LibreOffice both read it.
 */
export function sheetRef(name: string): string {
  return /^[A-Za-z]{4,}$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The sheet names in the current language (made distinct should two translate alike). */
export function sheetNames(): Record<SheetKey, string> {
  const t = m.exports.workbook.sheets;
  const seen = new Set<string>();
  const out = {} as Record<SheetKey, string>;
  SHEETS.forEach((k, i) => {
    let name = safeSheetName(t[k]);
    if (seen.has(name.toLowerCase())) name = `${name.slice(0, 28)} ${i + 1}`;
    seen.add(name.toLowerCase());
    out[k] = name;
  });
  return out;
}
