import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { onClose, sqliteOf, synchronousOf, type Db } from '../../db/client.js';
import { engineOf } from '../../db/dialect.js';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { commitBatch, type BatchItem, type Outcome, type ScoreInput } from './score-batch.js';
import type { WireReply } from './score-write-worker.js';
import { saveScorePg } from './score-writer-pg.js';
import { currentLocale } from '../i18n/current.js';
import type { Locale } from '../i18n/locales.js';

export type { ScoreInput } from './score-batch.js';


interface Pending { actor: Actor; input: ScoreInput; locale: Locale; resolve: (r: { version: number }) => void; reject: (e: unknown) => void }

/**
 * Group commit for single score writes (ADR 009). A panel scoring at once sends many small writes;
 * one SQLite transaction each would spend most of its time committing. Writes that arrive in the
 * same turn of the event loop are queued and committed together in one transaction, each inside
 * its own savepoint: a write that fails its checks rolls back alone and answers its own error,
 * and nobody's answer goes out before the commit that made it durable.
 */
const queues = new WeakMap<Db, Pending[]>();

/**
 * Saves one score (checks, write, cell aggregate, audit entry) and resolves once it is committed.
 * Group-committed on SQLite; on PostgreSQL (no better-sqlite3 handle) one pooled transaction each.
 */
export function saveScore(db: Db, actor: Actor, input: ScoreInput): Promise<{ version: number }> {
  const sqlite = sqliteOf(db);
  if (!sqlite) {
    return engineOf(db) === 'postgres' ? saveScorePg(db, actor, input) : Promise.reject(new Error('Score writes need the SQLite Db from openSqlite (ADR 009).'));
  }
  return new Promise((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      const batch: Pending[] = (queue = []);
      queues.set(db, batch);
      // setImmediate runs after this poll phase: every request read in it has joined the batch.
      setImmediate(() => {
        queues.delete(db);
        void flush(db, sqlite, batch);
      });
    }
    queue.push({ actor, input, locale: currentLocale(), resolve, reject });
  });
}

async function flush(db: Db, sqlite: SQLite.Database, batch: readonly Pending[]): Promise<void> {
  let outcomes: Outcome[];
  const items = batch.map((p): BatchItem => ({ evaluationId: p.actor.evaluation.id, userId: p.actor.userId, input: p.input, locale: p.locale }));
  try {
    const writer = writerOf(sqlite);
    // In the writer thread when the database is a file; in this thread, holding Kysely's one
    // connection so none of its queries (or transactions) run in between, when it is in memory.
    outcomes = writer ? await writer.commit(items) : await db.connection().execute(async () => commitBatch(sqlite, items));
  } catch (err) {
    for (const p of batch) p.reject(err);
    return;
  }
  outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve({ version: o.version }) : batch[i]!.reject(o.error)));
}


// ---------------------------------------------------------------------------------------------
// The writer thread, one per file-backed connection (an in-memory database cannot be shared).

interface Writer { commit(items: BatchItem[]): Promise<Outcome[]> }
const writers = new WeakMap<SQLite.Database, Writer | null>();

/** Whether the single writes of `db` are committed by its writer thread (after a first write); for tests and diagnostics. */
export function usesWriterThread(db: Db): boolean {
  const sqlite = sqliteOf(db);
  return sqlite !== undefined && (writers.get(sqlite) ?? null) !== null;
}

/**
 * Starts the writer thread of a file database now rather than at its first write: loading the
 * thread's modules takes seconds on a busy machine, which the first person to score would wait
 * for. Called at start-up (server/index.ts); harmless on PostgreSQL and in-memory databases.
 */
export function warmScoreWriter(db: Db): void {
  const sqlite = sqliteOf(db);
  if (sqlite) writerOf(sqlite);
}

function writerOf(sqlite: SQLite.Database): Writer | null {
  let w = writers.get(sqlite);
  if (w === undefined) writers.set(sqlite, (w = sqlite.memory ? null : startWriter(sqlite)));
  return w;
}

const rebuild = (o: WireReply & { outcomes: unknown[] }): Outcome[] => (o.outcomes as import('./score-write-worker.js').WireOutcome[]).map((x) =>
  x.ok ? x : { ok: false, error: x.app ? new AppError(x.app.status as 400, x.app.code, x.app.message, x.app.fields) : new Error(x.message) });

function startWriter(sqlite: SQLite.Database): Writer {
  // Under tsx (npm start) and vitest alike, the boot file registers tsx's loader in the thread.
  const worker = new Worker(new URL('./score-write-worker.boot.mjs', import.meta.url), { workerData: { path: sqlite.name, synchronous: synchronousOf(sqlite) } });
  worker.unref();
  const waiting = new Map<number, { resolve: (o: Outcome[]) => void; reject: (e: unknown) => void }>();
  let next = 0;
  const failAll = (err: unknown) => { for (const w of waiting.values()) w.reject(err); waiting.clear(); };
  worker.on('message', (r: WireReply) => {
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    if ('failed' in r) w.reject(new Error(r.failed));
    else w.resolve(rebuild(r));
    if (waiting.size === 0) worker.unref();
  });
  worker.on('error', (err) => { writers.set(sqlite, null); failAll(err); });
  worker.on('exit', () => { writers.set(sqlite, null); failAll(new Error('The score writer stopped.')); });
  onClose(sqlite, () => { worker.postMessage('stop'); });
  return {
    commit: (items) => new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      // Kept alive while it owes answers, so a pending write is never dropped at exit.
      worker.ref();
      worker.postMessage({ id, batch: items });
    }),
  };
}
