import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/client.js';
import { setPageCache } from '../../db/queries/maintenance.js';
import { migrateToLatest } from '../../db/migrate.js';
import autocannon from 'autocannon';
import { createApiToken, createSession } from '../../server/services/accounts.js';
import { createApp } from '../../server/app.js';
import { closePrinters } from '../../server/pdf/printer.js';
import { parseEnv } from '../../server/env.js';
import { nameKey } from '../../db/queries/vendors.js';
import { LONGLIST_MAX_ROWS } from '../../server/domain/csv-longlist.js';
import { IMPORT_MAX_BYTES } from '../../server/routes/vendors-import.api.js';
import { benchXlsx } from './xlsx.js';
import { benchRouteStalls } from './route-stalls.js';
import { appEnv, isPostgresTarget, openAppDb, openRaw, type RawDb } from './raw-db.js';
import { findLandscape, landscapeCsv, landscapeName, seedLandscape, type LandscapeOptions } from '../../seeds/landscape.js';

/**
 * `npm run bench` (issue 6): measures the big evaluation against baselines taken in the same run
 * and prints one line per figure, `name: value (baseline: value, ratio: x)`, followed by the target.
 * Exits 1 when a target is missed. Not part of `npm test`.
 *
 *   npm run bench                                   # 14,000 × 25 × 15 in a temp file, reused next time
 *   npm run bench -- --vendors 2000 --evaluators 3  # a quick look (targets still apply)
 *   npm run bench -- --db path/to/landscape.db      # a database built by `npm run seed:landscape`
 *   npm run bench -- --db postgres://…/landscape    # the same figures on PostgreSQL, baselines on the same database
 *   npm run bench -- --only write,grid --seconds 10 # the HTTP figures (autocannon, 10 s a side)
 *
 * The HTTP figures (write_*, grid_*) run a real @hono/node-server on 127.0.0.1 in a child process
 * (test/bench/load-server.ts), with autocannon here; they write into the big evaluation's scores
 * (random values of the first seeded evaluator), which the later runs rank as they find them.
 */

type App = ReturnType<typeof createApp>;
/** target.ratio: value/baseline at most this; target.minRatio: at least this (throughputs); target.value: an absolute ceiling. */
interface Figure { name: string; value: number; unit: string; baseline: number; target?: { ratio?: number; minRatio?: number; value?: number }; note?: string }

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

interface Ctx { app: App; db: Db; token: string; raw: RawDb; evaluationId: number; runs: number; o: LandscapeOptions; path: string; seconds: number }

/**
 * Issue 14: the board report of the top 50 as a PDF under 10 s at the landscape scale, through the
 * page route with the facilitator's session (the report, its sensitivity, Chromium's print). The
 * first call starts the browser and is left out; the baseline is the same report as HTML.
 */
