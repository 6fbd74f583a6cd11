import { parse } from 'csv-parse/sync';

/**
 * A longlist CSV → vendor records and per-line rejections. Pure: no I/O; the service decides what
 * is new, changed or unchanged against the database.
 */

/** The vendor fields a longlist column can fill. */
export type LonglistField = 'name' | 'website' | 'category' | 'description' | 'price';

/** One accepted line. A field is absent when the file has no such column (or the row stops early): it is then left as it is. */
export interface LonglistRecord {
  /** 1-based line in the file where the record starts. */
  line: number;
  name: string;
  website?: string;
  category?: string;
  description?: string;
  price?: number | null;
}

/** Why one line cannot become a vendor, as a code and its values (phrased outside the domain, server/longlist-text.ts). */
export type RowProblem =
  | { code: 'tooManyFields'; fields: number; header: number }
  | { code: 'priceNotNumber' | 'notWebsite'; value: string }
  | { code: 'tooLong'; field: LonglistField; max: number }
  | { code: 'nameMissing' }
  | { code: 'duplicateName'; name: string; first: number };

/** A line left out, and why. */
export interface LonglistRowRejection { line: number; problem: RowProblem }
/** A line left out with its reason phrased for the reader: what the import answers. */
export interface LonglistRejection { line: number; error: string }

export interface ParsedLonglist {
  /** The vendor fields the header maps, in column order. */
  fields: LonglistField[];
  separator: ',' | ';' | '\t';
  records: LonglistRecord[];
  rejected: LonglistRowRejection[];
}

/**
 * Why a file as a whole cannot be read, as a code and its values: the sentence is made outside the
 * domain, in the reader's language (server/longlist-text.ts; issue 16).
 */
export type LonglistProblem =
  | { code: 'emptyFile' | 'emptyPreview' | 'noHeader' | 'needsName' | 'startNotCsv' | 'mappingMismatch' | 'chooseNameColumn' | 'binary' }
  | { code: 'duplicateColumn'; column: string }
  | { code: 'unclosedQuote'; line: number }
  | { code: 'notCsv'; line: number | null; detail: string }
  | { code: 'tooManyRows'; max: number }
  | { code: 'oneColumnPerField'; field: string }
  | { code: 'charset'; charset: string }
  | { code: 'encoding'; encoding: string };

/** The file as a whole cannot be read (no header, no name column, broken quoting): nothing is imported. */
export class LonglistFormatError extends Error {
  constructor(readonly problem: LonglistProblem, readonly field: string = 'file') {
    super(problem.code);
    this.name = 'LonglistFormatError';
  }
}

// Column titles as spreadsheets and landscape exports write them; matched after trimming and lower-casing.
const ALIASES: Record<string, LonglistField> = {
  name: 'name', vendor: 'name', 'vendor name': 'name', company: 'name', 'company name': 'name',
  website: 'website', url: 'website', homepage: 'website', 'web site': 'website', web: 'website',
  category: 'category', description: 'description', price: 'price',
};

/**
 * The most rows a longlist file may have (issue 15). The whole MarTech landscape is 14,000 vendors;
 * a file of a million short rows is a registry dump or an attack, and importing it took 15 s of a
 * shared event loop. Past this the file is refused as soon as the limit is read, before any row is
 * checked or written.
 */
export const LONGLIST_MAX_ROWS = 100_000;

/** Limits match the vendor API's schema, so an imported vendor could also have been typed in. */
const MAX = { name: 160, website: 300, category: 80, description: 2000 } as const;

/** The separator the header line uses most: `,` by default, `;` as European spreadsheets write, or a tab. */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Header titles → the vendor field of each column (undefined for columns that are ignored). */
export function mapHeader(titles: readonly string[]): (LonglistField | undefined)[] {
  const seen = new Set<LonglistField>();
  return titles.map((t) => {
    const f = ALIASES[t.trim().toLowerCase().replace(/\s+/g, ' ')];
    if (!f) return undefined;
    if (seen.has(f)) throw new LonglistFormatError({ code: 'duplicateColumn', column: f }, 'header');
    seen.add(f);
    return f;
  });
}

/**
 * A price as people type it: `1200`, `1200.50`, `1,200.50`, `1.200,50`, `€ 1 200`, `1200 EUR`.
 * A lone comma is a decimal mark in `;`-separated (European) files and a thousands mark otherwise.
 * Returns null for an empty cell and undefined for something that is not a price.
 */
