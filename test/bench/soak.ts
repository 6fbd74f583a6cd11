import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCrashRun, type RoundResult } from '../setup/crash-rounds.js';
import { roundLine, summarise } from '../setup/crash-summary.js';

// `npm run soak -- --rounds 3000 [--seed 15] [--keep]`: the crash suite's rounds
// (test/setup/crash-rounds.ts) for as long as asked. Prints one line per round and a summary;
// exits 1 at the first round that lost an acknowledged write, failed integrity_check or left an
// aggregate unequal to its recomputation (the database is kept then, for a look).

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3000' }, seed: { type: 'string', default: '15' }, keep: { type: 'boolean', default: false } } });
const rounds = Number(values.rounds);
const seed = Number(values.seed);
const dir = mkdtempSync(join(tmpdir(), 'cxbench-soak-'));
const started = performance.now();
const run = await startCrashRun(join(dir, 'soak.db'));
const results: RoundResult[] = [];
let failed: RoundResult | null = null;
try {
  for (let i = 0; i < rounds && !failed; i++) {
    const r = await run.round(seed * 100_000 + i);
    results.push(r);
    console.log(roundLine(r));
    if (r.lost.length || r.aggregateProblems.length || r.integrity !== 'ok' || r.unexpected.length) failed = r;
  }
} finally {
  await run.finish();
}
console.log(`soak summary (seed ${seed}, ${new Date().toISOString()}): ${JSON.stringify(summarise(results, (performance.now() - started) / 1000))}`);
if (failed) {
  console.error(`round ${failed.round} failed; database kept in ${dir}:\n${[...failed.lost, ...failed.aggregateProblems, ...failed.unexpected].slice(0, 20).join('\n')}`);
  process.exit(1);
}
if (!values.keep) rmSync(dir, { recursive: true, force: true });
