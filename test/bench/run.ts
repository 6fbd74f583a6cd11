import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { openSqlite, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createApiToken } from '../../server/services/accounts.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { nameKey } from '../../db/queries/vendors.js';
import { findLandscape, landscapeCsv, landscapeName, seedLandscape, type LandscapeOptions } from '../../seeds/landscape.js';

/**
 * `npm run bench` (issue 6): measures the big evaluation against baselines taken in the same run
 * and prints one line per figure, `name: value (baseline: value, ratio: x)`, followed by the target.
 * Exits 1 when a target is missed. Not part of `npm test`.
 *
 *   npm run bench                                   # 14,000 × 25 × 15 in a temp file, reused next time
 *   npm run bench -- --vendors 2000 --evaluators 3  # a quick look (targets still apply)
 *   npm run bench -- --db path/to/landscape.db      # a database built by `npm run seed:landscape`
 */

type App = ReturnType<typeof createApp>;
interface Figure { name: string; value: number; unit: string; baseline: number; target?: { ratio?: number; value?: number } }

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timeIt(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const fmt = (v: number, unit: string) => `${v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3)} ${unit}`;

async function call(app: App, token: string, method: string, path: string, body?: string, type = 'application/json') {
  const res = await app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': type } : {}) }, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as any;
}

/** The child process that measures RSS: a fresh app over the big evaluation, ranked a few times. */
async function rssChild(path: string, evaluationId: number, token: string): Promise<void> {
  const db = openSqlite(path);
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'production', SEED_DEMO: '0', DATABASE_PATH: path }) });
  await call(app, token, 'GET', `/api/v1/evaluations/${evaluationId}`);
  const idle = process.memoryUsage().rss;
  for (let i = 0; i < 5; i++) await call(app, token, 'GET', `/api/v1/evaluations/${evaluationId}/ranking?limit=50`);
  await call(app, token, 'GET', `/api/v1/evaluations/${evaluationId}/ranking`);
  const now = process.memoryUsage().rss;
  process.stdout.write(JSON.stringify({ idle, now, peak: process.resourceUsage().maxRSS * 1024 }));
  await db.destroy();
}

interface Ctx { app: App; token: string; raw: SQLite.Database; evaluationId: number; runs: number; o: LandscapeOptions; path: string }

/**
 * Ranking, its floor, and re-ranking after a weight change. The baseline is the raw GROUP BY over
 * every score of the evaluation, measured alternately with the figure so background load hits both.
 */
