import { nextTurn } from './next-turn.js';
import { textStream } from './text-stream.js';

/**
 * JSON text of `value`, byte for byte what `JSON.stringify(value, null, indent)` gives, made in
 * pieces with a turn of the event loop after every STEP elements of a long array (issue 15,
 * promise 1: one JSON.stringify of a 14,000-vendor ranking held the loop for over 100 ms). Objects
 * are walked so that their long arrays are found; everything else is stringified whole.
 * @example return c.body(jsonStream(body, 2), 200, { 'content-type': 'application/json; charset=utf-8' })
 */
export async function* jsonPieces(value: unknown, indent = 0): AsyncGenerator<string> {
  yield* piecesOf(value, indent, 0);
}

// About 1,000 ranking rows is 1–5 ms of stringify: small enough per turn, few enough turns.
const STEP = 1000;
/** The time a turn may take before it yields, looked at every CHECK_EVERY elements. */
const TURN_MS = 8;
const CHECK_EVERY = 50;
/** Past this many rows an answer is worth streaming (below it, one stringify is a few ms). */
export const BIG_ANSWER_ROWS = STEP;

const pad = (indent: number, depth: number) => (indent > 0 ? `\n${' '.repeat(indent * depth)}` : '');

/** What JSON.stringify does with `value` before looking at it: toJSON. */
function resolved(value: unknown, key: string): unknown {
  const v = value as { toJSON?: (key: string) => unknown } | null;
  return v !== null && typeof v === 'object' && typeof v.toJSON === 'function' ? v.toJSON(key) : value;
}

/** JSON.stringify's text for a value nested `depth` deep: its inner lines indented to that depth. */
function whole(value: unknown, indent: number, depth: number): string | undefined {
  const text = JSON.stringify(value, null, indent);
  return text === undefined || indent === 0 || depth === 0 ? text : text.replaceAll('\n', pad(indent, depth));
}

/** Skipped by JSON.stringify in an object (and written as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

async function* piecesOf(raw: unknown, indent: number, depth: number, key = ''): AsyncGenerator<string> {
  const value = resolved(raw, key);
  if (Array.isArray(value) && value.length > STEP) {
    yield '[';
    for (let i = 0; i < value.length;) {
      // Elements until the turn's budget is spent (at most STEP): a fixed 1,000 ranking rows took
      // 30–60 ms a turn on a loaded machine (issue 15, promise 1). The text is the same either way.
      const part: string[] = [];
      const until = performance.now() + TURN_MS;
      const end = Math.min(value.length, i + STEP);
      do {
        const item = resolved(value[i], String(i));
        part.push(`${i > 0 ? ',' : ''}${pad(indent, depth + 1)}${omitted(item) ? 'null' : whole(item, indent, depth + 1)}`);
        i++;
      } while (i < end && (i % CHECK_EVERY !== 0 || performance.now() < until));
      yield part.join('');
      await nextTurn();
    }
    yield `${pad(indent, depth)}]`;
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const text = whole(value, indent, depth);
    if (text !== undefined) yield text;
    return;
  }
  const entries = Object.entries(value).filter(([k, v]) => !omitted(resolved(v, k)));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [n, [k, v]] of entries.entries()) {
    yield `${n > 0 ? ',' : ''}${pad(indent, depth + 1)}${JSON.stringify(k)}:${indent > 0 ? ' ' : ''}`;
    yield* piecesOf(v, indent, depth + 1, k);
  }
  yield `${pad(indent, depth)}}`;
}

/** `jsonPieces` as a byte stream, for a response body. */
export const jsonStream = (value: unknown, indent = 0): ReadableStream<Uint8Array> => textStream(jsonPieces(value, indent));
