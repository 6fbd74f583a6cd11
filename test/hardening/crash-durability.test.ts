import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CRASH_SIZE, startCrashRun, type RoundResult } from '../setup/crash-rounds.js';
import { roundLine, summarise } from '../setup/crash-summary.js';

// Issue 15, promise 2 ("Durability"): the real server (server/index.ts) on a temporary database,
// 8 clients writing scores over HTTP, SIGKILL at a random moment, restart, and then: every write
// answered 200 is there with its value, `PRAGMA integrity_check` is ok, and every cell aggregate
// equals a recomputation from the scores. CRASH_ROUNDS (default 25) and CRASH_SEED replay a run;
// `npm run soak -- --rounds 3000` is the long run of the same rounds.

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 25);
const SEED = Number(process.env.CRASH_SEED ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'cxbench-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test(`${ROUNDS} SIGKILL rounds with ${CRASH_SIZE.evaluators} writers lose no acknowledged score`, async () => {
  const started = performance.now();
  const run = await startCrashRun(join(dir, 'crash.db'));
  const results: RoundResult[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const r = await run.round(SEED * 100_000 + i);
      console.log(roundLine(r));
      results.push(r);
    }
  } finally {
    await run.finish();
  }
  const summary = summarise(results, (performance.now() - started) / 1000);
  console.log(`crash suite: tried ${JSON.stringify(summary)}`);
  expect(results.flatMap((r) => r.lost)).toEqual([]);
  expect(results.flatMap((r) => r.aggregateProblems)).toEqual([]);
  expect(results.map((r) => r.integrity)).toEqual(results.map(() => 'ok'));
  expect(results.flatMap((r) => r.unexpected)).toEqual([]);
  // The rounds must have tested something: writes answered, and kills that caught writes mid-way.
  expect(summary.acked).toBeGreaterThanOrEqual(ROUNDS);
  expect(summary.inFlight).toBeGreaterThan(0);
}, 600_000);