async function benchRanking({ app, token, raw, evaluationId, runs }: Ctx, wanted: (name: string) => boolean): Promise<Figure[]> {
  const figures: Figure[] = [];
  const ranking = `/api/v1/evaluations/${evaluationId}/ranking?limit=50`;
  const groupBy = raw.prepare('select vendor_id, criterion_id, count(value) as n, sum(value) as s from scores where evaluation_id = ? group by vendor_id, criterion_id');
  groupBy.all(evaluationId);
  await call(app, token, 'GET', ranking);
  const rankingTimes: number[] = [];
  const groupByTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    rankingTimes.push(await timeIt(1, () => call(app, token, 'GET', ranking)));
    if (i < 3) groupByTimes.push(await timeIt(1, () => groupBy.all(evaluationId)));
  }
  const rankingMs = median(rankingTimes);
  const groupByMs = median(groupByTimes);
  if (wanted('ranking')) {
    figures.push({ name: 'ranking_latency', value: rankingMs, unit: 'ms', baseline: groupByMs, target: { ratio: 0.1 } });

    // The floor: a weighted sum over per-cell means already in memory, nothing else.
    const cells = raw.prepare('select vendor_id, criterion_id, n, sum from score_cells where evaluation_id = ?').all(evaluationId) as { vendor_id: number; criterion_id: number; n: number; sum: number }[];
    const vendorIndex = new Map<number, number>();
    const leafIndex = new Map<number, number>();
    for (const c of cells) {
      if (!vendorIndex.has(c.vendor_id)) vendorIndex.set(c.vendor_id, vendorIndex.size);
      if (!leafIndex.has(c.criterion_id)) leafIndex.set(c.criterion_id, leafIndex.size);
    }
    const V = vendorIndex.size;
    const L = leafIndex.size;
    const means = new Float64Array(V * L);
    for (const c of cells) means[vendorIndex.get(c.vendor_id)! * L + leafIndex.get(c.criterion_id)!] = c.n > 0 ? c.sum / c.n : 0;
    const w = new Float64Array(L).fill(1 / L);
    const totals = new Float64Array(V);
    const floorMs = await timeIt(51, () => {
      for (let v = 0; v < V; v++) {
        let t = 0;
        for (let l = 0; l < L; l++) t += w[l]! * means[v * L + l]!;
        totals[v] = t;
      }
    });
    figures.push({ name: 'ranking_vs_floor', value: rankingMs, unit: 'ms', baseline: floorMs });
  }

  if (wanted('rerank')) {
    // A new weight set (PUT /weights), then the first ranking under it.
    const criteria = (await call(app, token, 'GET', `/api/v1/evaluations/${evaluationId}/criteria`)).criteria as { id: string; parentId: string | null; weight: number }[];
    const tops = criteria.filter((c) => c.parentId === null);
    const original = Object.fromEntries(tops.map((c) => [c.id, c.weight]));
    const times: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const weights = Object.fromEntries(tops.map((c, k) => [c.id, 1 + ((k + i) % tops.length)]));
      times.push(await timeIt(1, async () => {
        await call(app, token, 'PUT', `/api/v1/evaluations/${evaluationId}/weights`, JSON.stringify({ weights }));
        await call(app, token, 'GET', ranking);
      }));
    }
    await call(app, token, 'PUT', `/api/v1/evaluations/${evaluationId}/weights`, JSON.stringify({ weights: original }));
    figures.push({ name: 'rerank_after_weight_change', value: median(times), unit: 'ms', baseline: groupByMs, target: { ratio: 0.1 } });
  }
  return figures;
}

/**
 * The landscape CSV through POST /vendors/import into an empty evaluation, against csv-parse plus
 * one prepared INSERT per row in one transaction (same file, same table), alternately.
 */
async function benchImport({ app, token, raw, runs, o }: Ctx): Promise<Figure> {
  const csv = landscapeCsv(o.vendors, 1);
  const scratch: number[] = [];
  const newEvaluation = async () => {
    const id = Number((await call(app, token, 'POST', '/api/v1/evaluations', JSON.stringify({ name: 'bench import', template: 'blank' }))).id);
    scratch.push(id);
    return id;
  };
  const insert = raw.prepare('insert into vendors (evaluation_id, name, name_key, website, category, description, price, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const baseline = (evaluation: number) => {
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const at = new Date().toISOString();
    raw.transaction(() => {
      for (const r of rows) insert.run(evaluation, r.name, nameKey(r.name ?? ''), r.website, r.category, r.description, r.price ? Number(r.price) : null, at, at);
    })();
  };
  const ours: number[] = [];
  const theirs: number[] = [];
  try {
    for (let i = 0; i < Math.max(3, Math.min(runs, 7)); i++) {
      const a = await newEvaluation();
      const b = await newEvaluation();
      ours.push(await timeIt(1, async () => {
        const res = await call(app, token, 'POST', `/api/v1/evaluations/${a}/vendors/import`, csv, 'text/csv');
        if (res.created !== o.vendors) throw new Error(`import created ${res.created}, expected ${o.vendors}`);
      }));
      theirs.push(await timeIt(1, () => baseline(b)));
    }
  } finally {
    raw.prepare(`delete from evaluations where id in (${scratch.map(() => '?').join(',')})`).run(...scratch);
  }
  return { name: 'import_csv', value: median(ours), unit: 'ms', baseline: median(theirs), target: { ratio: 2 } };
}

