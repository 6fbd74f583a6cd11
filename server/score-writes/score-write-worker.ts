import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { AppError } from '../errors.js';
import { commitBatch, type BatchItem } from './score-batch.js';

// The writer thread (ADR 009): commits batches of single score writes on its own connection, so
// the SQLite work of a write runs beside the request handling of the next ones, on the other core.

/** What crosses back to the main thread: an outcome, with an error reduced to what rebuilds it. */
export type WireOutcome =
  | { ok: true; version: number }
  | { ok: false; app?: { status: number; code: string; message: string; fields?: Record<string, string> }; message: string };
export type WireReply = { id: number; outcomes: WireOutcome[] } | { id: number; failed: string };

const { path, synchronous } = workerData as { path: string; synchronous: number };
const sqlite = new SQLite(path);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
// The main connection's level (db/client.ts SYNCHRONOUS): FULL, so the batch's one commit is on disk before it is answered.
sqlite.pragma(`synchronous = ${synchronous}`);
// The checkpointer thread checkpoints (db/checkpointer.ts); commits here only append.
sqlite.pragma('wal_autocheckpoint = 0');

parentPort!.on('message', (m: { id: number; batch: BatchItem[] } | 'stop') => {
  if (m === 'stop') {
    sqlite.close();
    process.exit(0);
  }
  let reply: WireReply;
  try {
    reply = {
      id: m.id,
      outcomes: commitBatch(sqlite, m.batch).map((o): WireOutcome => {
        if (o.ok) return o;
        const e = o.error;
        return e instanceof AppError
          ? { ok: false, app: { status: e.status, code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) }, message: e.message }
          : { ok: false, message: e instanceof Error ? e.message : String(e) };
      }),
    };
  } catch (err) {
    reply = { id: m.id, failed: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
