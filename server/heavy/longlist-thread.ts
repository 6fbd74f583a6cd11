import type { MessagePort } from 'node:worker_threads';
import { readLonglistSource, type LonglistMessage, type LonglistSource } from './longlist-read.js';
import { packRecords, type PackedRecords } from './packed-records.js';

// A longlist read in a pool thread (issue 15, promises 1 and 4): the thread reads the whole file,
// then checks its lines a step at a time and sends each step's records over the task's port as it
// goes, packed and moved (packed-records.ts), so the import writes the first vendors while the
// thread checks the rest (longlist-job.ts).

/** The task a pool thread runs; `port` (and the upload's bytes) are transferred with it. */
export interface LonglistTask {
  kind: 'longlist'; source: LonglistSource; port: MessagePort;
  /** Set to 1 by the import when it no longer wants the lines (it failed, or gave up): checked between steps. */
  stop: Int32Array;
}

/** Thread → main: the reader's messages, a step's records packed. */
export type LonglistFromThread = LonglistMessage<PackedRecords>;

export function readLonglistInThread({ source, port, stop }: LonglistTask): void {
  readLonglistSource(source, (m) => {
    // An import that has failed wants no more lines: stop checking them (the thread is someone else's next).
    if (Atomics.load(stop, 0) === 1) throw new ReadingStopped();
    if (!('step' in m)) return port.postMessage(m satisfies LonglistFromThread);
    const { packed, transfer } = packRecords(m.step.records);
    port.postMessage({ step: { records: packed, rejected: m.step.rejected } } satisfies LonglistFromThread, transfer);
  });
}

/** The import stopped the reading; the pool thread's run ends with it (nobody is listening any more). */
export class ReadingStopped extends Error {
  constructor() { super('the import stopped reading its longlist'); }
}
