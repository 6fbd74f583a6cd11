import { stringify } from 'csv-stringify/sync';
import { currentLocale } from '../i18n/current.js';
import { usesDecimalComma } from '../i18n/locales.js';

export type CsvCell = string | number | null | undefined;

/**
 * A CSV file as the reader's spreadsheet opens it (issue 16): where the language writes a decimal
 * comma (de, nl, pl) the separator is `;` and numbers are written `72,5`; elsewhere `,` and `72.5`.
 * No thousands grouping, so every number reads back the same (the longlist import takes both).
 * A BOM leads so Excel reads UTF-8; a cell starting with = + - @ is prefixed with ' so a
 * spreadsheet shows it as text instead of running it.
 */
export function localCsv(rows: readonly (readonly CsvCell[])[]): string {
  const comma = usesDecimalComma(currentLocale());
  const body = stringify(rows as CsvCell[][], {
    delimiter: comma ? ';' : ',',
    escape_formulas: true,
    cast: { number: (n: number) => (comma ? String(n).replace('.', ',') : String(n)) },
  });
  return `\uFEFF${body}`;
}