export function parsePrice(raw: string, separator: string): number | null | undefined {
  let s = raw.trim();
  if (s === '') return null;
  // The common case, plain digits with an optional decimal point, skips the general rules below.
  if (/^\d{1,13}(?:\.\d+)?$/.test(s)) return Number(s);
  s = s.replace(/^(?:[€$£]|[A-Z]{3}\s)\s*/, '').replace(/\s*(?:[€$£]|\s[A-Z]{3})$/, '').replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return undefined;
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  let normal: string;
  if (dot >= 0 && comma >= 0) {
    // Both present: the later one is the decimal mark, the other groups thousands.
    const [group, decimal] = dot > comma ? [',', '.'] : ['.', ','];
    const [int, frac, ...rest] = s.split(decimal);
    if (rest.length > 0 || frac === undefined || !/^\d{1,3}(?:[.,]\d{3})*$/.test(int ?? '') || int?.includes(decimal)) return undefined;
    normal = `${(int ?? '').split(group).join('')}.${frac}`;
  } else if (comma >= 0) {
    if (separator === ';' && s.indexOf(',') === comma) normal = s.replace(',', '.');
    else if (/^\d{1,3}(?:,\d{3})+$/.test(s)) normal = s.replace(/,/g, '');
    else return undefined;
  } else if (dot >= 0 && s.indexOf('.') !== dot) {
    if (!/^\d{1,3}(?:\.\d{3})+$/.test(s)) return undefined;
    normal = s.replace(/\./g, '');
  } else {
    normal = s;
  }
  const n = Number(normal);
  return Number.isFinite(n) && n <= 1e13 ? n : undefined;
}

/** A web address, or undefined when it is not one. A bare domain (`acme.io`) gets `https://`. */
export function parseWebsite(raw: string): string | undefined {
  const s = raw.trim();
  if (s === '') return '';
  // Only web addresses: a javascript: or data: URL would become a live link on our pages.
  if (/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(s)) return s;
  if (/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i.test(s)) return `https://${s}`;
  return undefined;
}

/** Lines a record occupies in the file: one, plus each newline inside its (quoted) cells. */
function lineSpan(record: readonly string[]): number {
  let n = 1;
  for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

/** Where the quoted cell that never closes begins (only called once csv-parse has said so). */
function unclosedQuoteLine(text: string, separator: string): number {
  let line = 1;
  let openedAt = 1;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else { quoted = false; fieldStart = false; }
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"' && fieldStart) { quoted = true; openedAt = line; continue; }
    if (ch === '\n') line++;
    fieldStart = ch === separator || ch === '\n';
  }
  return openedAt;
}

/** Checks one row's cells; returns the record or the reason the line is rejected. */
function readRow(cells: readonly string[], columns: readonly (LonglistField | undefined)[], line: number, separator: string): LonglistRecord | RowProblem {
  const extra = cells.slice(columns.length).filter((c) => c.trim() !== '');
  if (extra.length > 0) return { code: 'tooManyFields', fields: cells.length, header: columns.length };
  const rec: LonglistRecord = { line, name: '' };
  for (let i = 0; i < columns.length; i++) {
    const field = columns[i];
    const raw = cells[i];
    // A row that stops early leaves the missing fields as they are.
    if (field === undefined || raw === undefined) continue;
    // Cells are kept as text as written: "=1+1" is a name, never a formula. Only a description keeps
    // its line breaks; in a one-line field any run of whitespace (a quoted newline too) is one space.
    const trimmed = raw.trim();
    const value = field === 'description' || !/[^\S ]|\s\s/.test(trimmed) ? trimmed : trimmed.replace(/\s+/g, ' ');
    if (field === 'price') {
      const price = parsePrice(value, separator);
      if (price === undefined) return { code: 'priceNotNumber', value: value.slice(0, 40) };
      rec.price = price;
    } else if (field === 'website') {
      const website = parseWebsite(value);
      if (website === undefined) return { code: 'notWebsite', value: value.slice(0, 60) };
      if (website.length > MAX.website) return { code: 'tooLong', field, max: MAX.website };
      rec.website = website;
    } else {
      if (value.length > MAX[field]) return { code: 'tooLong', field, max: MAX[field] };
      rec[field] = value;
    }
  }
  if (rec.name === '') return { code: 'nameMissing' };
  return rec;
}

/** One step of a longlist's lines checked: the records it gives and the lines it leaves out. */
export interface LonglistStep { records: LonglistRecord[]; rejected: LonglistRowRejection[] }

/**
 * A longlist whose file as a whole has been read (csv-parse, the row limit, the header), so that
 * everything that refuses the whole file is known; its lines are then checked a step at a time,
 * which lets an import write the first vendors while later lines are still being checked.
 */
