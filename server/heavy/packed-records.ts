import type { LonglistRecord } from '../domain/csv-longlist.js';
import type { LonglistParse } from './tasks.js';
import { nextTurn } from '../next-turn.js';

/**
 * A parsed longlist's records as one text and typed arrays, for the way back from a pool thread
 * (issue 15, promises 1 and 4). Cloned as objects, the 78,000 records of a 10 MB file took
 * 80 ms to write in the thread and as long to read on the event loop, in one go. Now every part
 * is moved, not copied, and the records are rebuilt a step at a time. Each record's four text
 * fields lie end to end in one text: field f of record i ends at `ends[4 i + f]` (in UTF-16 units)
 * and starts where the one before it ended. The text goes as one piece per step of records, in
 * UTF-8 bytes: a 10 MB string posted as a message took 60–95 ms to copy, most of it on the loop,
 * while bytes are moved and each step's piece is decoded on its own turn (about 2 ms). A piece
 * that is not well-formed UTF-16 (a lone surrogate, which UTF-8 cannot carry) goes as a string.
 */
interface PackedRecords {
  pieces: (Uint8Array | string)[]; ends: Int32Array; lines: Int32Array;
  /** Bits of the fields a record has: 1 website, 2 category, 4 description, 8 price (NaN: null). */
  has: Uint8Array; prices: Float64Array;
}

export type PackedParse = Omit<Extract<LonglistParse, { ok: true }>, 'parsed'> & { parsed: Omit<Extract<LonglistParse, { ok: true }>['parsed'], 'records'> & { packedRecords: PackedRecords } };

/** Below this many records the clone is cheap and the parse goes back as it is. */
export const PACK_FROM = 2000;
/** Records rebuilt per turn of the loop. */
const STEP = 5000;

const FIELDS = ['website', 'category', 'description'] as const;

/** The parse with its records packed, and the buffers to move. */
export function packParse(parse: Extract<LonglistParse, { ok: true }>): { packed: PackedParse; transfer: ArrayBuffer[] } {
  const { records, ...rest } = parse.parsed;
  const n = records.length;
  const p: PackedRecords = { pieces: [], ends: new Int32Array(n * 4), lines: new Int32Array(n), has: new Uint8Array(n), prices: new Float64Array(n) };
  // A plain loop and `+=`: V8 joins the pieces as a rope, flattened once when it is sliced below
  // (a forEach per record and an array of 390,000 pieces to join took 100–130 ms for 78,000 records).
  let text = '';
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    p.lines[i] = r.line;
    text += r.name;
    p.ends[i * 4] = text.length;
    let has = 0;
    for (let k = 0; k < 3; k++) {
      const value = r[FIELDS[k]!];
      if (value !== undefined) {
        has |= 1 << k;
        text += value;
      }
      p.ends[i * 4 + k + 1] = text.length;
    }
    if (r.price !== undefined) {
      has |= 8;
      p.prices[i] = r.price ?? NaN;
    }
    p.has[i] = has;
  }
  const encoder = new TextEncoder();
  const transfer: ArrayBuffer[] = [p.ends.buffer, p.lines.buffer, p.has.buffer, p.prices.buffer] as ArrayBuffer[];
  for (let first = 0; first < n; first += STEP) {
    const piece = text.slice(startOf(p.ends, first), p.ends[Math.min(n, first + STEP) * 4 - 1]!);
    if (LONE_SURROGATE.test(piece)) p.pieces.push(piece);
    else {
      const bytes = encoder.encode(piece);
      p.pieces.push(bytes);
      transfer.push(bytes.buffer as ArrayBuffer);
    }
  }
  return { packed: { ...parse, parsed: { ...rest, packedRecords: p } }, transfer };
}

export const isPackedParse = (x: unknown): x is PackedParse =>
  typeof x === 'object' && x !== null && 'parsed' in x && typeof (x as { parsed: unknown }).parsed === 'object' && 'packedRecords' in ((x as { parsed: object }).parsed ?? {});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where record `i`'s text starts: where the record before it ended. */
const startOf = (ends: Int32Array, i: number): number => (i === 0 ? 0 : ends[i * 4 - 1]!);

/** The parse with its record objects again, rebuilt STEP records a turn. */
export async function unpackParse(parse: PackedParse): Promise<LonglistParse> {
  const { packedRecords: p, ...rest } = parse.parsed;
  const n = p.lines.length;
  const records = new Array<LonglistRecord>(n);
  const decoder = new TextDecoder();
  let text = '';
  let base = 0;
  for (let i = 0; i < n; i++) {
    if (i % STEP === 0) {
      if (i > 0) await nextTurn();
      const piece = p.pieces[i / STEP]!;
      text = typeof piece === 'string' ? piece : decoder.decode(piece);
      base = startOf(p.ends, i);
    }
    const at = (k: number) => p.ends[i * 4 + k]! - base;
    const r: LonglistRecord = { line: p.lines[i]!, name: text.slice(startOf(p.ends, i) - base, at(0)) };
    FIELDS.forEach((f, k) => {
      if (p.has[i]! & (1 << k)) r[f] = text.slice(at(k), at(k + 1));
    });
    if (p.has[i]! & 8) r.price = Number.isNaN(p.prices[i]!) ? null : p.prices[i]!;
    records[i] = r;
  }
  return { ...parse, parsed: { ...rest, records } };
}
