import type { LonglistRecord } from '../domain/csv-longlist.js';
import type { LonglistParse } from './tasks.js';
import { nextTurn } from '../next-turn.js';

/**
 * A parsed longlist's records as one text and typed arrays, for the way back from a pool thread
 * (issue 15, promises 1 and 4). Cloned as objects, the 78,000 records of a 10 MB file took
 * 80 ms to write in the thread and as long to read on the event loop, in one go; now the typed
 * arrays are moved, the one string is copied whole, and the records are rebuilt a step at a time.
 * Each record's four text fields lie end to end in `text`: field f of record i ends at
 * `ends[4 i + f]` and starts where the one before it ended.
 */
interface PackedRecords {
  text: string; ends: Int32Array; lines: Int32Array;
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
  const p: PackedRecords = { text: '', ends: new Int32Array(n * 4), lines: new Int32Array(n), has: new Uint8Array(n), prices: new Float64Array(n) };
  // A plain loop and `+=`: V8 joins the pieces as a rope, flattened once when the text is posted
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
  p.text = text;
  return { packed: { ...parse, parsed: { ...rest, packedRecords: p } }, transfer: [p.ends.buffer, p.lines.buffer, p.has.buffer, p.prices.buffer] as ArrayBuffer[] };
}

export const isPackedParse = (x: unknown): x is PackedParse =>
  typeof x === 'object' && x !== null && 'parsed' in x && typeof (x as { parsed: unknown }).parsed === 'object' && 'packedRecords' in ((x as { parsed: object }).parsed ?? {});

/** The parse with its record objects again, rebuilt STEP records a turn. */
export async function unpackParse(parse: PackedParse): Promise<LonglistParse> {
  const { packedRecords: p, ...rest } = parse.parsed;
  const n = p.lines.length;
  const records = new Array<LonglistRecord>(n);
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % STEP === 0) await nextTurn();
    const start = i === 0 ? 0 : p.ends[i * 4 - 1]!;
    const r: LonglistRecord = { line: p.lines[i]!, name: p.text.slice(start, p.ends[i * 4]!) };
    FIELDS.forEach((f, k) => {
      if (p.has[i]! & (1 << k)) r[f] = p.text.slice(p.ends[i * 4 + k]!, p.ends[i * 4 + k + 1]!);
    });
    if (p.has[i]! & 8) r.price = Number.isNaN(p.prices[i]!) ? null : p.prices[i]!;
    records[i] = r;
  }
  return { ...parse, parsed: { ...rest, records } };
}