export interface LonglistReader {
  /** The vendor fields the header maps, in column order. */
  fields: LonglistField[];
  separator: ',' | ';' | '\t';
  /** Lines below the header with something in them: what the records and rejections add up to. */
  lines: number;
  /** Checks up to `n` more lines; null once every line has been checked. */
  next(n: number): LonglistStep | null;
}

/**
 * Opens a longlist: reads the whole file and its header, throwing LonglistFormatError for a file
 * that cannot be imported at all; the lines are checked by the reader's `next`. The header row
 * needs a `name` column (case-insensitive); `website`, `category`, `description` and `price` are
 * optional and other columns are ignored. Lines that cannot become a vendor are rejected with their
 * 1-based line number; a later line with the same name key as an earlier one is rejected as a
 * duplicate.
 */
export function openLonglist(input: string, key: (name: string) => string = (n) => n.trim().toLowerCase()): LonglistReader {
  // One newline convention first: csv-parse counts a quoted CR LF as two lines, and descriptions keep plain \n.
  const unmarked = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  if (text.trim() === '') throw new LonglistFormatError({ code: 'emptyFile' });
  const separator = detectSeparator(text);
  let rows: string[][];
  try {
    // Blank lines stay in as records so that every record's line number can be counted (csv-parse's
    // own line info costs as much as the parse itself); they are skipped below.
    // `to` stops reading one record past the limit (the header, the rows, one more to know).
    rows = parse(text, { delimiter: separator, relax_quotes: true, relax_column_count: true, to: LONGLIST_MAX_ROWS + 2 });
  } catch (e) {
    const err = e as { code?: string; message?: string; lines?: number };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new LonglistFormatError({ code: 'unclosedQuote', line: unclosedQuoteLine(text, separator) });
    }
    throw new LonglistFormatError({ code: 'notCsv', line: typeof err.lines === 'number' ? err.lines : null, detail: String(err.message ?? 'unreadable').slice(0, 200) });
  }
  if (rows.length > LONGLIST_MAX_ROWS + 1) {
    throw new LonglistFormatError({ code: 'tooManyRows', max: LONGLIST_MAX_ROWS });
  }
  // Blank lines above the header are skipped, but they still count as lines.
  let start = 0;
  let next = 1;
  while (start < rows.length && isBlank(rows[start]!)) next += lineSpan(rows[start++]!);
  const header = rows[start];
  if (!header) throw new LonglistFormatError({ code: 'noHeader' });
  const columns = mapHeader(header);
  if (!columns.includes('name')) throw new LonglistFormatError({ code: 'needsName' }, 'header');

  let lines = 0;
  for (let i = start + 1; i < rows.length; i++) if (!isBlank(rows[i]!)) lines++;
  const firstLine = new Map<string, number>();
  // Newlines are \n by now, so a record spans one line plus one per newline inside its quoted cells.
  next += lineSpan(header);
  let at = start + 1;
  return {
    fields: columns.filter((c): c is LonglistField => c !== undefined),
    separator,
    lines,
    next(n) {
      if (at >= rows.length) return null;
      const step: LonglistStep = { records: [], rejected: [] };
      for (const end = Math.min(rows.length, at + n); at < end; at++) {
        const record = rows[at]!;
        const line = next;
        next += lineSpan(record);
        // A blank line, or a row of empty cells (";;;" as spreadsheets pad), is not an error.
        if (isBlank(record)) continue;
        const row = readRow(record, columns, line, separator);
        if ('code' in row) {
          step.rejected.push({ line, problem: row });
          continue;
        }
        const k = key(row.name);
        const first = firstLine.get(k);
        if (first !== undefined) {
          step.rejected.push({ line, problem: { code: 'duplicateName', name: row.name, first } });
          continue;
        }
        firstLine.set(k, line);
        step.records.push(row);
      }
      return step;
    },
  };
}

const isBlank = (record: readonly string[]): boolean => record.every((c) => c.trim() === '');

/**
 * Parses a longlist at once (openLonglist, every line checked).
 * @example parseLonglist('name;price\nAcme;1200,50\n').records // [{ line: 2, name: 'Acme', price: 1200.5 }]
 */
export function parseLonglist(input: string, key?: (name: string) => string): ParsedLonglist {
  const reader = openLonglist(input, key);
  const records: LonglistRecord[] = [];
  const rejected: LonglistRowRejection[] = [];
  for (let step = reader.next(Infinity); step; step = reader.next(Infinity)) {
    // Not push(...step.records): 100,000 arguments can overflow the stack.
    for (const r of step.records) records.push(r);
    for (const r of step.rejected) rejected.push(r);
  }
  return { fields: reader.fields, separator: reader.separator, records, rejected };
}
