import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { openPostgres } from '../../db/client.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, signupUser } from '../setup/app.js';
import { freshPostgresUrl } from '../setup/pg-database.js';

// ADR 047: a PostgreSQL score write locks its cell first and reads what it checks (may-score:
// exclusions, withdrawals, status, submission) only after that lock. A statement reads the data as
// it stood when it began, so checks read alongside a lock that had to wait would predate what the
// lock's holder committed. Here the holder is an exclusion of the writer from the vendor (as
// excludeEvaluator does: the exclusion, then the vendor's cells locked and recounted): the write
// that waited on the cell must then be refused, and nothing of it stored. The other way round, an
// exclusion that comes while a write is creating a cell waits for it and recounts it. PostgreSQL pass only.

const base = process.env.DATABASE_URL;
if (!base) throw new Error('test/pg needs DATABASE_URL: run it with `npm run test:pg`.');

const closers: (() => Promise<void>)[] = [];
afterAll(async () => { for (const close of closers) await close(); });

/** A fresh database with an app, its owner, and an evaluation of one vendor and one criterion. */
async function oneCell() {
  const url = await freshPostgresUrl(base!);
  const db = openPostgres(url, 4);
  closers.push(() => db.destroy());
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0' }) });
  const owner = await signupUser(app);
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  const criterionId = await addCriterion(app, owner.token, id, { name: 'Fit' });
  const vendorId = await addVendor(app, owner.token, id, { name: 'Alpha' });
  return { url, db, app, owner, id, criterionId, vendorId };
}

/** A connection of its own, for a transaction that holds locks while the app writes. */
async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  closers.push(() => client.end());
  return client;
}

/**
 * Resolves once a backend of the database waits for a lock (the app's request has reached the
 * holder's row), or fails after 10 s. Asked on a connection of its own: within a transaction
 * PostgreSQL keeps showing the activity it saw first. A fixed sleep instead would let a slow
 * request arrive after the holder's commit, where it passes whatever the order of its statements.
 */
async function lockWaitSeen(url: string): Promise<void> {
  const watcher = await connected(url);
  for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
    const { rows } = await watcher.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    if (rows[0]!.n > 0) return;
  }
  throw new Error('no request waited for a lock within 10 s');
}

