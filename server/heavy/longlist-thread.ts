import type { MessagePort } from 'node:worker_threads';
import { readLonglistSource, type LonglistMessage, type LonglistSource } from './longlist-read.js';
import { packRecords, type PackedRecords } from './packed-records.js';

// A longlist read in a pool thread (issue 15, promises 1 and 4): the thread reads the whole file,
// then checks its lines a step at a time and sends each step's records over the task's port as it
// goes, packed and moved (packed-records.ts), so the import writes the first vendors while the
// thread checks the rest (longlist-job.ts).

/** The task a pool thread runs; `port` (and the upload's bytes) are transferred with it. */
export interface LonglistTask { kind: 'longlist'; source: LonglistSource; port: MessagePort }

/** Thread → main: the reader's messages, a step's records packed. */
export type LonglistFromThread = LonglistMessage<PackedRecords>;

export function readLonglistInThread({ source, port }: LonglistTask): void {
  readLonglistSource(source, (m) => {
    if (!('step' in m)) return port.postMessage(m satisfies LonglistFromThread);
    const { packed, transfer } = packRecords(m.step.records);
    port.postMessage({ step: { records: packed, rejected: m.step.rejected } } satisfies LonglistFromThread, transfer);
  });
}
