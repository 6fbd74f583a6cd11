import { MessageChannel } from 'node:worker_threads';
import type { Actor } from '../actor.js';
import type { LonglistField, LonglistRecord } from '../domain/csv-longlist.js';
import { inlineBelow } from './config.js';
import { holdTeamSlot, poolRefusal } from './jobs.js';
import { readLonglistSource, type LonglistMessage, type LonglistRefusal, type LonglistSource, type LonglistStepOf } from './longlist-read.js';
import type { LonglistFromThread, LonglistTask } from './longlist-thread.js';
import { unpackRecords } from './packed-records.js';
import { poolEnabled, runWithPort } from './pool.js';

/**
 * A longlist being read: refused as a whole, or its header's fields and count of lines, and its
 * checked lines as they come. Call `close` when done, whether or not every step was taken: it stops
 * the thread's reading and closes the port. The team's heavy-job slot is held while the thread
 * works, and given back when it has finished or stopped.
 */
export type LonglistReading =
  | ({ ok: false } & LonglistRefusal)
  | { ok: true; fields: LonglistField[]; lines: number; steps: AsyncIterable<LonglistStepOf<LonglistRecord[]>>; close: () => void };

/**
 * Reads an uploaded longlist: a small file inline, a big one in a pool thread under the team's
 * heavy-job cap (429 with Retry-After past it). It resolves once the whole file has been read and
 * its header checked (so a file that cannot be imported is refused before anything is written),
 * while the thread goes on checking lines: the import writes each step as it arrives.
 */
export async function readLonglist(a: Actor, source: LonglistSource): Promise<LonglistReading> {
  const size = 'text' in source ? source.text.length : source.bytes.length;
  // csv-parse reads about a character per cell visit's time: a 20 KB file parses in a millisecond.
  if (size < inlineBelow() || !poolEnabled()) return readInline(source);
  return readInPool(a, source);
}

function readInline(source: LonglistSource): Promise<LonglistReading> {
  const said: LonglistMessage[] = [];
  readLonglistSource(source, (m) => said.push(m), Infinity);
  return readingOf(async () => said.shift(), () => {});
}

/** The reading from its messages (`next` gives them in order), the first of which is the refusal or the head. */
async function readingOf(next: () => Promise<LonglistMessage | undefined>, close: () => void): Promise<LonglistReading> {
  const first = await next();
  if (!first || !('head' in first)) {
    close();
    if (first && 'refused' in first) return { ok: false, ...first.refused };
    throw new Error(`longlist reading began with ${JSON.stringify(first)}`);
  }
  async function* steps(): AsyncGenerator<LonglistStepOf<LonglistRecord[]>> {
    try {
      for (;;) {
        const m = await next();
        if (!m || 'end' in m) return;
        if (!('step' in m)) throw new Error(`longlist reading: ${JSON.stringify(m)} after the head`);
        yield m.step;
      }
    } finally {
      close();
    }
  }
  return { ok: true, fields: first.head.fields, lines: first.head.lines, steps: steps(), close };
}

function readInPool(a: Actor, source: LonglistSource): Promise<LonglistReading> {
  const release = holdTeamSlot(a);
  const { port1: port, port2 } = new MessageChannel();
  const stop = new Int32Array(new SharedArrayBuffer(4));
  // The thread's messages as they arrive, or its failure, handed out in order.
  const arrived: LonglistFromThread[] = [];
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const woken = () => { const w = wake; wake = null; w?.(); };
  const fail = (err: unknown) => {
    failure ??= err;
    woken();
  };
  port.on('message', (m: LonglistFromThread) => {
    arrived.push(m);
    woken();
  });
  // A message that cannot be read at all would otherwise be dropped, and its lines with it.
  port.on('messageerror', (err) => fail(err));
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    Atomics.store(stop, 0, 1);
    port.close();
  };
  const { bytes } = 'bytes' in source ? source : { bytes: null };
  // The uploaded bytes move to the thread (the caller keeps no use for them), unless they share a buffer (Node's Buffer pool).
  const transfer = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
  const task: LonglistTask = { kind: 'longlist', source, port: port2, stop };
  // The slot is the thread's: given back when its work ends, not when the import stops listening.
  runWithPort(task, transfer).then(release, (err: unknown) => {
    release();
    fail(poolRefusal(err));
  });
  const next = async (): Promise<LonglistMessage> => {
    while (arrived.length === 0) {
      if (failure !== null) throw failure;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
    const m = arrived.shift()!;
    // Rebuilt when taken, one step per turn of the import: a port hands over every message that has
    // queued in one go, so steps rebuilt as they arrived could add up to one long turn. A step that
    // cannot be rebuilt fails the reading (and so the import) here.
    return 'step' in m ? { step: { records: unpackRecords(m.step.records), rejected: m.step.rejected } } : m;
  };
  return readingOf(next, close).catch((err: unknown) => {
    close();
    throw err;
  });
}
