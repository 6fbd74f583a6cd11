import type { LonglistProblem } from './csv-longlist.js';

/**
 * An uploaded CSV's bytes → text. Pure, so it runs in the heavy pool beside the parse (ADR 017):
 * decoding 10 MB holds a thread for tens of milliseconds. A refusal is a CsvDecodeError naming the
 * part at fault (`content-type` or `file`), which the service turns into API.md's 400.
 */
export class CsvDecodeError extends Error {
  constructor(readonly code: 'unsupported_charset' | 'invalid_encoding', readonly problem: LonglistProblem, readonly field: 'content-type' | 'file') {
    super(problem.code);
    this.name = 'CsvDecodeError';
  }
}

/**
 * UTF-8 (with or without BOM) unless `declared` (the Content-Type's charset) names another one the
 * runtime knows (e.g. windows-1252 from an old Excel, utf-16) or the file starts with a UTF-16
 * byte-order mark; bytes that are not valid in it are refused rather than silently turned into
 * replacement characters, and so is a binary file.
 */
export function decodeCsv(bytes: Uint8Array, declared: string | undefined): string {
  // Excel's "Unicode text" is UTF-16 with a byte-order mark; the mark says what the header did not.
  const charset = declared ?? (bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8');
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new CsvDecodeError('unsupported_charset', { code: 'charset', charset: charset.slice(0, 40) }, 'content-type');
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new CsvDecodeError('invalid_encoding', { code: 'encoding', encoding: decoder.encoding.toUpperCase() }, 'file');
  }
  // A NUL never appears in a text file: this is a binary file (a spreadsheet, an image) sent as CSV.
  if (text.includes('\0')) throw new CsvDecodeError('invalid_encoding', { code: 'binary' }, 'file');
  return text;
}
