/**
 * An uploaded CSV's bytes → text. Pure, so it runs in the heavy pool beside the parse (ADR 017):
 * decoding 10 MB holds a thread for tens of milliseconds. A refusal is a CsvDecodeError naming the
 * part at fault (`content-type` or `file`), which the service turns into API.md's 400.
 */
export class CsvDecodeError extends Error {
  constructor(readonly code: 'unsupported_charset' | 'invalid_encoding', message: string, readonly field: 'content-type' | 'file') {
    super(message);
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
    throw new CsvDecodeError('unsupported_charset', `The charset "${charset.slice(0, 40)}" is not supported; send the file as UTF-8.`, 'content-type');
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new CsvDecodeError('invalid_encoding', `The file is not valid ${decoder.encoding.toUpperCase()}; save it as "CSV UTF-8" and try again.`, 'file');
  }
  // A NUL never appears in a text file: this is a binary file (a spreadsheet, an image) sent as CSV.
  if (text.includes('\0')) throw new CsvDecodeError('invalid_encoding', 'The file is binary, not CSV text; export it from the spreadsheet as "CSV UTF-8".', 'file');
  return text;
}
