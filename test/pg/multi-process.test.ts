import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPostgres, type Db } from '../../db/client.js';
import { migrations } from '../../db/migrations/index.js';
import { addCriterion, addVendor, api, createEvaluation, expectApiError, signupUser, type TestApp } from '../setup/app.js';
import { emptyPostgresUrl } from '../setup/pg-database.js';
import { reference } from '../setup/ranking-reference.js';
import { startBuiltServer, type RunningServer } from '../setup/server-process.js';

// Issue 13, point 3 ("several processes, one truth") and point 6 (migrations once): two real
// server processes (`npm start`'s: scripts/start.mjs, the built JavaScript of ADR 046) on two ports against one PostgreSQL
// database. They start together on an empty database, so both build and both try to migrate at once (the
// advisory lock of db/migrate.ts). A user signs in through one and works through the other; the
// same cell is written through both at once; the ranking read through either equals a fresh
// recomputation after writes through the other (ADR 008's per-process cache checks cells_version).
// Runs only in the PostgreSQL pass (`npm run test:pg`), never skipped.

const base = process.env.DATABASE_URL;
if (!base) throw new Error('test/pg needs DATABASE_URL: run it with `npm run test:pg`.');

/** The test helpers' `app`, answered by a server process over a real socket. */
const over = (port: number) => ({ request: (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${path}`, init) }) as unknown as TestApp;

let servers: RunningServer[] = [];
let A: TestApp;
let B: TestApp;
let db: Db;

beforeAll(async () => {
  const url = await emptyPostgresUrl(base);
  // The SQLite path is never opened: DATABASE_URL wins (server/env.ts).
  const env = { DATABASE_URL: url, PG_POOL_SIZE: '4', DATABASE_PATH: '/nonexistent/unused.db' };
  servers = await Promise.all([startBuiltServer(env), startBuiltServer(env)]);
  [A, B] = servers.map((s) => over(s.port)) as [TestApp, TestApp];
  db = openPostgres(url, 2);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.destroy();
});

test('two processes started together on an empty database migrate it once; both say so in /healthz', async () => {
  const ran = await db.selectFrom('kysely_migration' as any).select('name').execute();
  expect(ran.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
  for (const app of [A, B]) {
    const health = await api(app, null, 'GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.json).toEqual({ ok: true, database: 'ok', engine: 'postgres', migrations: 'current' });
  }
});

test('signed in through one process, the session and the API token work through the other', async () => {
  const user = await signupUser(A, { name: 'Grace Across' });
  // An API token from A, used on B.
  const token = await api(A, null, 'POST', '/api/v1/auth/token', { email: user.email, password: user.password });
  expect(token.status, token.text).toBe(200);
  expect((await api(B, token.json.token, 'GET', '/api/v1/auth/tokens')).status).toBe(200);
  expect((await api(B, 'cxb_not-a-token-at-all-not-a-token-0', 'GET', '/api/v1/auth/tokens')).status).toBe(401);
  // A browser session: the sign-in form on A, the cookie on B.
  const portA = servers[0]!.port;
  const login = await fetch(`http://127.0.0.1:${portA}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `http://127.0.0.1:${portA}` },
    body: new URLSearchParams({ email: user.email, password: user.password }).toString(),
  });
  expect(login.status).toBe(303);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  expect(cookie).toMatch(/=/);
  const home = await fetch(`http://127.0.0.1:${servers[1]!.port}/`, { headers: { cookie }, redirect: 'manual' });
  expect(home.status).toBe(200);
  expect(await home.text()).toContain('Grace Across');
  // Signed out through B: A no longer knows the session either.
  const portB = servers[1]!.port;
  const out = await fetch(`http://127.0.0.1:${portB}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: `http://127.0.0.1:${portB}` } });
  expect(out.status).toBe(303);
  const after = await fetch(`http://127.0.0.1:${portA}/`, { headers: { cookie }, redirect: 'manual' });
  expect(after.status).toBe(200);
  const page = await after.text();
  expect(page).not.toContain('Grace Across');
  expect(page).toMatch(/name="password"/);
});

