import { beforeAll, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { formLogin, pagePost } from '../setup/pages.js';

// The may-score rules (declared, not submitted, not excluded, scoring open) live in the score
// services themselves, in the transaction that writes: the single save, the batch and the grid's
// clear all refuse the same way, whichever route calls them.

let app: TestApp;
let db: Db;
let owner: Awaited<ReturnType<typeof signupUser>>;
let eva: Awaited<ReturnType<typeof signupUser>>;
let id: string;
let fit: string;
let acme: string;
let zeta: string;
const path = (p: string) => `/api/v1/evaluations/${id}${p}`;
const evasScores = async () => (await db.selectFrom('scores').select(['vendor_id', 'value']).where('evaluation_id', '=', Number(id)).where('evaluator_id', '=', Number(eva.userId)).orderBy('vendor_id').execute());

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  [owner, eva] = await Promise.all([signupUser(app), signupUser(app)]);
  id = await createEvaluation(app, owner.token, { template: 'blank' });
  fit = await addCriterion(app, owner.token, id, { name: 'Fit' });
  acme = await addVendor(app, owner.token, id, { name: 'Acme' });
  zeta = await addVendor(app, owner.token, id, { name: 'Zeta' });
  expect((await api(app, owner.token, 'POST', path('/members'), { email: eva.email, role: 'evaluator' })).status).toBe(201);
});

test('a batch from a member who has not declared: 409 declaration_required, nothing saved', async () => {
  expectApiError(await api(app, eva.token, 'POST', path('/scores/batch'), { scores: [{ vendorId: acme, criterionId: fit, value: 3 }] }), 409, 'declaration_required');
  expect(await evasScores()).toEqual([]);
});

test('a batch naming a vendor the member is excluded from: 403, and none of the batch is saved', async () => {
  await declareNoConflict(app, eva.token, id);
  expect((await api(app, owner.token, 'POST', path('/exclusions'), { userId: eva.userId, vendorId: zeta, reason: 'Former employee' })).status).toBeLessThan(300);
  const res = await api(app, eva.token, 'POST', path('/scores/batch'), { scores: [{ vendorId: acme, criterionId: fit, value: 3 }, { vendorId: zeta, criterionId: fit, value: 4 }] });
  expectApiError(res, 403, 'forbidden');
  expect(await evasScores()).toEqual([]);
});

test('after submitting, the grid cannot clear a score: the cell comes back locked and the score stays', async () => {
  expect((await api(app, eva.token, 'POST', path('/scores/batch'), { scores: [{ vendorId: acme, criterionId: fit, value: 3 }] })).status).toBe(200);
  expect((await api(app, eva.token, 'POST', path('/submissions/me'))).status).toBe(200);
  const cookie = await formLogin(app, eva.email, eva.password);
  const res = await pagePost(app, cookie, `/evaluations/${id}/scoring/cell`, { vendorId: acme, criterionId: fit, version: '1', value: '', comment: '' }, { 'hx-request': 'true' });
  expect(res.status).toBe(409);
  const cell = await res.text();
  expect(cell).toContain('readonly=""');
  expect(cell).not.toContain('hx-post');
  expect(await evasScores()).toEqual([{ vendor_id: Number(acme), value: 3 }]);
  expectApiError(await api(app, eva.token, 'POST', path('/scores/batch'), { scores: [{ vendorId: acme, criterionId: fit, value: 1 }] }), 409, 'scores_submitted');
});
