import { expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, makeTestApp, signupUser } from '../setup/app.js';
import { formLogin, pageGet } from '../setup/pages.js';

// GET /sensitivity on the worked example of test/unit/sensitivity.test.ts: A is strong on c1
// (90 vs 30 points at full weight), B on c2 (40 vs 80); weights 0.6 / 0.4.

test('stability intervals and acceptability for the worked two-vendor example', async () => {
  const { app } = await makeTestApp();
  const [owner, stranger] = await Promise.all([signupUser(app), signupUser(app)]);
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  const c1 = await addCriterion(app, owner.token, id, { name: 'Channels' });
  const c2 = await addCriterion(app, owner.token, id, { name: 'Privacy' });
  const a = await addVendor(app, owner.token, id, { name: 'A' });
  const b = await addVendor(app, owner.token, id, { name: 'B' });
  const p = (s: string) => `/api/v1/evaluations/${id}${s}`;
  await api(app, owner.token, 'PUT', p('/weights'), { weights: { [c1]: 0.6, [c2]: 0.4 } });
  // On 0–5: 4.5 → 0.9, 1.5 → 0.3, 2 → 0.4, 4 → 0.8.
  const scores = [[a, c1, 4.5], [a, c2, 1.5], [b, c1, 2], [b, c2, 4]].map(([vendorId, criterionId, value]) => ({ vendorId, criterionId, value }));
  expect((await api(app, owner.token, 'POST', p('/scores/batch'), { scores })).status).toBe(200);

  const res = await api(app, owner.token, 'GET', p('/sensitivity?samples=4000'));
  expect(res.status).toBe(200);
  expect(res.json.samples).toBe(4000);
  expect(res.json.stability[c1].low).toBeCloseTo(0.5, 9);
  expect(res.json.stability[c1].high).toBeCloseTo(1, 9);
  expect(res.json.stability[c2].low).toBeCloseTo(0, 9);
  expect(res.json.stability[c2].high).toBeCloseTo(0.5, 9);
  // No votes: weights uniform on the simplex, A first exactly when w1 ≥ 0.5 → about half the time.
  expect(res.json.acceptability[a].first).toBeGreaterThan(0.45);
  expect(res.json.acceptability[a].first).toBeLessThan(0.55);
  expect(res.json.acceptability[a].top3).toBe(1);

  expect((await api(app, owner.token, 'GET', p('/sensitivity?samples=5'))).status).toBe(400);
  expect((await api(app, stranger.token, 'GET', p('/sensitivity'))).status).toBe(404);

  const cookie = await formLogin(app, owner.email, owner.password);
  const fragment = await (await pageGet(app, cookie, `/evaluations/${id}/ranking/robustness`, { 'hx-request': 'true' })).text();
  expect(fragment).toContain('A stays first as long as');
  expect(fragment).toContain('50% – 100%');
  expect(fragment.startsWith('<section')).toBe(true);
});