describe('one evaluation worked through both processes', () => {
  let owner: Awaited<ReturnType<typeof signupUser>>;
  let observer: Awaited<ReturnType<typeof signupUser>>;
  let id: string;
  let leaves: string[];
  let vendors: string[];
  const put = (app: TestApp, body: Record<string, unknown>) => api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/scores`, body);
  // Read as an observer: the team's ranking from the per-process cell cache (ADR 008), which is what
  // must stay right when the other process writes. The owner scores, so blind scoring would show
  // the owner a ranking of their own cells instead, computed afresh and proving nothing about the cache.
  const ranking = async (app: TestApp) => {
    const r = await api(app, observer.token, 'GET', `/api/v1/evaluations/${id}/ranking`);
    expect(r.status, r.text).toBe(200);
    return r.json;
  };
  /** The ranking recomputed from every cell, read afresh from the database (test/setup/ranking-reference.ts). */
  const recomputed = async () => (await reference(db, Number(id))).result;
  /** Every cell's kept aggregate against a full recomputation from the scores. */
  async function aggregatesAgree() {
    const kept = await db.selectFrom('score_cells').select(['vendor_id', 'criterion_id', 'n', 'sum', 'min', 'max'])
      .where('evaluation_id', '=', Number(id)).where('n', '>', 0).orderBy('vendor_id').orderBy('criterion_id').execute();
    const full = await db.selectFrom('scores')
      .select((eb) => ['vendor_id', 'criterion_id', eb.fn.count<number>('value').as('n'), eb.fn.sum<number>('value').as('sum'), eb.fn.min<number>('value').as('min'), eb.fn.max<number>('value').as('max')])
      .where('evaluation_id', '=', Number(id)).where('value', 'is not', null).groupBy(['vendor_id', 'criterion_id']).orderBy('vendor_id').orderBy('criterion_id').execute();
    expect(kept).toEqual(full);
  }

  beforeAll(async () => {
    owner = await signupUser(A);
    id = await createEvaluation(B, owner.token, { template: 'blank' });
    leaves = [await addCriterion(A, owner.token, id, { name: 'Fit' }), await addCriterion(B, owner.token, id, { name: 'Openness' })];
    vendors = [await addVendor(B, owner.token, id, { name: 'Alpha' }), await addVendor(A, owner.token, id, { name: 'Beta' }), await addVendor(B, owner.token, id, { name: 'Gamma' })];
    observer = await signupUser(B);
    expect((await api(A, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: observer.email, role: 'observer' })).status).toBe(201);
  });

  test('16 writes to one cell at once from version 0, half through each process: exactly one applies, the rest are 409', async () => {
    const cell = { vendorId: vendors[0], criterionId: leaves[0] };
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => put(i % 2 ? B : A, { ...cell, value: i % 6, version: 0 })));
    const applied = results.filter((r) => r.status === 200);
    expect(applied).toHaveLength(1);
    expect(applied[0]!.json).toEqual({ version: 1 });
    for (const r of results.filter((x) => x.status !== 200)) expectApiError(r, 409, 'stale_version');
    const stored = await db.selectFrom('scores').select(['value', 'version']).where('vendor_id', '=', Number(vendors[0])).where('criterion_id', '=', Number(leaves[0])).executeTakeFirstOrThrow();
    expect(stored).toEqual({ value: results.indexOf(applied[0]!) % 6, version: 1 });
    await aggregatesAgree();
  });

  test('rounds of versioned writes racing through both processes: each applies or is 409, and the applied ones form a serial order', async () => {
    const cell = { vendorId: vendors[1], criterionId: leaves[1] };
    const applied: { version: number; value: number }[] = [];
    let version = 0;
    for (let round = 0; round < 8; round++) {
      // Six writers read the same version and race; each round's writers alternate processes.
      const values = Array.from({ length: 6 }, (_, i) => ((round * 6 + i) % 11) / 2);
      const results = await Promise.all(values.map((value, i) => put((round + i) % 2 ? B : A, { ...cell, value, version })));
      for (const [i, r] of results.entries()) {
        if (r.status === 200) applied.push({ version: r.json.version, value: values[i]! });
        else expectApiError(r, 409, 'stale_version');
      }
      version = Math.max(version, ...applied.map((x) => x.version));
    }
    // A serial order: the applied writes' versions are 1, 2, 3… each once, and the stored value is the last one's.
    const versions = applied.map((x) => x.version).sort((a, b) => a - b);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(versions.length).toBe(8);
    const last = applied.find((x) => x.version === versions.at(-1))!;
    const stored = await db.selectFrom('scores').select(['value', 'version']).where('vendor_id', '=', Number(vendors[1])).where('criterion_id', '=', Number(leaves[1])).executeTakeFirstOrThrow();
    expect(stored).toEqual({ value: last.value, version: last.version });
    await aggregatesAgree();
  });

  test('unversioned writes to one cell through both processes all apply, in one serial order', async () => {
    const cell = { vendorId: vendors[2], criterionId: leaves[0] };
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => put(i % 2 ? A : B, { ...cell, value: (i % 5) + 0.25 })));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const versions = results.map((r) => r.json.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const last = results.findIndex((r) => r.json.version === 12);
    const stored = await db.selectFrom('scores').select('value').where('vendor_id', '=', Number(vendors[2])).where('criterion_id', '=', Number(leaves[0])).executeTakeFirstOrThrow();
    expect(stored.value).toBe((last % 5) + 0.25);
    await aggregatesAgree();
  });

  test('the ranking read through either process equals a recomputation after writes through the other', async () => {
    const want = () => recomputed().then((r) => ({ rows: r.rows, excluded: r.excluded }));
    const got = (app: TestApp) => ranking(app).then((r) => ({ rows: r.rows, excluded: r.excluded }));
    // Both processes have the evaluation's cells cached now.
    expect(await got(A)).toEqual(await want());
    expect(await got(B)).toEqual(await want());
    const rounds: [TestApp, TestApp][] = [[A, B], [B, A], [A, B], [B, A]];
    for (const [round, [writer, reader]] of rounds.entries()) {
      for (const [i, v] of vendors.entries()) {
        for (const [j, c] of leaves.entries()) expect((await put(writer, { vendorId: v, criterionId: c, value: (round + i * 2 + j) % 6 })).status).toBe(200);
      }
      const now = await want();
      expect(await got(reader)).toEqual(now);
      expect(await got(writer)).toEqual(now);
    }
    // Weights changed through one process re-rank through the other.
    const weights = await api(A, owner.token, 'PUT', `/api/v1/evaluations/${id}/weights`, { weights: { [leaves[0]!]: 80, [leaves[1]!]: 20 } });
    expect(weights.status, weights.text).toBe(200);
    expect(await got(B)).toEqual(await want());
    await aggregatesAgree();
  });
});