async function benchReportPdf({ app, db, evaluationId, runs }: Ctx, facilitatorId: number): Promise<Figure> {
  const cookie = `cxb_session=${await createSession(db, facilitatorId)}`;
  const get = async (path: string) => {
    const res = await app.request(path, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${Buffer.from(body).toString('utf8', 0, 300)}`);
    return body.byteLength;
  };
  const pdf = `/evaluations/${evaluationId}/shortlist.pdf`;
  await get(pdf);
  const n = Math.min(runs, 3);
  const pdfMs = await timeIt(n, () => get(pdf));
  const htmlMs = await timeIt(n, () => get(`/evaluations/${evaluationId}/report`));
  await closePrinters();
  return { name: 'report_pdf_top50', value: pdfMs, unit: 'ms', baseline: htmlMs, target: { value: 10_000 }, note: 'baseline: the same report as HTML' };
}

/**
 * Ranking, its floor, and re-ranking after a weight change. The baseline is the raw GROUP BY over
 * every score of the evaluation, measured alternately with the figure so background load hits both.
 */
async function benchRanking({ app, token, raw, evaluationId, runs }: Ctx, wanted: (name: string) => boolean): Promise<Figure[]> {
  const figures: Figure[] = [];
  const ranking = `/api/v1/evaluations/${evaluationId}/ranking?limit=50`;
  const groupBy = () => raw.all('select vendor_id, criterion_id, count(value) as n, sum(value) as s from scores where evaluation_id = ? group by vendor_id, criterion_id', evaluationId);
  await groupBy();
  await call(app, token, 'GET', ranking);
  const rankingTimes: number[] = [];
  const groupByTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    rankingTimes.push(await timeIt(1, () => call(app, token, 'GET', ranking)));
    if (i < 3) groupByTimes.push(await timeIt(1, groupBy));
  }
  const rankingMs = median(rankingTimes);
  const groupByMs = median(groupByTimes);
  if (wanted('ranking')) {
    figures.push({ name: 'ranking_latency', value: rankingMs, unit: 'ms', baseline: groupByMs, target: { ratio: 0.1 } });

    // The floor: a weighted sum over per-cell means already in memory, nothing else.
    const cells = await raw.all<{ vendor_id: number; criterion_id: number; n: number; sum: number }>('select vendor_id, criterion_id, n, sum from score_cells where evaluation_id = ?', evaluationId);
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
        await call(app, token, 'PUT', `/api/v1/evaluations/${evaluationId}/weights`, JSON.stringify({ weights, reason: 'bench: a what-if weighting' }));
        await call(app, token, 'GET', ranking);
      }));
    }
    await call(app, token, 'PUT', `/api/v1/evaluations/${evaluationId}/weights`, JSON.stringify({ weights: original, reason: 'bench: the weights restored' }));
    figures.push({ name: 'rerank_after_weight_change', value: median(times), unit: 'ms', baseline: groupByMs, target: { ratio: 0.1 } });
  }
  return figures;
}

/** The longest event-loop stall while `fn` runs: a 5 ms timer's worst lateness. */
async function longestStall(fn: () => Promise<unknown>): Promise<number> {
  let expected = performance.now() + 5;
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - expected);
    expected = now + 5;
  }, 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(worst, performance.now() - expected);
}

/**
 * Issue 15, promise 1 (ADR 017): the longest event-loop stall during GET /sensitivity on the big
 * evaluation with the heavy-work pool (after), against the same call with the pool off (before,
 * HEAVY_THREADS=0), in the same run. Each side starts without a cached result.
 */
async function benchSensitivityStall({ app, token, evaluationId }: Ctx): Promise<Figure> {
  const path = `/api/v1/evaluations/${evaluationId}/sensitivity?samples=1000`;
  const { clearHeavyResults } = await import('../../server/heavy/jobs.js');
  const saved = process.env.HEAVY_THREADS;
  const side = async (threads: string | undefined) => {
    if (threads === undefined) delete process.env.HEAVY_THREADS;
    else process.env.HEAVY_THREADS = threads;
    clearHeavyResults();
    return longestStall(() => call(app, token, 'GET', path));
  };
  await side(saved); // warm: the pool thread starts, the cell cache fills
  const before = await side('0');
  const after = await side(saved);
  if (saved === undefined) delete process.env.HEAVY_THREADS;
  else process.env.HEAVY_THREADS = saved;
  return { name: 'sensitivity_stall', value: after, unit: 'ms', baseline: before, target: { value: 50 }, note: 'longest event-loop stall during GET /sensitivity: pool (value) vs inline (baseline)' };
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
  const insert = 'insert into vendors (evaluation_id, name, name_key, website, category, description, price, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)';
  const baseline = (evaluation: number) => {
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const at = new Date().toISOString();
    return raw.runEach(insert, rows.map((r) => [evaluation, r.name, nameKey(r.name ?? ''), r.website, r.category, r.description, r.price ? Number(r.price) : null, at, at]));
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
    await raw.run(`delete from evaluations where id in (${scratch.map(() => '?').join(',')})`, ...scratch);
  }
  return { name: 'import_csv', value: median(ours), unit: 'ms', baseline: median(theirs), target: { ratio: 2 } };
}

/**
 * Issue 15: a 10 MB longlist that is imported, not refused: as many vendors with a website,
 * category, description and price as fit in the import's limit (about 80,000), through POST
 * /vendors/import into an empty evaluation, against csv-parse alone on the same text, alternately.
 */
async function benchLimitCsv({ app, token, raw }: Ctx): Promise<Figure> {
  // As many of the landscape's lines (about 130 bytes each) as fit in the import's 10 MB.
  const lines = landscapeCsv(LONGLIST_MAX_ROWS, 3).split('\n');
  let size = 0;
  let keep = 0;
  while (keep < lines.length && size + Buffer.byteLength(lines[keep]!) + 1 <= IMPORT_MAX_BYTES) size += Buffer.byteLength(lines[keep++]!) + 1;
  const csv = `${lines.slice(0, keep).join('\n')}\n`;
  const rows = keep - 1;
  const scratch: number[] = [];
  const ours: number[] = [];
  const theirs: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const evaluation = Number((await call(app, token, 'POST', '/api/v1/evaluations', JSON.stringify({ name: 'bench 10 MB longlist', template: 'blank' }))).id);
      scratch.push(evaluation);
      ours.push(await timeIt(1, async () => {
        // With its Content-Length, as a client uploading a file sends it (without one the body is read in chunks first).
        const answer = await app.request(`/api/v1/evaluations/${evaluation}/vendors/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(Buffer.byteLength(csv)) }, body: csv });
        const res = (await answer.json()) as { created?: number };
        if (res.created !== rows) throw new Error(`import created ${res.created}, expected ${rows}`);
      }));
      theirs.push(await timeIt(1, () => parse(csv, { columns: true, bom: true })));
    }
  } finally {
    await raw.run(`delete from evaluations where id in (${scratch.map(() => '?').join(',')})`, ...scratch);
  }
  return { name: 'import_csv_10mb_at_limit', value: median(ours), unit: 'ms', baseline: median(theirs), target: { ratio: 3 }, note: `${(csv.length / 2 ** 20).toFixed(1)} MB, ${rows} rows, imported` };
}

