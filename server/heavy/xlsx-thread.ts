import type { MessagePort } from 'node:worker_threads';
import { Writable } from 'node:stream';
import { writeShortlistWorkbook } from '../exports/shortlist-xlsx.js';
import type { ReadableAuditRow } from '../read-models/audit-log.js';
import { rankInputs } from '../read-models/ranking.js';
import { workbookDataOf, type ShortlistWorkbookSource } from '../read-models/shortlist-workbook.js';

// The shortlist workbook written in a pool thread (issue 14, ADR 037): at the landscape scale the
// write takes seconds of CPU, and on a loaded machine every slice of it held the event loop for
// 100–700 ms however often it yielded. The thread ranks the source, writes the workbook, and sends
// the zip's bytes back over a MessagePort a few chunks at a time; the main thread only passes
// them on to the response (server/heavy/xlsx-job.ts).

/** The task a pool thread runs; `port` is transferred with it. */
export interface XlsxTask { kind: 'xlsx'; source: ShortlistWorkbookSource; hasAudit: boolean; port: MessagePort }

/** The audit columns the Audit sheet writes, as one row crosses the port. */
export type AuditLine = Pick<ReadableAuditRow, 'at' | 'actor_name' | 'action' | 'entity' | 'entity_id' | 'summary' | 'before' | 'after'>;

/** Thread → main. */
export type FromThread = { chunk: Uint8Array } | { wantAudit: true } | { end: true } | { error: string };
/** Main → thread. */
export type ToThread = { ack: true } | { audit: AuditLine[]; done: boolean } | { cancel: true };

/** Bytes gathered before one message: exceljs's zip hands out many small pieces. */
const CHUNK_BYTES = 256 * 1024;
/** Chunks sent and not yet taken by the response: what the writer may run ahead of a slow reader. */
const WINDOW = 4;

class Cancelled extends Error {
  constructor() { super('the download was cancelled'); }
}

/** The port as the thread uses it: sends, and waits for the main thread's acks and audit rows. */
function channel(port: MessagePort, stop: AbortController) {
  let unacked = 0;
  let cancelled = false;
  let onAck: (() => void) | null = null;
  let onAudit: ((m: { audit: AuditLine[]; done: boolean } | null) => void) | null = null;
  port.on('message', (m: ToThread) => {
    if ('cancel' in m) {
      cancelled = true;
      stop.abort(new Cancelled());
      onAudit?.(null);
    } else if ('ack' in m) unacked--;
    else onAudit?.(m);
    if (onAck && (cancelled || unacked < WINDOW)) { const go = onAck; onAck = null; go(); }
  });
  const send = (m: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  return {
    send,
    /** Sends a chunk once fewer than WINDOW are on their way; rejects once the reader has gone. */
    async chunk(bytes: Uint8Array): Promise<void> {
      if (!cancelled && unacked >= WINDOW) await new Promise<void>((resolve) => { onAck = resolve; });
      if (cancelled) throw new Cancelled();
      unacked++;
      send({ chunk: bytes }, [bytes.buffer as ArrayBuffer]);
    },
    /** The audit log's rows, asked for a batch at a time. */
    async *audit(): AsyncGenerator<ReadableAuditRow> {
      for (;;) {
        const batch = await new Promise<{ audit: AuditLine[]; done: boolean } | null>((resolve) => { onAudit = resolve; send({ wantAudit: true }); });
        onAudit = null;
        if (batch === null) throw new Cancelled();
        for (const row of batch.audit) yield row as ReadableAuditRow;
        if (batch.done) return;
      }
    },
  };
}

/** A sink that gathers the zip's bytes into CHUNK_BYTES pieces and sends each through the channel. */
function portSink(ch: ReturnType<typeof channel>): Writable {
  let parts: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    // A copy of its own: exceljs's buffers may share memory, and a transferred buffer leaves this thread.
    const bytes = new Uint8Array(Buffer.concat(parts, size));
    parts = [];
    size = 0;
    await ch.chunk(bytes);
  };
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk);
      size += chunk.length;
      if (size < CHUNK_BYTES) return done();
      flush().then(() => done(), done);
    },
    final(done) { flush().then(() => done(), done); },
  });
}

/** Runs in a pool thread: ranks the source, writes the workbook into the port; resolves when all is sent. */
export async function writeWorkbookInThread(task: XlsxTask): Promise<void> {
  const stop = new AbortController();
  const ch = channel(task.port, stop);
  try {
    const data = workbookDataOf(task.source, rankInputs(task.source.inputs), task.hasAudit ? ch.audit() : null);
    const sink = portSink(ch);
    const finished = new Promise<void>((resolve, reject) => sink.on('finish', resolve).on('error', reject));
    // A cancelled download fails the sink and the writer both; only the writer's error is reported.
    finished.catch(() => {});
    await writeShortlistWorkbook(data, sink, { signal: stop.signal });
    await finished;
    ch.send({ end: true });
  } catch (err) {
    if (!(err instanceof Cancelled) && !stop.signal.aborted) ch.send({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    // Not closed here: a close can drop messages still on their way. The main thread closes the
    // channel once it has read the end, an error or given up, which closes this side as well.
    task.port.unref();
  }
}
