import { beforeAll, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addCriterion, addVendor, api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// Issue 13, point 2: the guarantees of a single score write on either engine (SQLite's group
// commit, PostgreSQL's pooled transactions with row locks). Runs in both passes.

let app: TestApp;
let db: Db;
let owner: Awaited<ReturnType<typeof signupUser>>;
let id: string;
let leaf: string;
let vendor: string;

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  owner = await signupUser(app);
  id = await createEvaluation(app, owner.token, { template: 'blank' });
  leaf = await addCriterion(app, owner.token, id, { name: 'APIs' });
  vendor = await addVendor(app, owner.token, id, { name: 'Alpha' });
});

const put = (body: Record<string, unknown>) => api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/scores`, body);
const audits = async () => (await db.selectFrom('audit_entries').select('id').where('evaluation_id', '=', Number(id)).where('action', '=', 'score').execute()).length;

test('12 writes to one cell at once, all from the same version: exactly one applies, the rest are 409; aggregate and audit agree', async () => {
  const before = await audits();
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => put({ vendorId: vendor, criterionId: leaf, value: i % 6, version: 0 })));
  const applied = results.filter((r) => r.status === 200);
  expect(applied).toHaveLength(1);
  expect(applied[0]!.json).toEqual({ version: 1 });
  for (const r of results.filter((x) => x.status !== 200)) expectApiError(r, 409, 'stale_version');
  const winner = results.indexOf(applied[0]!) % 6;
  const score = await db.selectFrom('scores').select(['value', 'version']).where('vendor_id', '=', Number(vendor)).where('criterion_id', '=', Number(leaf)).executeTakeFirstOrThrow();
  expect(score).toEqual({ value: winner, version: 1 });
  const cell = await db.selectFrom('score_cells').select(['n', 'sum', 'min', 'max']).where('vendor_id', '=', Number(vendor)).where('criterion_id', '=', Number(leaf)).executeTakeFirstOrThrow();
  expect(cell).toEqual({ n: 1, sum: winner, min: winner, max: winner });
  expect(await audits()).toBe(before + 1);
});

test('12 writes to one cell at once without a version: all apply in some serial order, versions 2…13 each once', async () => {
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => put({ vendorId: vendor, criterionId: leaf, value: (i % 5) + 0.25 })));
  expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
  const versions = results.map((r) => r.json.version as number).sort((a, b) => a - b);
  expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
  // The stored value is the one of the write that got the last version.
  const last = results.find((r) => r.json.version === 13)!;
  const value = (results.indexOf(last) % 5) + 0.25;
  const cell = await db.selectFrom('score_cells').select(['n', 'sum']).where('vendor_id', '=', Number(vendor)).where('criterion_id', '=', Number(leaf)).executeTakeFirstOrThrow();
  expect(cell).toEqual({ n: 1, sum: value });
});