/** A CSV of `bytes` bytes of one short name a row (`V1`, `V2`, … in base 36), as the issue's hostile 10 MB file. */
function shortRowsCsv(bytes: number): string {
  const rows: string[] = ['name'];
  let size = 5;
  for (let i = 1; ; i++) {
    const row = `V${i.toString(36)}`;
    if (size + row.length + 1 > bytes) break;
    rows.push(row);
    size += row.length + 1;
  }
  return `${rows.join('\n')}\n`;
}

/**
 * Issue 15: a 10 MB CSV of short rows (about 1.2 million) through POST /vendors/import, imported or
 * refused, against csv-parse alone on the same text, alternately. The import refuses past
 * LONGLIST_MAX_ROWS, so this is the time to say so; it took 15 s before.
 */
async function benchHostileCsv({ app, token, raw }: Ctx): Promise<Figure> {
  const csv = shortRowsCsv(10 * 1024 * 1024);
  const evaluation = Number((await call(app, token, 'POST', '/api/v1/evaluations', JSON.stringify({ name: 'bench hostile csv', template: 'blank' }))).id);
  const ours: number[] = [];
  const theirs: number[] = [];
  let answer = '';
  try {
    for (let i = 0; i < 3; i++) {
      ours.push(await timeIt(1, async () => {
        const res = await app.request(`/api/v1/evaluations/${evaluation}/vendors/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
        const body = (await res.json()) as { error?: { code: string }; created?: number };
        answer = `${res.status} ${body.error?.code ?? `created ${body.created}`}`;
        if (res.status >= 500) throw new Error(`hostile CSV → ${answer}`);
      }));
      theirs.push(await timeIt(1, () => parse(csv)));
    }
  } finally {
    await raw.run('delete from evaluations where id = ?', evaluation);
  }
  return { name: 'import_csv_10mb_short_rows', value: median(ours), unit: 'ms', baseline: median(theirs), target: { ratio: 3 }, note: `${(csv.length / 2 ** 20).toFixed(1)} MB, ${csv.split('\n').length - 2} rows; answered ${answer}` };
}

/** Peak RSS of a fresh process with the big evaluation open and ranked (the figure), against that process idle. */
/**
 * RSS of the process `npm start` runs (ADR 046: the built JavaScript, its writer thread and pool
 * threads included), on the big evaluation: peak (VmHWM) once it has answered one request (the
 * baseline: idle), ranked the top 50 five times, and ranked every vendor once, all over HTTP.
 */
async function benchRss({ path, evaluationId, token }: Ctx): Promise<Figure> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...process.env, NODE_ENV: 'production', SEED_DEMO: '0', PORT: '0', ...appEnv(path) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before listening`)));
      createInterface({ input: child.stdout! }).on('line', (line) => { const m = /listening on http:\/\/localhost:(\d+)/.exec(line); if (m) resolve(Number(m[1])); });
    });
    const get = async (p: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${p} → ${res.status}`);
    };
    const status = (field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
    const e = `/api/v1/evaluations/${evaluationId}`;
    await get(e);
    const idle = status('VmRSS');
    for (let i = 0; i < 5; i++) await get(`${e}/ranking?limit=50`);
    await get(`${e}/ranking`);
    const peak = status('VmHWM');
    return { name: 'rss_ranked', value: peak, unit: 'MB', baseline: idle, target: { value: 300 }, note: `peak of the \`npm start\` process (VmHWM), ${status('VmRSS').toFixed(0)} MB at the end; baseline: the same process idle after one request` };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP figures: a real @hono/node-server on 127.0.0.1 in a child process (test/bench/load-server.ts)
// and autocannon in this process, so each has a core. The figure and its baseline are measured in
// alternating rounds, so load from elsewhere on the machine hits both alike.

interface Server { port: number; stop: () => Promise<void> }

async function startServer(mode: 'app' | 'baseline', { path, evaluationId }: Ctx, evaluatorId: number, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<Server> {
  const file = fileURLToPath(new URL('./load-server.ts', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, file, '--mode', mode, '--db', path, '--evaluation', String(evaluationId), '--evaluator', String(evaluatorId), '--synchronous', synchronous], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${mode} server exited (${code}) before listening`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return { port, stop: async () => { child.kill('SIGTERM'); await exited; } };
}

interface Load { ok: number; seconds: number; latencies: number[]; failed: number; statuses: Record<string, number> }

/** One autocannon run; latencies of the 2xx responses, everything else counted as failed. */
async function cannon(url: string, connections: number, seconds: number, request: Parameters<typeof autocannon>[0]['requests'] & object): Promise<Load> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({ url, connections, duration: seconds, timeout: 30, requests: request });
  instance.on('response', (_client, status, _bytes, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  // Let the server finish what was in flight, so it is idle when the other side's run starts.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { ok: latencies.length, seconds: result.duration, latencies, failed: result.errors + result.timeouts + result.non2xx, statuses };
}

const percentile = (xs: number[], p: number): number => {
  const s = Float64Array.from(xs).sort();
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};

/** Alternating rounds of the baseline and the figure (after a warm-up of each); totals per side. */
async function alternate(rounds: number, seconds: number, warm: number, baseline: (s: number) => Promise<Load>, figure: (s: number) => Promise<Load>) {
  await baseline(warm);
  await figure(warm);
  const total = (): Load => ({ ok: 0, seconds: 0, latencies: [], failed: 0, statuses: {} });
  const sides = { baseline: total(), figure: total() };
  for (let i = 0; i < rounds; i++) {
    for (const [side, run] of [['baseline', baseline], ['figure', figure]] as const) {
      const r = await run(seconds / rounds);
      const t = sides[side];
      t.ok += r.ok; t.seconds += r.seconds; t.failed += r.failed;
      for (const ms of r.latencies) t.latencies.push(ms); // not push(...): 100,000s of arguments overflow the stack
      for (const [k, n] of Object.entries(r.statuses)) t.statuses[k] = (t.statuses[k] ?? 0) + n;
    }
  }
  for (const [side, t] of Object.entries(sides)) {
    if (t.failed > 0 || t.ok === 0) throw new Error(`${side}: ${t.failed} failed requests (${JSON.stringify(t.statuses)})`);
  }
  return sides;
}

/** The seeded evaluator the HTTP figures act as, declared (no conflict) through the API. */
async function benchEvaluator(ctx: Ctx): Promise<{ id: number; token: string }> {
  const member = await ctx.db.selectFrom('evaluation_members').select('user_id').where('evaluation_id', '=', ctx.evaluationId).where('role', '=', 'evaluator').orderBy('user_id').executeTakeFirstOrThrow();
  const { token } = await createApiToken(ctx.db, member.user_id, 'bench-load');
  await call(ctx.app, token, 'PUT', `/api/v1/evaluations/${ctx.evaluationId}/declarations/me`, JSON.stringify({ conflict: false }));
  return { id: member.user_id, token };
}

/** autocannon requests of PUT /scores: a random vendor × scored leaf × value each, as `evaluator`. */
async function scoreWrites(ctx: Ctx, evaluator: { token: string }) {
  const vendors = (await ctx.raw.all<{ id: number }>('select id from vendors where evaluation_id = ?', ctx.evaluationId)).map((v) => v.id);
  const criteria = await ctx.raw.all<{ id: number; parent_id: number | null; kind: string }>('select id, parent_id, kind from criteria where evaluation_id = ?', ctx.evaluationId);
  const parents = new Set(criteria.map((c) => c.parent_id));
  const leaves = criteria.filter((c) => !parents.has(c.id) && c.kind === 'scored').map((c) => c.id);
  const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
  const body = () => JSON.stringify({ vendorId: pick(vendors), criterionId: pick(leaves), value: Math.floor(Math.random() * 6) });
  return (path: string) => [{ method: 'PUT', path, headers: { authorization: `Bearer ${evaluator.token}`, 'content-type': 'application/json' }, setupRequest: (r: object) => ({ ...r, body: body() }) }];
}

/**
 * Single score writes under 64 concurrent clients: PUT /scores as a declared evaluator, each
 * request a random vendor × scored leaf × value, against a bare Hono route doing one INSERT. The
 * bare route runs at `synchronous = NORMAL`, the hardware's floor for a write (at FULL it would
 * fsync every INSERT and flatter the app); the app runs at FULL, as it is served.
 */
async function benchWrites(ctx: Ctx, servers: { app: Server; baseline: Server }, evaluator: { id: number; token: string }): Promise<Figure[]> {
  const put = await scoreWrites(ctx, evaluator);
  const sides = await alternate(2, ctx.seconds, 2, 
    (s) => cannon(`http://127.0.0.1:${servers.baseline.port}`, 64, s, put('/write')),
    (s) => cannon(`http://127.0.0.1:${servers.app.port}`, 64, s, put(`/api/v1/evaluations/${ctx.evaluationId}/scores`)));
  const rate = (l: Load) => l.ok / l.seconds;
  return [
    { name: 'write_throughput_64', value: rate(sides.figure), unit: 'req/s', baseline: rate(sides.baseline), target: { minRatio: 0.5 } },
    { name: 'write_p99_64', value: percentile(sides.figure.latencies, 0.99), unit: 'ms', baseline: percentile(sides.baseline.latencies, 0.99), target: { ratio: 3 } },
  ];
}

/**
 * What `synchronous = FULL` (db/client.ts, issue 15) costs: the same score writes against the app
 * at FULL and the app at NORMAL, in turns. Group commit makes one fsync serve a batch.
 */
async function benchFullVsNormal(ctx: Ctx, full: Server, evaluator: { id: number; token: string }): Promise<Figure> {
  const normal = await startServer('app', ctx, evaluator.id, 'NORMAL');
  try {
    const put = await scoreWrites(ctx, evaluator);
    const path = `/api/v1/evaluations/${ctx.evaluationId}/scores`;
    const sides = await alternate(2, ctx.seconds, 2,
      (s) => cannon(`http://127.0.0.1:${normal.port}`, 64, s, put(path)),
      (s) => cannon(`http://127.0.0.1:${full.port}`, 64, s, put(path)));
    const rate = (l: Load) => l.ok / l.seconds;
    const p99 = `p99 ${percentile(sides.figure.latencies, 0.99).toFixed(1)} ms at FULL, ${percentile(sides.baseline.latencies, 0.99).toFixed(1)} ms at NORMAL`;
    return { name: 'write_full_vs_normal', value: rate(sides.figure), unit: 'req/s', baseline: rate(sides.baseline), target: { minRatio: 0.8 }, note: p99 };
  } finally {
    await normal.stop();
  }
}

/** One page of the scoring grid (50 vendors × 25 criteria) with the session cookie, against template strings from one raw query. */
async function benchGrid(ctx: Ctx, servers: { app: Server; baseline: Server }, evaluator: { id: number }): Promise<Figure> {
  const cookie = `cxb_session=${await createSession(ctx.db, evaluator.id)}`;
  const pages = Math.ceil(Number((await ctx.raw.all<{ n: number }>('select count(*) as n from vendors where evaluation_id = ?', ctx.evaluationId))[0]!.n) / 50);
  const page = () => 1 + Math.floor(Math.random() * pages);
  const app = `http://127.0.0.1:${servers.app.port}`;
  const base = `http://127.0.0.1:${servers.baseline.port}`;
  // Both render the same cells: 50 rows × the scored and must-have leaves.
  const cells = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { headers });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    return { rows: text.split('<th scope="row"').length - 1, cells: text.split('<td class="cell"').length - 1 };
  };
  const ours = await cells(`${app}/evaluations/${ctx.evaluationId}/scoring?page=2`, { cookie });
  const theirs = await cells(`${base}/grid?page=2`);
  if (ours.rows !== 50 || ours.cells !== theirs.cells || ours.rows !== theirs.rows) throw new Error(`grid pages differ: ${JSON.stringify({ ours, theirs })}`);
  const get = (path: () => string, headers: Record<string, string> = {}) => [{ method: 'GET', headers, setupRequest: (r: object) => ({ ...r, path: path() }) }];
  const sides = await alternate(2, ctx.seconds, 2,
    (s) => cannon(base, 8, s, get(() => `/grid?page=${page()}`)),
    (s) => cannon(app, 8, s, get(() => `/evaluations/${ctx.evaluationId}/scoring?page=${page()}`, { cookie })));
  const rate = (l: Load) => l.ok / l.seconds;
  return { name: 'grid_page_50x25', value: rate(sides.figure), unit: 'req/s', baseline: rate(sides.baseline), target: { minRatio: 0.5 }, note: `${ours.cells} cells a page` };
}

async function benchHttp(ctx: Ctx, wanted: (name: string) => boolean): Promise<Figure[]> {
  const evaluator = await benchEvaluator(ctx);
  const servers = { app: await startServer('app', ctx, evaluator.id), baseline: await startServer('baseline', ctx, evaluator.id, 'NORMAL') };
  try {
    const figures: Figure[] = [];
    if (wanted('write_throughput') || wanted('write_p99')) figures.push(...(await benchWrites(ctx, servers, evaluator)));
    // SQLite's synchronous level has no per-process counterpart on PostgreSQL (fsync and
    // synchronous_commit are the server's settings, printed in the header).
    if (wanted('write_full') && ctx.raw.engine === 'sqlite') figures.push(await benchFullVsNormal(ctx, servers.app, evaluator));
    else if (wanted('write_full')) console.log('write_full_vs_normal: not measured on PostgreSQL (it prices SQLite\'s synchronous = FULL; durability is the server\'s fsync / synchronous_commit)');
    if (wanted('grid')) figures.push(await benchGrid(ctx, servers, evaluator));
    return figures;
  } finally {
    await servers.app.stop();
    await servers.baseline.stop();
    await ctx.raw.run('drop table if exists bench_writes');
  }
}

/** What the figures ran on: SQLite's version, or PostgreSQL's with the settings that decide what a commit costs. */
async function engineLine(raw: RawDb): Promise<string> {
  if (raw.engine === 'sqlite') return `SQLite ${(await raw.all<{ v: string }>('select sqlite_version() as v'))[0]!.v} (better-sqlite3), WAL, synchronous = FULL (app) / NORMAL (bare write route)`;
  const setting = async (name: string) => (await raw.all<{ setting: string }>('select setting from pg_settings where name = ?', name))[0]?.setting ?? '?';
  const version = (await raw.all<{ v: string }>("select current_setting('server_version') as v"))[0]!.v;
  return `PostgreSQL ${version}, pool ${process.env.PG_POOL_SIZE ?? 10} connections (app and bare routes alike), fsync = ${await setting('fsync')}, synchronous_commit = ${await setting('synchronous_commit')}, shared_buffers = ${await setting('shared_buffers')} × 8 kB`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      vendors: { type: 'string', default: '14000' },
      criteria: { type: 'string', default: '25' },
      evaluators: { type: 'string', default: '15' },
      runs: { type: 'string', default: '7' },
      seconds: { type: 'string', default: '10' },
      only: { type: 'string' },
      db: { type: 'string' },
    },
  });

  const o: LandscapeOptions = { vendors: Number(values.vendors), criteria: Number(values.criteria), evaluators: Number(values.evaluators), seed: 1 };
  const runs = Number(values.runs);
  const dir = join(tmpdir(), 'cxbench-bench');
  mkdirSync(dir, { recursive: true });
  const path = values.db ?? join(dir, `landscape-${o.vendors}x${o.criteria}x${o.evaluators}.db`);

  const db: Db = openAppDb(path);
  await migrateToLatest(db);
  let found = await findLandscape(db, o);
  if (!found) {
    console.log(`building "${landscapeName(o)}" in ${isPostgresTarget(path) ? 'the PostgreSQL database' : path} …`);
    await setPageCache(db, 262_144);
    const t = performance.now();
    found = await seedLandscape(db, o, (line) => console.log(`  ${line}`));
    await setPageCache(db, 2000);
    console.log(`built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const { evaluationId, facilitatorId } = found;
  const { token } = await createApiToken(db, facilitatorId, 'bench');
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'production', SEED_DEMO: '0', ...appEnv(path) }) });
  const raw = openRaw(path);
  const scoreCount = Number((await raw.all<{ n: number }>('select count(*) as n from scores where evaluation_id = ?', evaluationId))[0]!.n);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} free), node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`engine: ${await engineLine(raw)}`);
  console.log(`evaluation ${evaluationId}: ${o.vendors} vendors × ${o.criteria} criteria × ${o.evaluators} evaluators = ${scoreCount.toLocaleString('en')} scores; median of ${runs} runs\n`);

  const figures: Figure[] = [];
  // --only ranking,rerank,sensitivity_stall,route_stall,import,rss,xlsx,report_pdf,write,grid (or a figure's name, e.g. write_full) runs a subset while working on one figure.
  const wanted = (name: string) => !values.only || values.only.split(',').some((w) => name.startsWith(w.trim()));
  const ctx: Ctx = { app, db, token, raw, evaluationId, runs, o, path, seconds: Number(values.seconds) };
  if (wanted('ranking') || wanted('rerank')) figures.push(...(await benchRanking(ctx, wanted)));
  if (wanted('sensitivity_stall')) figures.push(await benchSensitivityStall(ctx));
  // `--only route_stall` runs every route; `--only route_stall_api` (a figure's name or its start) just those.
  const stallWanted = (name: string) => wanted('route_stall') || wanted(name);
  if (!values.only || values.only.includes('route_stall')) figures.push(...(await benchRouteStalls(app, token, evaluationId, longestStall, stallWanted)));
  if (wanted('import_csv_10mb')) figures.push(await benchHostileCsv(ctx));
  if (wanted('import_csv_10mb')) figures.push(await benchLimitCsv(ctx));
  if (wanted('import')) figures.push(await benchImport(ctx));
  if (wanted('rss')) figures.push(await benchRss(ctx));
  if (wanted('xlsx')) figures.push(await benchXlsx(db, evaluationId, facilitatorId, runs, longestStall));
  if (wanted('report_pdf')) figures.push(await benchReportPdf(ctx, found.facilitatorId));
  if (wanted('write_throughput') || wanted('write_p99') || wanted('write_full') || wanted('grid')) figures.push(...(await benchHttp(ctx, wanted)));

  let missed = 0;
  for (const f of figures) {
    const ratio = f.value / f.baseline;
    let verdict = '';
    if (f.target?.ratio !== undefined) {
      const ok = ratio <= f.target.ratio;
      if (!ok) missed++;
      verdict = ` target ratio ≤ ${f.target.ratio}: ${ok ? 'ok' : `MISSED by ${(ratio / f.target.ratio).toFixed(2)}×`}`;
    } else if (f.target?.minRatio !== undefined) {
      const ok = ratio >= f.target.minRatio;
      if (!ok) missed++;
      verdict = ` target ratio ≥ ${f.target.minRatio}: ${ok ? 'ok' : `MISSED by ${(f.target.minRatio / ratio).toFixed(2)}×`}`;
    } else if (f.target?.value !== undefined) {
      const ok = f.value <= f.target.value;
      if (!ok) missed++;
      verdict = ` target ≤ ${f.target.value} ${f.unit}: ${ok ? 'ok' : `MISSED by ${(f.value / f.target.value).toFixed(1)}×`}`;
    } else verdict = ' (information)';
    console.log(`${f.name}: ${fmt(f.value, f.unit)} (baseline: ${fmt(f.baseline, f.unit)}, ratio: ${ratio < 10 ? ratio.toFixed(3) : ratio.toFixed(0)})${verdict}${f.note ? ` [${f.note}]` : ''}`);
  }
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await db.destroy();
  await raw.close();
  if (missed > 0) {
    console.log(`\n${missed} target(s) missed.`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(2);
});
