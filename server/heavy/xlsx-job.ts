import { nextTurn } from '../next-turn.js';
import { PassThrough, Readable } from 'node:stream';
import { MessageChannel } from 'node:worker_threads';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { ReadableAuditRow } from '../read-models/audit-log.js';
import { rankOffLoop } from '../read-models/ranking.js';
import { shortlistWorkbookSource, workbookDataOf, type ShortlistWorkbookSource } from '../read-models/shortlist-workbook.js';
import { inlineBelow } from './config.js';
import { holdTeamSlot, poolRefusal } from './jobs.js';
import { poolEnabled, runWithPort } from './pool.js';
import type { AuditLine, FromThread, ToThread, XlsxTask } from './xlsx-thread.js';

/** Audit rows sent to the thread per request, read AUDIT_YIELD at a time between turns of the event loop. */
const AUDIT_BATCH = 500;
const AUDIT_YIELD = 100;
/** The same bounds in characters of text (issue 15, promise 1: the landscape's 525 score-batch entries are 62 MB of JSON). */
const AUDIT_BATCH_CHARS = 1024 * 1024;
const AUDIT_YIELD_CHARS = 256 * 1024;
const lineChars = (l: AuditLine): number => (l.before?.length ?? 0) + (l.after?.length ?? 0) + l.summary.length;

const auditLine = (e: ReadableAuditRow): AuditLine => ({ at: e.at, actor_name: e.actor_name, action: e.action, entity: e.entity, entity_id: e.entity_id, summary: e.summary, before: e.before, after: e.after });

/**
 * The workbook written in a pool thread (xlsx-thread.ts), as a byte stream. It resolves once the
 * thread has sent its first bytes, so a refusal (the team's cap, a full pool: 429) or a failure
 * before any byte is a clean status rather than a broken download. The thread waits while the
 * reader is behind (a window of a few chunks): a slow client slows the writer, not memory.
 */
async function writtenInPool(a: Actor, source: ShortlistWorkbookSource, audit: AsyncIterable<ReadableAuditRow> | null): Promise<Readable> {
  const release = holdTeamSlot(a);
  const { port1: port, port2 } = new MessageChannel();
  const rows = audit?.[Symbol.asyncIterator]();
  let owed = 0;
  let ended = false;
  const send = (m: ToThread) => { if (!ended) port.postMessage(m); };
  const finish = () => {
    if (ended) return;
    ended = true;
    port.close();
    void rows?.return?.();
    release();
  };
  const out = new Readable({
    read() { for (; owed > 0; owed--) send({ ack: true }); },
    destroy(err, done) {
      send({ cancel: true });
      finish();
      done(err);
    },
  });
  let begun = false;
  let settle: (err?: unknown) => void = () => {};
  const first = new Promise<void>((resolve, reject) => { settle = (err) => (err === undefined ? resolve() : reject(err)); });
  const started = () => { begun = true; settle(); };
  // Before the first byte the caller gets the error (and nobody listens to the stream yet); after it, the download fails.
  const fail = (err: unknown) => {
    if (!begun) { settle(err); out.destroy(); return; }
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  };
  port.on('message', (m: FromThread) => {
    if ('chunk' in m) {
      started();
      if (out.destroyed) return;
      if (out.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength))) send({ ack: true });
      else owed++;
    } else if ('wantAudit' in m) {
      void nextAudit().then((batch) => send(batch), fail);
    } else if ('end' in m) {
      started();
      out.push(null);
      finish();
    } else fail(new Error(`shortlist workbook: ${m.error}`));
  });
  async function nextAudit(): Promise<ToThread> {
    const batch: AuditLine[] = [];
    let chars = 0;
    let sinceTurn = 0;
    // A batch is cloned to the thread in one postMessage: bounded by text too (a score batch's entry is 127,000 characters).
    while (rows && batch.length < AUDIT_BATCH && chars < AUDIT_BATCH_CHARS) {
      const r = await rows.next();
      if (r.done) return { audit: batch, done: true };
      const line = auditLine(r.value);
      batch.push(line);
      const size = lineChars(line);
      chars += size;
      sinceTurn += size;
      // The audit read resolves in microtasks (better-sqlite3 answers at once): let the loop run between pieces.
      if (batch.length % AUDIT_YIELD === 0 || sinceTurn >= AUDIT_YIELD_CHARS) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
    return { audit: batch, done: rows === undefined };
  }
  const task: XlsxTask = { kind: 'xlsx', source, hasAudit: rows !== undefined, port: port2 };
  // The task's own answer comes over piscina's channel and may overtake the last chunks on this
  // port: the end of the file is the thread's `end` message, never the task resolving.
  runWithPort(task).catch((err: unknown) => fail(poolRefusal(err)));
  await first;
  return out;
}

/** Vendors × criteria below which the workbook is written on the event loop: small files, a few ms. */
const inline = (source: ShortlistWorkbookSource): boolean =>
  !poolEnabled() || source.inputs.vendors.length * Math.max(1, source.inputs.nodes.length) < inlineBelow();

/**
 * The shortlist workbook of member `a` as a byte stream (issue 14, ADR 037): the data is loaded
 * (and the visibility rule applied, 403/404 included) before the first byte. A big evaluation is
 * ranked and written in a pool thread; a small one on the event loop, yielding between rows.
 */
export async function shortlistWorkbookStream(db: Db, a: Actor, trailer: (width: number) => string[][]): Promise<Readable> {
  const { source, audit } = await shortlistWorkbookSource(db, a, trailer);
  if (!inline(source)) return writtenInPool(a, source, audit);
  const data = workbookDataOf(source, await rankOffLoop(a, source.inputs), audit);
  const out = new PassThrough();
  // exceljs (27 MB resident) is loaded on the first small workbook, not at start: most processes never write one.
  import('../exports/shortlist-xlsx.js').then(({ writeShortlistWorkbook }) => writeShortlistWorkbook(data, out)).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
