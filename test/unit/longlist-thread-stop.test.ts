import type { MessagePort } from 'node:worker_threads';
import { expect, test } from 'vitest';
import { ReadingStopped, readLonglistInThread, type LonglistFromThread } from '../../server/heavy/longlist-thread.js';

// An import that fails or gives up sets the reading's stop flag (longlist-job.ts, close): the pool
// thread checks it between steps and stops checking lines, so the thread is free for the next job
// instead of reading the rest of a 100,000-line file for nobody.

const text = `name\n${Array.from({ length: 20_000 }, (_, i) => `Vendor ${i}`).join('\n')}\n`;

function run(stopAfter: 'head' | null) {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const posted: string[] = [];
  // The thread's side of the port, in this thread: what it posts, and the flag set as the import would.
  const port = {
    postMessage(m: LonglistFromThread) {
      posted.push(Object.keys(m)[0]!);
      if (stopAfter && stopAfter in m) Atomics.store(stop, 0, 1);
    },
  } as unknown as MessagePort;
  let error: unknown = null;
  try {
    readLonglistInThread({ kind: 'longlist', source: { text }, port, stop });
  } catch (e) {
    error = e;
  }
  return { posted, error };
}

test('left alone, the thread sends the head, every step and the end', () => {
  const { posted, error } = run(null);
  expect(error).toBeNull();
  expect(posted).toEqual(['head', 'step', 'step', 'step', 'step', 'end']);
});

test('stopped after the head, it sends no step and ends its run with ReadingStopped', () => {
  const { posted, error } = run('head');
  expect(posted).toEqual(['head']);
  expect(error).toBeInstanceOf(ReadingStopped);
});
