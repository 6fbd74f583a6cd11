import { parse } from 'csv-parse/sync';
import { detectSeparator, LonglistFormatError, mapHeader, type LonglistField, type LonglistProblem } from './csv-longlist.js';

/**
 * The on-screen column mapping of the longlist import: a preview of a file's header and first rows
 * with a guessed mapping, and the header rewrite that makes parseLonglist read the file the way the
 * person mapped it. Pure: text in, text out.
 */

export const LONGLIST_FIELDS: readonly LonglistField[] = ['name', 'website', 'category', 'description', 'price'];

/** One file column → the vendor field it fills, or null to ignore the column. */
export type ColumnMapping = (LonglistField | null)[];

export interface CsvPreview {
  separator: ',' | ';' | '\t';
  /** The header row's titles, as written. */
  header: string[];
  /** Up to `rows` data rows after the header (blank ones skipped), each cut or padded to the header's width. */
  rows: string[][];
  /** What each column maps to by default: csv-longlist's aliases, first column of a field wins. */
  guess: ColumnMapping;
  /** Lines in the file (newlines inside quoted cells included): an upper bound on its vendors, for the page. */
  lines: number;
}

/** One newline convention, no BOM: what parseLonglist does first, so offsets agree with it. */
function normalise(input: string): string {
  const unmarked = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
}

/**
 * Where the record starting at `start` ends: the index of its terminating newline (or the text's
 * length). Quotes open only at the start of a cell and `""` is an escaped quote, as csv-parse reads
 * them with relax_quotes.
 */
function recordEnd(text: string, start: number, separator: string): number {
  let quoted = false;
  let cellStart = true;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '\n') return i;
    if (ch === '"' && cellStart) quoted = true;
    cellStart = ch === separator;
  }
  return text.length;
}

function cellsOf(record: string, separator: string): string[] {
  if (record === '') return [''];
  try {
    return (parse(record, { delimiter: separator, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [''];
  } catch {
    throw new LonglistFormatError({ code: 'startNotCsv' });
  }
}

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The header record: where it starts and ends, its separator and titles, and the newlines before its end. */
function findHeader(text: string) {
  let start = 0;
  for (;;) {
    if (start >= text.length) throw new LonglistFormatError({ code: 'noHeader' });
    // The separator is judged on the header line itself, as parseLonglist judges it on the first line.
    const separator = detectSeparator(text.slice(start));
    const end = recordEnd(text, start, separator);
    const cells = cellsOf(text.slice(start, end), separator);
    if (!blank(cells)) return { start, end, separator, cells };
    start = end + 1;
  }
}

/** Default mapping from header titles: each title through csv-longlist's aliases; a repeated field maps once. */
export function guessMapping(titles: readonly string[]): ColumnMapping {
  const seen = new Set<LonglistField>();
  return titles.map((t) => {
    const f = mapHeader([t])[0];
    if (f === undefined || seen.has(f)) return null;
    seen.add(f);
    return f;
  });
}

/**
 * The header, the first `rows` data rows and the guessed mapping of a longlist file. Only the
 * start of the file is parsed, so a 10 MB file previews in a moment.
 * @example previewCsv('Company;Cost\nAcme;12\n').guess // ['name', 'price']
 */
export function previewCsv(input: string, rows = 5): CsvPreview {
  const text = normalise(input);
  if (text.trim() === '') throw new LonglistFormatError({ code: 'emptyPreview' });
  const head = findHeader(text);
  const width = head.cells.length;
  const body: string[][] = [];
  let at = head.end + 1;
  while (body.length < rows && at < text.length) {
    const end = recordEnd(text, at, head.separator);
    const cells = cellsOf(text.slice(at, end), head.separator);
    if (!blank(cells)) body.push(Array.from({ length: width }, (_, i) => cells[i] ?? ''));
    at = end + 1;
  }
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) lines++;
  return { separator: head.separator, header: head.cells, rows: body, guess: guessMapping(head.cells), lines };
}

/** Why a mapping cannot be imported, or null when it can: one name column, no field twice. */
export function mappingProblem(mapping: ColumnMapping, width: number): LonglistProblem | null {
  if (mapping.length !== width) return { code: 'mappingMismatch' };
  const names = mapping.filter((f) => f === 'name').length;
  if (names === 0) return { code: 'chooseNameColumn' };
  for (const f of LONGLIST_FIELDS) {
    if (mapping.filter((x) => x === f).length > 1) return { code: 'oneColumnPerField', field: f };
  }
  return null;
}

const quoteCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The file with its header row replaced by the mapped field names (ignored columns get an empty
 * title), so parseLonglist reads it as mapped. Line numbers stay those of the original file: the
 * newlines the old header and any blank lines above it spanned are kept inside the first title's
 * quotes, which parseLonglist trims away.
 * @example applyMapping('Firm,Notes\nAcme,x\n', ['name', null]) // '"name",""\nAcme,x\n'
 */
export function applyMapping(input: string, mapping: ColumnMapping): string {
  const text = normalise(input);
  const head = findHeader(text);
  const problem = mappingProblem(mapping, head.cells.length);
  if (problem) throw new LonglistFormatError(problem, 'mapping');
  let newlines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < head.end; i = text.indexOf('\n', i + 1)) newlines++;
  const titles: string[] = mapping.map((f) => f ?? '');
  titles[0] = `${titles[0]}${'\n'.repeat(newlines)}`;
  return `${titles.map(quoteCell).join(head.separator)}${text.slice(head.end)}`;
}
