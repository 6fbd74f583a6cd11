import { beforeAll, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addCriterion, api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// GET /scores is streamed a hundred vendors at a time (server/read-models/scores-export.ts). Across
// chunk boundaries it must still be one JSON document, in (vendor, criterion, evaluator) order,
// with every score once and nothing the caller may not see.

let app: TestApp;
let db: Db;
let owner: Awaited<ReturnType<typeof signupUser>>;
let id: string;
let leaves: string[];
let vendors: number[];

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  owner = await signupUser(app);
  id = await createEvaluation(app, owner.token, { template: 'blank' });
  leaves = [await addCriterion(app, owner.token, id, { name: 'Fit' }), await addCriterion(app, owner.token, id, { name: 'Cost of change' })];
  const at = new Date().toISOString();
  await db.insertInto('vendors').values(Array.from({ length: 230 }, (_, i) => ({ evaluation_id: Number(id), name: `V${i}`, name_key: `v${i}`, price: null, screened_out: null, created_at: at, updated_at: at }))).execute();
  vendors = (await db.selectFrom('vendors').select('id').where('evaluation_id', '=', Number(id)).orderBy('id').execute()).map((v) => v.id);
  // Every other vendor scored on both leaves: chunks with gaps, and a last chunk of 30 vendors.
  const scores = vendors.filter((_, i) => i % 2 === 0).flatMap((v, i) => leaves.map((c, j) => ({ vendorId: String(v), criterionId: c, value: (i + j) % 6 })));
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/scores/batch`, { scores })).status).toBe(200);
});

test('230 vendors, 230 scores: one JSON document, key order, each score once with its fields', async () => {
  const res = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/scores`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const got: { vendorId: string; criterionId: string; evaluatorId: string; value: number; comment: string; version: number }[] = res.json.scores;
  expect(got).toHaveLength(230);
  const keys = got.map((s) => [Number(s.vendorId), Number(s.criterionId)]);
  const sorted = [...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  expect(keys).toEqual(sorted);
  expect(new Set(got.map((s) => `${s.vendorId}:${s.criterionId}`)).size).toBe(230);
  expect(got[0]).toEqual({ vendorId: String(vendors[0]), criterionId: leaves[0], evaluatorId: owner.userId, value: 0, comment: '', version: 1 });
  expect(got.at(-1)!.vendorId).toBe(String(vendors[228]));
});

test('filters still narrow: one criterion, one vendor, and a vendor of nobody gives an empty list', async () => {
  expect((await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/scores?criterionId=${leaves[1]}`)).json.scores).toHaveLength(115);
  expect((await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/scores?vendorId=${vendors[4]}`)).json.scores.map((s: { criterionId: string }) => s.criterionId)).toEqual(leaves);
  expect((await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/scores?vendorId=${vendors[5]}`)).json).toEqual({ scores: [] });
});

test('whole chunks with nothing to show are skipped, not the end: another evaluator sees only their one score', async () => {
  const eva = await signupUser(app);
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
  expect((await api(app, eva.token, 'PUT', `/api/v1/evaluations/${id}/declarations/me`, { conflict: false })).status).toBe(200);
  // Vendor 150: the first two chunks of a hundred vendors hold nothing of Eva's, nor does the last.
  expect((await api(app, eva.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: String(vendors[150]), criterionId: leaves[0], value: 2 })).status).toBe(200);
  const res = await api(app, eva.token, 'GET', `/api/v1/evaluations/${id}/scores`);
  expect(res.json.scores.map((s: { vendorId: string; evaluatorId: string }) => [s.vendorId, s.evaluatorId])).toEqual([[String(vendors[150]), eva.userId]]);
  expect((await api(app, eva.token, 'GET', `/api/v1/evaluations/${id}/scores?criterionId=${leaves[1]}`)).json).toEqual({ scores: [] });
});

test('an empty evaluation streams {"scores":[]}', async () => {
  const empty = await createEvaluation(app, owner.token, { template: 'blank' });
  const res = await api(app, owner.token, 'GET', `/api/v1/evaluations/${empty}/scores`);
  expect(res.text).toBe('{"scores":[]}');
});