/** Peak RSS of a fresh process with the big evaluation open and ranked (the figure), against that process idle. */
function benchRss({ path, evaluationId, token }: Ctx): Figure {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--rss-child', '--db', path, '--evaluation', String(evaluationId), '--token', token], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`RSS child failed: ${child.stderr}`);
  const rss = JSON.parse(child.stdout) as { idle: number; now: number; peak: number };
  const mb = (b: number) => b / 2 ** 20;
  return { name: 'rss_ranked', value: mb(Math.max(rss.peak, rss.now)), unit: 'MB', baseline: mb(rss.idle), target: { value: 300 } };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      vendors: { type: 'string', default: '14000' },
      criteria: { type: 'string', default: '25' },
      evaluators: { type: 'string', default: '15' },
      runs: { type: 'string', default: '7' },
      only: { type: 'string' },
      db: { type: 'string' },
      'rss-child': { type: 'boolean', default: false },
      evaluation: { type: 'string' },
      token: { type: 'string' },
    },
  });
  if (values['rss-child']) return rssChild(values.db!, Number(values.evaluation), values.token!);

  const o: LandscapeOptions = { vendors: Number(values.vendors), criteria: Number(values.criteria), evaluators: Number(values.evaluators), seed: 1 };
  const runs = Number(values.runs);
  const dir = join(tmpdir(), 'cxbench-bench');
  mkdirSync(dir, { recursive: true });
  const path = values.db ?? join(dir, `landscape-${o.vendors}x${o.criteria}x${o.evaluators}.db`);

  const db: Db = openSqlite(path);
  await migrateToLatest(db);
  let found = await findLandscape(db, o);
  if (!found) {
    console.log(`building "${landscapeName(o)}" in ${path} …`);
    await sql`pragma cache_size = -262144`.execute(db);
    const t = performance.now();
    found = await seedLandscape(db, o, (line) => console.log(`  ${line}`));
    await sql`pragma cache_size = -2000`.execute(db);
    console.log(`built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const { evaluationId, facilitatorId } = found;
  const { token } = await createApiToken(db, facilitatorId, 'bench');
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'production', SEED_DEMO: '0', DATABASE_PATH: path }) });
  // Until server/app.ts mounts the import route itself.
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  const scoreCount = (raw.prepare('select count(*) n from scores where evaluation_id = ?').get(evaluationId) as { n: number }).n;
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} free), node ${process.version}`);
  console.log(`evaluation ${evaluationId}: ${o.vendors} vendors × ${o.criteria} criteria × ${o.evaluators} evaluators = ${scoreCount.toLocaleString('en')} scores; median of ${runs} runs\n`);

  const figures: Figure[] = [];
  // --only ranking,rerank,import,rss runs a subset while working on one figure.
  const wanted = (name: string) => !values.only || values.only.split(',').some((w) => name.startsWith(w.trim()));
  const ctx: Ctx = { app, token, raw, evaluationId, runs, o, path };
  if (wanted('ranking') || wanted('rerank')) figures.push(...(await benchRanking(ctx, wanted)));
  if (wanted('import')) figures.push(await benchImport(ctx));
  if (wanted('rss')) figures.push(benchRss(ctx));

  let missed = 0;
  for (const f of figures) {
    const ratio = f.value / f.baseline;
    let verdict = '';
    if (f.target?.ratio !== undefined) {
      const ok = ratio <= f.target.ratio;
      if (!ok) missed++;
      verdict = ` target ratio ≤ ${f.target.ratio}: ${ok ? 'ok' : `MISSED by ${(ratio / f.target.ratio).toFixed(1)}×`}`;
    } else if (f.target?.value !== undefined) {
      const ok = f.value <= f.target.value;
      if (!ok) missed++;
      verdict = ` target ≤ ${f.target.value} ${f.unit}: ${ok ? 'ok' : `MISSED by ${(f.value / f.target.value).toFixed(1)}×`}`;
    } else verdict = ' (information)';
    console.log(`${f.name}: ${fmt(f.value, f.unit)} (baseline: ${fmt(f.baseline, f.unit)}, ratio: ${ratio < 10 ? ratio.toFixed(3) : ratio.toFixed(0)})${verdict}`);
  }
  await db.destroy();
  raw.close();
  if (missed > 0) {
    console.log(`\n${missed} target(s) missed.`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(2);
});
