import { beforeAll, expect, test } from 'vitest';
import { addCriterion, api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// The forms converted to formValidator keep their answers: access before the form, the page's
// own messages at 422, and the voting settings' quiet fallbacks.
let app: TestApp;
let owner: string;
let evaluator: string;
let id: string;
let quality: string;
let token: string;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  await signupUser(app, { email: 'hook-eva@example.test', password: 'correct-horse-battery' });
  const u = await signedInUser(app, 'hook-owner@example.test');
  ({ token, cookie: owner } = u);
  id = await createEvaluation(app, u.token, { template: 'blank' });
  quality = await addCriterion(app, u.token, id, { name: 'Quality' });
  await addCriterion(app, u.token, id, { name: 'Service' });
  await api(app, u.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'hook-eva@example.test', role: 'evaluator' });
  evaluator = await formLogin(app, 'hook-eva@example.test', 'correct-horse-battery');
});

test.each(['/weights', '/voting/settings', '/voting/groups/weights', '/members/exclusions', '/members/assignments'])('%s: access is checked before the form is read', async (path) => {
  const signedOut = await pagePost(app, null, `/evaluations/${id}${path}`, {});
  expect(signedOut.status).toBe(303);
  expect(signedOut.headers.get('location')).toMatch(/^\/login/);
  expect((await pagePost(app, evaluator, `/evaluations/${id}${path}`, {})).status).toBe(403);
});

test('weights: a bad number is named on its field (422) and nothing is saved', async () => {
  const res = await pagePost(app, owner, `/evaluations/${id}/weights`, { [`w.${quality}`]: '0x10' });
  expect(res.status).toBe(422);
  expect(await res.text()).toContain(esc(m.weights.notNumber));
});

test('voting settings: an unknown aggregation or AHP mode falls back to mean / aip; no method is a 422', async () => {
  expect((await pagePost(app, owner, `/evaluations/${id}/voting/settings`, { 'method.points': '1', aggregation: 'median', ahpMode: 'aij' })).status).toBe(303);
  const ok = await pagePost(app, owner, `/evaluations/${id}/voting/settings`, { 'method.points': '1', aggregation: 'bogus', ahpMode: 'zzz' });
  expect(ok.status).toBe(303);
  // Issue 12: the rules in force are on the voting page's "Results and rules" part.
  const page = await (await pageGet(app, owner, `/evaluations/${id}/voting?view=results`)).text();
  expect(page).toContain(`${m.voting.aggregations.mean} · ${m.voting.ahpModes.aip}`);
  const none = await pagePost(app, owner, `/evaluations/${id}/voting/settings`, { aggregation: 'median' });
  expect(none.status).toBe(422);
  expect(await none.text()).toContain('Allow at least one voting method.');
});

test('group weights: a number out of 0–1000 re-renders the tab with the message (422)', async () => {
  const res = await pagePost(app, owner, `/evaluations/${id}/voting/groups/weights`, { 'g.1': '1001' });
  expect(res.status).toBe(422);
  expect(await res.text()).toContain('Group weights are numbers from 0 to 1000.');
});

test('declaration: no answer is named on the field (422)', async () => {
  await api(app, token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring', force: true });
  const res = await pagePost(app, evaluator, `/evaluations/${id}/declaration`, { conflict: 'maybe' });
  expect(res.status).toBe(422);
  expect(await res.text()).toContain(esc(m.scoring.declareMissing));
});

test('scoring cell: a cell without its vendor is a 400 page; a signed-out one goes to sign in first', async () => {
  expect((await pagePost(app, owner, `/evaluations/${id}/scoring/cell`, { criterionId: quality, value: '3' })).status).toBe(400);
  const signedOut = await pagePost(app, null, `/evaluations/${id}/scoring/cell`, {});
  expect(signedOut.status).toBe(303);
});
