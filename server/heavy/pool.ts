import type { MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { heavyThreads, MAX_QUEUE } from './config.js';
import { runHeavy, type HeavyResult, type HeavyTask } from './tasks.js';
import { currentLocale } from '../i18n/current.js';
import { nextTurn } from '../next-turn.js';
import { isPackedView, unpackView } from './packed-rows.js';
import { postedTask } from './posted-vendors.js';

// One bounded pool per process (ADR 017). Created on the first heavy job, not at start-up, so a
// process that never ranks a big evaluation never starts a thread.
let pool: Piscina | null = null;

function poolOf(threads: number): Piscina {
  if (!pool) {
    pool = new Piscina({
      // Under tsx (npm start) and vitest alike, the boot file registers tsx's loader in the thread.
      filename: new URL('./heavy-worker.boot.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: threads,
      maxQueue: MAX_QUEUE,
      // An idle thread goes after a minute; the next job pays its start-up (about 0.5 s under tsx).
      idleTimeout: 60_000,
      // A thread's young generation may otherwise grow to 48 MB (3 × 16 MB semi-spaces) while it
      // copies a landscape's cells; 8 MB keeps a ranked landscape's process under 300 MB
      // (docs/performance.md, rss_ranked) for a few more, cheap scavenges.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
  }
  return pool;
}

/** Whether heavy jobs go to threads now (HEAVY_THREADS=0: inline, on the event loop). */
export const poolEnabled = (): boolean => heavyThreads() > 0;

/** Runs the task in a pool thread, or inline when the pool is off. Rejects when the queue is full. */
export async function runInPool<T extends HeavyTask>(task: T): Promise<HeavyResult<T>> {
  const threads = heavyThreads();
  if (threads === 0) return runHeavy(task);
  // Posting copies the task (its vendors: 5–15 ms on the landscape): in a turn of its own, not
  // after the database reads that loaded it, which run back to back (issue 15, promise 1).
  await nextTurn();
  // The thread has no request: it is told the language so any text in the result (an exclusion's reason) is the reader's.
  const result: unknown = await poolOf(threads).run({ task: postedTask(task), locale: currentLocale() });
  // A ranking comes back as columns (heavy-worker.ts): rebuilt a step at a time.
  return (isPackedView(result) ? await unpackView(result) : result) as HeavyResult<T>;
}

/**
 * Runs a task that talks back over its own MessagePort (transferred to the thread with it, and any
 * other buffers in `transfer`) in a pool thread: the shortlist workbook's bytes (ADR 037), a
 * longlist's checked lines (longlist-job.ts). Only when the pool is on (poolEnabled).
 */
export async function runWithPort(task: { kind: string; port: MessagePort }, transfer: ArrayBuffer[] = []): Promise<unknown> {
  return poolOf(heavyThreads()).run({ task, locale: currentLocale() }, { transferList: [task.port, ...transfer] });
}

/** Jobs waiting for a thread (for the bench and diagnostics). */
export const queuedJobs = (): number => pool?.queueSize ?? 0;

/** Jobs the current pool has finished (for tests and diagnostics: did the work go to a thread?). */
export const completedJobs = (): number => pool?.completed ?? 0;

/** Stops the pool's threads (tests and shutdown); the next job starts a new pool. */
export async function closeHeavyPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
