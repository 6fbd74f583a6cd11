import { availableParallelism } from 'node:os';

// The heavy-work settings (ADR 017), read from the environment on every use so a test can change
// them; each is a small integer and a typo falls back to the default rather than failing a request.

const intFrom = (raw: string | undefined, fallback: number): number => {
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

/**
 * Threads in the pool. One core stays for the event loop; at most 4, since each job holds a copy
 * of the cell matrix (9 MB on the landscape). 0 turns the pool off: everything runs inline.
 */
export const heavyThreads = (): number => intFrom(process.env.HEAVY_THREADS, Math.min(4, Math.max(1, availableParallelism() - 1)));

/** Heavy jobs one team may have running or queued at once; past it, 429 with Retry-After. */
export const heavyJobsPerTeam = (): number => Math.max(1, intFrom(process.env.HEAVY_JOBS_PER_TEAM, 2));

/**
 * Below this estimated cost (cell visits, see `costOf`) a job runs inline: it takes a few ms, less
 * than copying its data to a thread, so small evaluations answer as fast as before.
 */
export const inlineBelow = (): number => intFrom(process.env.HEAVY_INLINE_BELOW, 20_000);

/** Jobs waiting for a thread, all teams together, before the pool itself answers 429. */
export const MAX_QUEUE = 64;
