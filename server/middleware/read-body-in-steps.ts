import { nextTurn } from '../next-turn.js';

/**
 * A large request body read into shared memory a piece at a time (issue 15, promise 1).
 * `c.req.arrayBuffer()` gathers the chunks with one Buffer.concat and copies the result into an
 * ArrayBuffer: two 10 MB copies in one turn of the event loop, measured at 70–110 ms of stall on
 * these machines (fresh pages fault in as they are written). Here each chunk is copied into one
 * SharedArrayBuffer as it arrives, yielding to the loop after every STEP bytes, and the result goes
 * to a pool thread without a copy (a SharedArrayBuffer is shared, not cloned, by postMessage).
 */

// About 1 MB per turn: a few ms of copying, so the loop answers others between steps.
const STEP = 1 << 20;
const FIRST = 64 * 1024;

/**
 * Reads `body` to its end. `expected` (a checked Content-Length) sizes the store up front; without
 * it the store doubles as the body grows. Callers limit the size first (limitBody).
 * @example const bytes = await readBodyInSteps(c.req.raw.body, Number(c.req.header('content-length')))
 */
export async function readBodyInSteps(body: ReadableStream<Uint8Array> | null, expected?: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const sized = expected !== undefined && Number.isSafeInteger(expected) && expected > 0;
  let store = new Uint8Array(new SharedArrayBuffer(sized ? expected : FIRST));
  let size = 0;
  let sinceYield = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > store.length) {
      const grown = new Uint8Array(new SharedArrayBuffer(Math.max(store.length * 2, size + value.byteLength)));
      grown.set(store.subarray(0, size));
      store = grown;
    }
    // A chunk bigger than a step (a body handed over whole) is copied a step at a time too.
    for (let at = 0; at < value.byteLength; at += STEP) {
      const piece = value.subarray(at, at + STEP);
      store.set(piece, size);
      size += piece.byteLength;
      sinceYield += piece.byteLength;
      if (sinceYield >= STEP) {
        sinceYield = 0;
        await nextTurn();
      }
    }
  }
  return store.subarray(0, size);
}
