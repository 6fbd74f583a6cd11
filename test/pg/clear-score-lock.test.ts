import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { openPostgres, type Db } from '../../db/client.js';
import { evaluationForMember } from '../../db/queries/evaluations.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { clearScore } from '../../server/services/scores.js';
import { addCriterion, addVendor, api, createEvaluation, signupUser } from '../setup/app.js';
import { freshPostgresUrl } from '../setup/pg-database.js';

// Issue 13, point 5's leftover: clearing a score on PostgreSQL read the row, then deleted it
// without a lock or a version, so a write of the cell that committed in between was deleted with
// it and both callers were told they had succeeded. A second connection holds the score row's
// lock while it updates the cell (what a concurrent PUT /scores does), the clear waits for it,
// and must then answer 409 and leave the other write in place. PostgreSQL pass only.

const base = process.env.DATABASE_URL;
if (!base) throw new Error('test/pg needs DATABASE_URL: run it with `npm run test:pg`.');

const closers: (() => Promise<void>)[] = [];
afterAll(async () => { for (const close of closers) await close(); });

async function scoredCell() {
  const url = await freshPostgresUrl(base!);
  const db: Db = openPostgres(url, 4);
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  closers.push(() => db.destroy(), () => other.end());
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0' }) });
  const owner = await signupUser(app);
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  const criterion = await addCriterion(app, owner.token, id, { name: 'Fit' });
  const vendor = await addVendor(app, owner.token, id, { name: 'Acme' });
  expect((await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: vendor, criterionId: criterion, value: 2 })).status).toBe(200);
  const userId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  const actor = { ...(await evaluationForMember(db, Number(id), userId))!, userId };
  const cell = { evaluation_id: Number(id), vendor_id: Number(vendor), criterion_id: Number(criterion), evaluator_id: userId };
  const row = () => db.selectFrom('scores').select(['value', 'version']).where('vendor_id', '=', cell.vendor_id).where('criterion_id', '=', cell.criterion_id).executeTakeFirst();
  const aggregate = () => db.selectFrom('score_cells').select(['n', 'sum']).where('vendor_id', '=', cell.vendor_id).where('criterion_id', '=', cell.criterion_id).executeTakeFirst();
  return { db, other, actor, cell, row, aggregate };
}

/** Waits until a backend of `db`'s database waits for a lock (the clear, blocked by `other`). */
async function untilBlocked(other: pg.Client): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await other.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the clear never waited for the row lock');
}

test('a clear racing a write of the cell waits for it and answers 409, the write kept', async () => {
  const { db, other, actor, cell, row, aggregate } = await scoredCell();
  expect(await row()).toEqual({ value: 2, version: 1 });
  await other.query('begin');
  await other.query('update scores set value = 5, version = version + 1 where vendor_id = $1 and criterion_id = $2 and evaluator_id = $3', [cell.vendor_id, cell.criterion_id, cell.evaluator_id]);
  const clearing = clearScore(db, actor, cell.vendor_id, cell.criterion_id, 1).then(() => 'cleared', (e: { status?: number; code?: string }) => `${e.status} ${e.code}`);
  await untilBlocked(other);
  await other.query('commit');
  expect(await clearing).toBe('409 stale_version');
  expect(await row()).toEqual({ value: 5, version: 2 });
  expect(await aggregate()).toMatchObject({ n: 1 });
});

test('a clear at the current version removes the score and zeroes the cell, once', async () => {
  const { db, actor, cell, row, aggregate } = await scoredCell();
  await clearScore(db, actor, cell.vendor_id, cell.criterion_id, 1);
  expect(await row()).toBeUndefined();
  expect(await aggregate()).toMatchObject({ n: 0, sum: 0 });
  // Clearing what is already gone changes nothing and writes no second audit entry.
  await clearScore(db, actor, cell.vendor_id, cell.criterion_id, undefined);
  const clears = await db.selectFrom('audit_entries').select('id').where('action', '=', 'clear').execute();
  expect(clears).toHaveLength(1);
});