test('a write that waited for the cell lock sees the exclusion its holder committed, and is refused', async () => {
  const { url, db, app, owner, id, criterionId, vendorId } = await oneCell();
  const eva = await signupUser(app);
  const path = `/api/v1/evaluations/${id}`;
  expect((await api(app, owner.token, 'POST', `${path}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
  await declareNoConflict(app, eva.token, id);
  // The cell exists (the owner scored it), so the holder below can lock its row.
  expect((await api(app, owner.token, 'PUT', `${path}/scores`, { vendorId, criterionId, value: 2 })).status).toBe(200);

  const holder = await connected(url);
  await holder.query('begin');
  await holder.query('insert into evaluator_exclusions (evaluation_id, user_id, vendor_id, reason, created_by, created_at) values ($1, $2, $3, $4, $5, $6)',
    [Number(id), Number(eva.userId), Number(vendorId), 'Former employer', Number(owner.userId), new Date().toISOString()]);
  await holder.query('select 1 from score_cells where vendor_id = $1 and criterion_id = $2 for update', [Number(vendorId), Number(criterionId)]);

  let settled = false;
  const write = api(app, eva.token, 'PUT', `${path}/scores`, { vendorId, criterionId, value: 5 }).finally(() => { settled = true; });
  await lockWaitSeen(url);
  expect(settled).toBe(false); // it waits for the cell
  await holder.query('commit');

  const res = await write;
  expect(res.status, res.text).toBe(403);
  expect(res.json.error?.code ?? res.json.code).toBe('forbidden');
  const stored = await db.selectFrom('scores').select('value').where('vendor_id', '=', Number(vendorId)).where('criterion_id', '=', Number(criterionId)).where('evaluator_id', '=', Number(eva.userId)).executeTakeFirst();
  expect(stored).toBeUndefined();
}, 60_000);

test('a status change that commits while a write runs (it locks the evaluation, not the cell) stops that write', async () => {
  const { url, db, app, owner, id, criterionId, vendorId } = await oneCell();
  const path = `/api/v1/evaluations/${id}`;

  // The holder closes scoring and holds the evaluation's row: the write reads its facts (the old
  // status, the holder has not committed), writes, and waits only at its closing stamp.
  const holder = await connected(url);
  await holder.query('begin');
  await holder.query("update evaluations set status = 'decided' where id = $1", [Number(id)]);

  let settled = false;
  const write = api(app, owner.token, 'PUT', `${path}/scores`, { vendorId, criterionId, value: 4 }).finally(() => { settled = true; });
  await lockWaitSeen(url);
  expect(settled).toBe(false); // it waits at the stamp
  await holder.query('commit');

  const res = await write;
  expect(res.status, res.text).toBe(409);
  expect(res.json.error.code).toBe('scoring_closed');
  const stored = await db.selectFrom('scores').select('value').where('vendor_id', '=', Number(vendorId)).where('criterion_id', '=', Number(criterionId)).executeTakeFirst();
  expect(stored).toBeUndefined();
  const log = await db.selectFrom('score_cell_changes').select('seq').where('evaluation_id', '=', Number(id)).execute();
  expect(log).toEqual([]);
}, 60_000);

test('an exclusion waits for a write that is creating one of the vendor’s cells, then recounts that cell without the excluded scores', async () => {
  const { url, db, app, owner, id, criterionId, vendorId } = await oneCell();
  const eva = await signupUser(app);
  const path = `/api/v1/evaluations/${id}`;
  expect((await api(app, owner.token, 'POST', `${path}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
  await declareNoConflict(app, eva.token, id);

  // The holder is the evaluator's first score on the vendor, part way through: its score and the
  // cell it creates are written, not committed, so a list of the vendor's cells cannot see them.
  const holder = await connected(url);
  await holder.query('begin');
  await holder.query('insert into scores (evaluation_id, vendor_id, criterion_id, evaluator_id, value, updated_at) values ($1, $2, $3, $4, 5, $5)',
    [Number(id), Number(vendorId), Number(criterionId), Number(eva.userId), new Date().toISOString()]);
  await holder.query('insert into score_cells (evaluation_id, vendor_id, criterion_id, n, sum, min, max) values ($1, $2, $3, 1, 5, 5, 5)',
    [Number(id), Number(vendorId), Number(criterionId)]);

  let settled = false;
  const exclusion = api(app, owner.token, 'POST', `${path}/exclusions`, { userId: eva.userId, vendorId, reason: 'Former employer' }).finally(() => { settled = true; });
  await lockWaitSeen(url);
  expect(settled).toBe(false); // it waits for the cell the write is creating
  await holder.query('commit');

  const res = await exclusion;
  expect(res.status, res.text).toBe(201);
  const cell = await db.selectFrom('score_cells').select(['n', 'sum']).where('vendor_id', '=', Number(vendorId)).where('criterion_id', '=', Number(criterionId)).executeTakeFirstOrThrow();
  expect(cell).toEqual({ n: 0, sum: 0 });
}, 60_000);

test('an exclusion recounts only the vendor’s cells that have scores, not the empty cells its lock made; lifting it counts them again', async () => {
  const { app, db, owner, id, criterionId, vendorId } = await oneCell();
  const path = `/api/v1/evaluations/${id}`;
  await addCriterion(app, owner.token, id, { name: 'Reach' });
  const eva = await signupUser(app);
  expect((await api(app, owner.token, 'POST', `${path}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
  await declareNoConflict(app, eva.token, id);
  expect((await api(app, eva.token, 'PUT', `${path}/scores`, { vendorId, criterionId, value: 4 })).status).toBe(200);
  const stampedSince = async (seq: number) => (await db.selectFrom('score_cell_changes').select('criterion_id').where('evaluation_id', '=', Number(id)).where('seq', '>', seq).execute()).map((c) => c.criterion_id);
  const lastSeq = async () => Number((await db.selectFrom('score_cell_changes').select(({ fn }) => fn.max('seq').as('seq')).where('evaluation_id', '=', Number(id)).executeTakeFirstOrThrow()).seq ?? 0);
  const cellN = async () => (await db.selectFrom('score_cells').select(['n']).where('vendor_id', '=', Number(vendorId)).where('criterion_id', '=', Number(criterionId)).executeTakeFirstOrThrow()).n;

  let before = await lastSeq();
  expect((await api(app, owner.token, 'POST', `${path}/exclusions`, { userId: eva.userId, vendorId, reason: 'Former employer' })).status).toBe(201);
  // The scored cell is recounted (its score no longer counts); the other leaf's empty cell is left alone.
  expect(await stampedSince(before)).toEqual([Number(criterionId)]);
  expect(await cellN()).toBe(0);

  // Lifted: the cell counts nothing now but has a score, so it is recounted, and the score counts again.
  before = await lastSeq();
  expect((await api(app, owner.token, 'DELETE', `${path}/exclusions/${eva.userId}/${vendorId}`)).status).toBe(204);
  expect(await stampedSince(before)).toEqual([Number(criterionId)]);
  expect(await cellN()).toBe(1);
}, 60_000);
