import type { LonglistRecord } from '../domain/csv-longlist.js';

/**
 * A step of a longlist's records as one text and typed arrays, for the way from a pool thread to
 * the import (issue 15, promises 1 and 4). Cloned as objects, the 78,000 records of a 10 MB file
 * took 80 ms to write in the thread and as long to read on the event loop. Packed, every part is
 * moved, not copied. Each record's four text fields lie end to end in one text: field f of record
 * i ends at `ends[4 i + f]` (in UTF-16 units) and starts where the one before it ended. The text
 * goes as UTF-8 bytes: a string posted as a message is copied (a 10 MB one took 60–95 ms, most of
 * it on the loop), while bytes are moved. A text that is not well-formed UTF-16 (a lone surrogate,
 * which UTF-8 cannot carry) goes as a string.
 */
export interface PackedRecords {
  text: Uint8Array | string; ends: Int32Array; lines: Int32Array;
  /** Bits of the fields a record has: 1 website, 2 category, 4 description, 8 price (NaN: null). */
  has: Uint8Array; prices: Float64Array;
}

const FIELDS = ['website', 'category', 'description'] as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The records packed, and the buffers to move with them. */
export function packRecords(records: readonly LonglistRecord[]): { packed: PackedRecords; transfer: ArrayBuffer[] } {
  const n = records.length;
  const ends = new Int32Array(n * 4);
  const lines = new Int32Array(n);
  const has = new Uint8Array(n);
  const prices = new Float64Array(n);
  // A plain loop and `+=`: V8 joins the pieces as a rope, flattened once when it is encoded below
  // (a forEach per record and an array of pieces to join took 100–130 ms for 78,000 records).
  let text = '';
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    lines[i] = r.line;
    text += r.name;
    ends[i * 4] = text.length;
    let bits = 0;
    for (let k = 0; k < 3; k++) {
      const value = r[FIELDS[k]!];
      if (value !== undefined) {
        bits |= 1 << k;
        text += value;
      }
      ends[i * 4 + k + 1] = text.length;
    }
    if (r.price !== undefined) {
      bits |= 8;
      prices[i] = r.price ?? NaN;
    }
    has[i] = bits;
  }
  const transfer = [ends.buffer, lines.buffer, has.buffer, prices.buffer] as ArrayBuffer[];
  if (LONE_SURROGATE.test(text)) return { packed: { text, ends, lines, has, prices }, transfer };
  const bytes = new TextEncoder().encode(text);
  transfer.push(bytes.buffer as ArrayBuffer);
  return { packed: { text: bytes, ends, lines, has, prices }, transfer };
}

/** The records again, as objects. */
export function unpackRecords(p: PackedRecords): LonglistRecord[] {
  const n = p.lines.length;
  const text = typeof p.text === 'string' ? p.text : new TextDecoder().decode(p.text);
  const records = new Array<LonglistRecord>(n);
  const { ends, has, prices, lines } = p;
  // Indexes, not a helper closure per record: 78,000 closures were a fifth of the rebuild's time.
  for (let i = 0, start = 0; i < n; i++) {
    const e = i * 4;
    const r: LonglistRecord = { line: lines[i]!, name: text.slice(start, ends[e]!) };
    const bits = has[i]!;
    if (bits & 1) r.website = text.slice(ends[e]!, ends[e + 1]!);
    if (bits & 2) r.category = text.slice(ends[e + 1]!, ends[e + 2]!);
    if (bits & 4) r.description = text.slice(ends[e + 2]!, ends[e + 3]!);
    if (bits & 8) r.price = Number.isNaN(prices[i]!) ? null : prices[i]!;
    records[i] = r;
    start = ends[e + 3]!;
  }
  return records;
}
