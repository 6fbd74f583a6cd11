import { afterAll, beforeAll, expect, test } from 'vitest';
import { api, makeTestApp, type TestApp } from '../setup/app.js';
import { insertCriterion } from '../../db/queries/criteria.js';
import { findUserByEmail, teamIdOf } from '../../db/queries/users.js';
import { evaluationForMember } from '../../db/queries/evaluations.js';
import { addEvaluationMember, createTeamMember } from '../../seeds/factories.js';
import { declare } from '../../server/services/panel.js';
import { seedLandscape } from '../../seeds/landscape.js';
import { createApiToken } from '../../server/services/accounts.js';
import { BIG_ANSWER_ROWS } from '../../server/json-in-steps.js';
import { clearHeavyResults } from '../../server/heavy/jobs.js';
import { closeHeavyPool, completedJobs } from '../../server/heavy/pool.js';

// A big weighted-sum ranking answer is ranked and written to bytes in a pool thread (issue 15,
// promise 1; exports/ranking-answer.ts): byte for byte the answer the event loop writes in steps
// when the pool is off, for every limit, a what-if and each reader's language.

let app: TestApp;
let token: string;
let id: number;
/** Blind scorers (scoring, not submitted): each reads a ranking of their own scores only. */
let evaluatorToken: string;
let secondToken: string;
const VENDORS = BIG_ANSWER_ROWS + 150;
const env = { ...process.env };

beforeAll(async () => {
  // Every heavy job goes to the pool, however small the test's evaluation.
  process.env.HEAVY_INLINE_BELOW = '0';
  const made = await makeTestApp();
  app = made.app;
  const seeded = await seedLandscape(made.db, { vendors: VENDORS, criteria: 4, evaluators: 1, seed: 11 });
  id = seeded.evaluationId;
  token = (await createApiToken(made.db, seeded.facilitatorId, 'bytes')).token;
  // A vendor knocked out by a must-have, so the answer holds a reason phrased in the reader's language.
  // Scoring has opened, so the criterion goes in as the seed's do; the seed's evaluator scores it.
  const gate = String((await insertCriterion(made.db, { evaluation_id: id, parent_id: null, name: 'EU hosting', kind: 'must-have', position: 99, created_at: new Date().toISOString() })).id);
  const evaluator = (await findUserByEmail(made.db, 'landscape-evaluator-01@cxbench.test'))!;
  evaluatorToken = (await createApiToken(made.db, evaluator.id, 'scores')).token;
  const top = (JSON.parse((await answer('?limit=3', 'en', '0')).text) as { rows: { vendorId: string }[] }).rows.map((r) => r.vendorId);
  const batch = await api(app, evaluatorToken, 'POST', `/api/v1/evaluations/${id}/scores/batch`, { scores: [{ vendorId: top[0], criterionId: gate, value: 0 }] });
  expect(batch.status, batch.text).toBe(200);
  // A second evaluator who has scored two vendors on one criterion: their own ranking, the first
  // evaluator's and the team's all differ, so a cached answer handed to the wrong reader shows.
  const { userId: second } = await createTeamMember(made.db, await teamIdOf(made.db, seeded.facilitatorId), { email: 'second-blind@cxbench.test', name: 'Second Blind', password: 'a long enough password' });
  await addEvaluationMember(made.db, id, second, 'evaluator');
  await declare(made.db, { ...(await evaluationForMember(made.db, id, second))!, userId: second }, { conflict: false });
  secondToken = (await createApiToken(made.db, second, 'scores')).token;
  const criteria = (await api(app, token, 'GET', `/api/v1/evaluations/${id}/criteria`)).json as { criteria: { id: string; kind: string; parentId: string | null }[] };
  const leaf = criteria.criteria.find((c) => c.kind === 'scored' && c.parentId !== null)!.id;
  const own = await api(app, secondToken, 'POST', `/api/v1/evaluations/${id}/scores/batch`, { scores: [{ vendorId: top[1], criterionId: leaf, value: 0 }, { vendorId: top[2], criterionId: leaf, value: 5 }] });
  expect(own.status, own.text).toBe(200);
}, 60_000);

afterAll(async () => {
  process.env = env;
  await closeHeavyPool();
});

async function answer(query: string, lang: string, threads: string, as = token): Promise<{ status: number; type: string | null; text: string }> {
  process.env.HEAVY_THREADS = threads;
  const res = await app.request(`/api/v1/evaluations/${id}/ranking${query}`, { headers: { authorization: `Bearer ${as}`, 'accept-language': lang } });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

test.each([
  ['every vendor', '', 'en'],
  ['a limit past the step', `?limit=${BIG_ANSWER_ROWS + 10}`, 'en'],
  ['a what-if cost formula', '?costFormula=linear', 'de'],
  ['every vendor in Polish', '?limit=100000', 'pl'],
])('%s: the pool thread’s bytes equal the loop’s', async (_name, query, lang) => {
  clearHeavyResults();
  const onLoop = await answer(query, lang, '0');
  const before = completedJobs();
  const inPool = await answer(query, lang, '1');
  expect(inPool.status, inPool.text.slice(0, 300)).toBe(200);
  expect(completedJobs() - before).toBeGreaterThanOrEqual(1);
  expect(inPool.type).toBe(onLoop.type);
  expect((JSON.parse(inPool.text) as { rows: unknown[] }).rows.length).toBeGreaterThan(BIG_ANSWER_ROWS);
  expect(inPool.text).toBe(onLoop.text);
  // Asked again: the cached bytes, the same answer, no new job.
  const jobs = completedJobs();
  expect((await answer(query, lang, '1')).text).toBe(onLoop.text);
  expect(completedJobs()).toBe(jobs);
}, 60_000);

test('one cached answer per language: a German reader after an English one gets German reasons', async () => {
  clearHeavyResults();
  const en = await answer('', 'en', '1');
  const de = await answer('', 'de', '1');
  expect((JSON.parse(en.text) as { excluded: unknown[] }).excluded).toHaveLength(1);
  expect(de.text).not.toBe(en.text);
  expect(de.text).toBe((await answer('', 'de', '0')).text);
  expect(en.text).toBe((await answer('', 'en', '0')).text);
}, 60_000);

test('a blind scorer never gets another reader’s cached answer: each gets the bytes of their own scores', async () => {
  clearHeavyResults();
  const readers = [token, evaluatorToken, secondToken];
  // Everyone reads through the pool with the cache warm from the readers before them.
  const pooled: Awaited<ReturnType<typeof answer>>[] = [];
  for (const as of readers) pooled.push(await answer('', 'en', '1', as));
  clearHeavyResults();
  const onLoop: Awaited<ReturnType<typeof answer>>[] = [];
  for (const as of readers) onLoop.push(await answer('', 'en', '0', as));
  pooled.forEach((r, i) => {
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.text).toBe(onLoop[i]!.text);
  });
  expect(new Set(pooled.map((r) => r.text)).size).toBe(3);
  // The second evaluator scored two vendors, each on one criterion: their ranking is those two alone.
  const secondRows = (JSON.parse(pooled[2]!.text) as { rows: { coverage: number }[] }).rows.filter((r) => r.coverage > 0);
  expect(secondRows).toHaveLength(2);
}, 60_000);
