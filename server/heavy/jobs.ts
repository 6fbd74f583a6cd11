import type { Actor } from '../actor.js';
import { RetryLater } from '../errors.js';
import type { RankingInputs } from '../read-models/ranking.js';
import { heavyJobsPerTeam, inlineBelow } from './config.js';
import { heavyKey } from './data-key.js';
import { runInPool } from './pool.js';
import { costOf, runHeavy, type HeavyResult, type HeavyTask } from './tasks.js';
import { m } from '../../views/messages/index.js';
import { nextTurn } from '../next-turn.js';

// Heavy jobs (ADR 017): small ones inline, big ones in the pool, each big result cached by its
// data key, the same job asked twice at once computed once, and at most N running per team.

/** Results kept per process; the landscape's full ranking is a few MB. */
const MAX_RESULTS = 24;
const results = new Map<string, unknown>();
const running = new Map<string, Promise<unknown>>();
const perTeam = new Map<number, number>();

/** Seconds a refused caller is told to wait: a landscape sensitivity takes a few seconds. */
const RETRY_AFTER_S = 5;

function remember(key: string, value: unknown): void {
  results.delete(key);
  results.set(key, value);
  while (results.size > MAX_RESULTS) results.delete(results.keys().next().value!);
}

/**
 * Runs a heavy task for member `a` over inputs the read model loaded as `a` may see them. The
 * returned value may be shared with other callers of the same key: treat it as read-only.
 */
export async function heavy<T extends Exclude<HeavyTask, { kind: 'kendall' | 'shortlistFile' }>>(a: Actor, task: T, args: unknown): Promise<HeavyResult<T>> {
  if (costOf(task) < inlineBelow()) return runHeavy(task);
  // The key digests every vendor (about 10 ms on the landscape): not in the turn of the reads before it.
  await nextTurn();
  return heavyUnder(a, task, heavyKey(a, task.inputs as RankingInputs, task.kind, args));
}

/**
 * `heavy` for a task whose caller states the cache key itself (Kendall's W: the evaluation and its
 * scores' stamp, read-models/agreement.ts). Small tasks run inline; the rest as `heavy` does.
 */
export async function heavyKeyed<T extends HeavyTask>(a: Actor, task: T, key: string): Promise<HeavyResult<T>> {
  if (costOf(task) < inlineBelow()) return runHeavy(task);
  return heavyUnder(a, task, key);
}

async function heavyUnder<T extends HeavyTask>(a: Actor, task: T, dataKey: string): Promise<HeavyResult<T>> {
  // Results are data without words (an exclusion's reason is phrased by the reader), so one cached
  // result serves every language.
  const key = dataKey;
  if (results.has(key)) {
    const hit = results.get(key) as HeavyResult<T>;
    remember(key, hit);
    return hit;
  }
  const pending = running.get(key);
  if (pending) return pending as Promise<HeavyResult<T>>;

  const job = underTeamCap(a, task).then((r) => { remember(key, r); return r; }).finally(() => running.delete(key));
  running.set(key, job);
  return job;
}

/**
 * A heavy task whose result is used once (a shortlist file's bytes): inline when small, otherwise in
 * the pool under the per-team cap, and never cached.
 */
export async function heavyOnce<T extends HeavyTask>(a: Actor, task: T): Promise<HeavyResult<T>> {
  if (costOf(task) < inlineBelow()) return runHeavy(task);
  return underTeamCap(a, task);
}

/** Runs the task in the pool as one of the team's jobs: 429 with Retry-After past the cap or a full queue. */
async function underTeamCap<T extends HeavyTask>(a: Actor, task: T): Promise<HeavyResult<T>> {
  const release = holdTeamSlot(a);
  return runInPool(task)
    .catch((err: unknown) => { throw poolRefusal(err); })
    .finally(release);
}

/**
 * Takes one of the team's heavy-job slots, or throws RetryLater (429 with Retry-After) when the
 * team already holds its cap; the returned function gives the slot back (call it once).
 */
export function holdTeamSlot(a: Actor): () => void {
  const team = a.evaluation.team_id;
  const now = perTeam.get(team) ?? 0;
  if (now >= heavyJobsPerTeam()) {
    throw new RetryLater(m.errors.teamAnalysesRunning(now), RETRY_AFTER_S);
  }
  perTeam.set(team, now + 1);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    const left = (perTeam.get(team) ?? 1) - 1;
    if (left > 0) perTeam.set(team, left);
    else perTeam.delete(team);
  };
}

/** piscina refuses past its queue: every team is busy, so the same answer as the team cap. Other errors pass through. */
export function poolRefusal(err: unknown): unknown {
  return err instanceof Error && /queue is at limit/i.test(err.message) ? new RetryLater(m.errors.serverBusy, RETRY_AFTER_S) : err;
}

/** Forgets every cached result (tests). */
export function clearHeavyResults(): void {
  results.clear();
}
