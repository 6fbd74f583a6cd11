import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { openPostgres, type Db } from '../../db/client.js';
import { createApp } from '../../server/app.js';
import { aggregateCell } from '../../server/domain/score-values.js';
import { parseEnv } from '../../server/env.js';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, signupUser } from '../setup/app.js';
import { freshPostgresUrl } from '../setup/pg-database.js';
import { reference } from '../setup/ranking-reference.js';

// ADR 047: every writer of score cells on PostgreSQL locks the cells first and the evaluation's
// row (cells_version) last. Many single writes and batches hammer one evaluation at once, over
// different cells and the same cells, through a pool of 12 connections. A broken lock order shows
// as deadlocks (which withRetries would hide, so the server's own deadlock count is checked), a
// gap or a double in the change log's versions, an aggregate that differs from its scores, or a
// cached ranking that differs from a recomputation. PostgreSQL pass only.

const base = process.env.DATABASE_URL;
if (!base) throw new Error('test/pg needs DATABASE_URL: run it with `npm run test:pg`.');

const closers: (() => Promise<void>)[] = [];
afterAll(async () => { for (const close of closers) await close(); });

/** Deadlocks PostgreSQL detected in `url`'s database; backends flush their counts when they exit, so the pool is closed first. */
async function deadlocks(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const { rows } = await pool.query<{ n: number }>('select deadlocks::int as n from pg_stat_database where datname = current_database()').finally(() => pool.end());
  return rows[0]!.n;
}

test('single writes and batches racing over one evaluation: no deadlock, every version logged once, aggregates and the cached ranking equal a recomputation', async () => {
  const url = await freshPostgresUrl(base!);
  let db: Db = openPostgres(url, 12);
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0' }) });
  const owner = await signupUser(app);
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  const leaves = [await addCriterion(app, owner.token, id, { name: 'Fit' }), await addCriterion(app, owner.token, id, { name: 'Openness' }), await addCriterion(app, owner.token, id, { name: 'Cost of change' })];
  const vendors = [await addVendor(app, owner.token, id, { name: 'Alpha' }), await addVendor(app, owner.token, id, { name: 'Beta' }), await addVendor(app, owner.token, id, { name: 'Gamma' }), await addVendor(app, owner.token, id, { name: 'Delta' })];
  const cells = vendors.flatMap((v) => leaves.map((c) => ({ vendorId: v, criterionId: c })));
  const path = `/api/v1/evaluations/${id}`;
  // Three evaluators, so a cell's aggregate counts several people's scores written at once.
  const others = [await signupUser(app), await signupUser(app)];
  for (const o of others) {
    expect((await api(app, owner.token, 'POST', `${path}/members`, { email: o.email, role: 'evaluator' })).status).toBe(201);
    await declareNoConflict(app, o.token, id);
  }
  const people = [owner.token, ...others.map((o) => o.token)];
  // The team's ranking (the cached cells of ADR 008) as an observer reads it; scorers see only their own.
  const observer = await signupUser(app);
  expect((await api(app, owner.token, 'POST', `${path}/members`, { email: observer.email, role: 'observer' })).status).toBe(201);
  const ranking = async () => { const r = (await api(app, observer.token, 'GET', `${path}/ranking`)).json; return { rows: r.rows, excluded: r.excluded }; };
  const recomputed = async () => { const r = (await reference(db, Number(id))).result; return { rows: r.rows, excluded: r.excluded }; };
  const version = async () => (await db.selectFrom('evaluations').select('cells_version').where('id', '=', Number(id)).executeTakeFirstOrThrow()).cells_version;

  // Everyone's score in every cell, then the ranking once: the cache is warm, so afterwards it reads the change log.
  for (const [p, token] of people.entries()) {
    expect((await api(app, token, 'POST', `${path}/scores/batch`, { scores: cells.map((c, i) => ({ ...c, value: (i + p) % 6 })) })).status).toBe(200);
  }
  expect(await ranking()).toEqual(await recomputed());
  const before = await version();
  const deadlocksBefore = await deadlocks(url);

  // 60 single writes by the three of them (the first two cells take a third of them each: the
  // same cell, at once) and 8 batches over overlapping halves of the cells, listed in opposite orders.
  const hot = (i: number) => (i % 3 === 2 ? cells[i % cells.length]! : cells[i % 2]!);
  const singles = Array.from({ length: 60 }, (_, i) => () => api(app, people[i % 3]!, 'PUT', `${path}/scores`, { ...hot(i), value: (i % 5) + 0.5 }));
  const batches = Array.from({ length: 8 }, (_, b) => () => {
    const half = b % 2 ? cells.slice(0, 8) : [...cells.slice(4)].reverse();
    return api(app, people[b % 3]!, 'POST', `${path}/scores/batch`, { scores: half.map((c, i) => ({ ...c, value: (b + i) % 6 })) });
  });
  const all = [...singles, ...batches].sort(() => 0.5 - Math.random());
  const results = await Promise.all(all.map((run) => run()));
  expect(results.map((r) => r.status)).toEqual(results.map(() => 200));

  // Each write took one version, and the log holds each once, without a gap, up to cells_version.
  const after = await version();
  expect(after - before).toBe(singles.length + batches.length);
  const logged = await db.selectFrom('score_cell_changes').select(['seq', 'vendor_id', 'criterion_id']).where('evaluation_id', '=', Number(id)).where('seq', '>', before).orderBy('seq').execute();
  const seqs = [...new Set(logged.map((r) => r.seq))];
  expect(seqs).toEqual(Array.from({ length: after - before }, (_, i) => before + 1 + i));
  // A single write logs its one cell under its version; a batch its cells under one version.
  const perSeq = new Map<number, number>();
  for (const r of logged) perSeq.set(r.seq, (perSeq.get(r.seq) ?? 0) + 1);
  expect([...perSeq.values()].filter((n) => n === 1)).toHaveLength(singles.length);

  // Every cell's kept aggregate equals its scores recounted, and the cached ranking a recomputation.
  const scores = await db.selectFrom('scores').select(['vendor_id', 'criterion_id', 'value']).where('evaluation_id', '=', Number(id)).execute();
  const kept = await db.selectFrom('score_cells').select(['vendor_id', 'criterion_id', 'n', 'sum', 'min', 'max', 'pass', 'fail', 'na']).where('evaluation_id', '=', Number(id)).execute();
  expect(kept).toHaveLength(cells.length);
  for (const k of kept) {
    const { vendor_id, criterion_id, ...figures } = k;
    expect(figures, `${vendor_id}:${criterion_id}`).toEqual(aggregateCell(scores.filter((s) => s.vendor_id === vendor_id && s.criterion_id === criterion_id).map((s) => s.value)));
  }
  expect(await ranking()).toEqual(await recomputed());

  // No deadlock was detected (and silently retried) on the way.
  await db.destroy();
  expect(await deadlocks(url)).toBe(deadlocksBefore);
  db = openPostgres(url, 2);
  closers.push(() => db.destroy());
}, 60_000);
