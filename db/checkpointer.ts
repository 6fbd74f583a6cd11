import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * Checkpoints the WAL from a worker thread (ADR 009). SQLite's automatic checkpoint runs inside
 * whichever commit crosses the threshold: that commit copies thousands of pages into the database
 * file and waits for an fsync, and on Node the whole event loop waits with it, so every request in
 * flight does too (the write bench's p99 was those pauses). Here a second connection, on its own
 * thread, runs a PASSIVE checkpoint every few milliseconds: it never blocks a writer or a reader,
 * and the main thread's commits only append to the WAL.
 */

// Plain CommonJS for `eval: true`, so the worker needs no TypeScript loader under tsx or vitest.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.path);
db.pragma('busy_timeout = 1000');
// The same synchronous level as the app's connection (FULL: a checkpoint fsyncs the database file).
db.pragma('synchronous = ' + workerData.synchronous);
let stopping = false;
parentPort.on('message', (m) => { if (m === 'stop') stopping = true; });
const tick = () => {
  if (stopping) { try { db.pragma('wal_checkpoint(PASSIVE)'); } finally { db.close(); process.exit(0); } }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { if (e.code !== 'SQLITE_BUSY') throw e; }
  setTimeout(tick, workerData.everyMs);
};
tick();
`;

export interface Checkpointer { stop(): Promise<void> }

/**
 * Starts checkpointing `path` in the background and turns off the automatic checkpoint of the
 * app's connection; if the worker ever fails, the automatic checkpoint comes back on.
 */
export function startCheckpointer(sqlite: SQLite.Database, path: string, everyMs = 20): Checkpointer {
  const worker = new Worker(WORKER, { eval: true, workerData: { path, everyMs, synchronous: Number(sqlite.pragma('synchronous', { simple: true })), driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  const fallBack = () => { if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000'); };
  worker.on('error', (err) => {
    console.error('WAL checkpointer stopped; SQLite checkpoints on commit again.', err);
    fallBack();
  });
  let exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: () => {
      worker.postMessage('stop');
      exited = exited.then(fallBack);
      return exited;
    },
  };
}
