import { afterAll, expect, test } from 'vitest';
import { openSqlite, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { createApiToken } from '../../server/services/accounts.js';
import { seedLandscape, type LandscapeOptions } from '../../seeds/landscape.js';
import { api } from '../setup/app.js';
import { freshPostgres } from '../setup/pg-database.js';

// Issue 13, point 5: the landscape seed writes its scores through saveBatch on SQLite and as one
// unnest insert per slice on PostgreSQL (seeds/landscape-scores.ts). Built at a small size on
// both engines, the same options must give the same evaluation: the same ranking to the last
// digit, the same scores, cells, per-evaluator counts and batch audit entries. 1,500 vendors × 7
// leaves make two slices (1,428 vendors a slice), so the slicing is covered too.

const base = process.env.DATABASE_URL;
if (!base) throw new Error('test/pg needs DATABASE_URL: run it with `npm run test:pg`.');

const o: LandscapeOptions = { vendors: 1500, criteria: 7, evaluators: 2, seed: 7 };
const opened: Db[] = [];
afterAll(async () => { for (const db of opened) await db.destroy(); });

/** What the seed left, read through the API as the facilitator (names, not ids, where ids could differ). */
async function built(db: Db) {
  opened.push(db);
  const { evaluationId, facilitatorId } = await seedLandscape(db, o);
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0' }) });
  const { token } = await createApiToken(db, facilitatorId, 'both engines');
  const get = async (path: string) => {
    const res = await api(app, token, 'GET', `/api/v1/evaluations/${evaluationId}${path}`);
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(200);
    return res.json;
  };
  const ranking = (await get('/ranking')).rows as { rank: number; name: string; total: number; coverage: number; breakdown: Record<string, number> }[];
  const scores = (await get('/scores')).scores as { vendorId: string; criterionId: string; evaluatorId?: string; value: number | null }[];
  const audit = await db.selectFrom('audit_entries').select(['action', 'entity_id', 'after']).where('evaluation_id', '=', evaluationId).where('action', '=', 'score-batch').orderBy('id').execute();
  const counts = await db.selectFrom('score_counts').select(['evaluator_id', 'criterion_id', 'n']).where('evaluation_id', '=', evaluationId).orderBy('evaluator_id').orderBy('criterion_id').execute();
  const cells = await db.selectFrom('score_cells').select(['vendor_id', 'criterion_id', 'n', 'sum', 'min', 'max', 'na']).where('evaluation_id', '=', evaluationId).orderBy('vendor_id').orderBy('criterion_id').execute();
  return {
    ranking: ranking.map((r) => [r.rank, r.name, r.total, r.coverage, Object.values(r.breakdown)]),
    scores: scores.map((s) => `${s.vendorId}:${s.criterionId}:${s.evaluatorId ?? ''}=${s.value}`).sort(),
    audit: audit.map((a) => [a.entity_id, a.after]),
    counts: counts.map((c) => c.n),
    cells: cells.map((c) => [c.n, c.sum, c.min, c.max, c.na]),
  };
}

test('the landscape seed builds the same evaluation on SQLite and PostgreSQL', { timeout: 180_000 }, async () => {
  const sqlite = openSqlite(':memory:');
  await migrateToLatest(sqlite);
  const [onSqlite, onPostgres] = [await built(sqlite), await built(await freshPostgres(base))];
  expect(onSqlite.ranking).toHaveLength(o.vendors);
  expect(onSqlite.scores.length).toBeGreaterThan(0);
  expect(onSqlite.audit).toHaveLength(2 * o.evaluators);
  expect(onSqlite.counts.reduce((a, b) => a + b, 0)).toBe(o.vendors * o.criteria * o.evaluators);
  expect(onPostgres.ranking).toEqual(onSqlite.ranking);
  expect(onPostgres.scores).toEqual(onSqlite.scores);
  expect(onPostgres.cells).toEqual(onSqlite.cells);
  expect(onPostgres.counts).toEqual(onSqlite.counts);
  expect(onPostgres.audit).toEqual(onSqlite.audit);
});
