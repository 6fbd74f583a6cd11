import { LonglistFormatError, openLonglist, type LonglistField, type LonglistRecord, type LonglistRejection } from '../domain/csv-longlist.js';
import { CsvDecodeError, decodeCsv } from '../domain/csv-decode.js';
import { nameKey } from '../../db/queries/vendors.js';
import { longlistText, rejectionsText } from '../longlist-text.js';

/** A longlist as text (a page upload, already read) or as the request's bytes and declared charset (the API). */
export type LonglistSource = { text: string } | { bytes: Uint8Array; charset: string | undefined };

/** Why the file as a whole cannot be imported: plain data, since an error's class does not survive a thread. */
export interface LonglistRefusal { code: string; message: string; field: string }

/** A step of checked lines: the records it gives and the lines it leaves out, their reasons phrased. */
export interface LonglistStepOf<R> { records: R; rejected: LonglistRejection[] }

/**
 * What reading a longlist says, in order: a refusal, or the head (once the whole file is read and
 * its header checked), then its lines a step at a time, then the end.
 */
export type LonglistMessage<R = LonglistRecord[]> =
  | { refused: LonglistRefusal }
  | { head: { fields: LonglistField[]; lines: number } }
  | { step: LonglistStepOf<R> }
  | { end: true };

/** Lines checked per step: a step's records are written in the turns it takes to check the next. */
const LONGLIST_STEP = 5000;

/**
 * Decodes and reads a longlist, telling `say` each message as it goes: the same in a pool thread
 * (longlist-thread.ts) and inline (longlist-job.ts). Text (the refusal, each rejected line's reason)
 * is in the current language.
 */
export function readLonglistSource(source: LonglistSource, say: (m: LonglistMessage) => void, step = LONGLIST_STEP): void {
  let reader;
  try {
    const text = 'text' in source ? source.text : decodeCsv(source.bytes, source.charset);
    reader = openLonglist(text, nameKey);
  } catch (e) {
    if (e instanceof LonglistFormatError) return say({ refused: { code: 'validation_failed', message: longlistText(e.problem), field: e.field } });
    if (e instanceof CsvDecodeError) return say({ refused: { code: e.code, message: longlistText(e.problem), field: e.field } });
    throw e;
  }
  say({ head: { fields: reader.fields, lines: reader.lines } });
  for (let s = reader.next(step); s; s = reader.next(step)) say({ step: { records: s.records, rejected: rejectionsText(s.rejected) } });
  say({ end: true });
}
