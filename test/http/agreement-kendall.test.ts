import { beforeAll, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// Kendall's W in the agreement report, worked by hand (m = 2 evaluators, n vendors):
// W = 12 S / (m² (n³ − n)), S the squared deviations of the vendors' rank sums from m (n + 1) / 2.
// The report keeps W until a score changes; these steps check that a change always shows.

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupUser>>;
let eva: Awaited<ReturnType<typeof signupUser>>;
let ben: Awaited<ReturnType<typeof signupUser>>;
let id: string;
let fit: string;
const vendors: string[] = [];
const path = (p = '') => `/api/v1/evaluations/${id}${p}`;
const w = async () => {
  const res = await api(app, owner.token, 'GET', path('/agreement'));
  expect(res.status).toBe(200);
  return res.json.kendallW[fit] as number | null;
};
const score = async (who: typeof eva, vendor: string, value: number) => expect((await api(app, who.token, 'PUT', path('/scores'), { vendorId: vendor, criterionId: fit, value })).status).toBe(200);

beforeAll(async () => {
  ({ app } = await makeTestApp());
  [owner, eva, ben] = await Promise.all([signupUser(app), signupUser(app), signupUser(app)]);
  // The facilitator runs the panel without scoring, so sees the team's agreement during scoring (issue 11).
  id = await createEvaluation(app, owner.token, { template: 'blank' }, { declare: false });
  fit = await addCriterion(app, owner.token, id, { name: 'Fit' });
  for (const name of ['One', 'Two', 'Three']) vendors.push(await addVendor(app, owner.token, id, { name }));
  for (const who of [eva, ben]) {
    expect((await api(app, owner.token, 'POST', path('/members'), { email: who.email, role: 'evaluator' })).status).toBe(201);
    await declareNoConflict(app, who.token, id);
  }
});

test('the same order from both evaluators: W = 1', async () => {
  for (const who of [eva, ben]) for (const [i, v] of vendors.entries()) await score(who, v, i + 1);
  expect(await w()).toBe(1);
});

test('one evaluator swaps two vendors: rank sums 2, 5, 5 around 4, S = 6, W = 72 / 96 = 0.75', async () => {
  await score(ben, vendors[1]!, 3);
  await score(ben, vendors[2]!, 2);
  expect(await w()).toBeCloseTo(0.75, 12);
});

test('the vendor they disagree on is deleted: the rest agree again, W = 1', async () => {
  expect((await api(app, owner.token, 'DELETE', path(`/vendors/${vendors[2]}?confirm=true`))).status).toBeLessThan(300);
  expect(await w()).toBe(1);
});

test('a vendor one evaluator has not scored is left out of W: over the vendors both scored', async () => {
  // Two new vendors: eva scores both, ben only the first, against the order the others share.
  // Counted over every vendor the disagreement would lower W; over the common ones (One, Two, Four) it stays 1.
  for (const name of ['Four', 'Five']) vendors.push(await addVendor(app, owner.token, id, { name }));
  await score(eva, vendors[3]!, 4);
  await score(ben, vendors[3]!, 4);
  await score(eva, vendors[4]!, 5);
  expect(await w()).toBe(1);
  // Once ben scores it far from eva, it counts: W drops below 1.
  await score(ben, vendors[4]!, 0.5);
  expect(await w()).toBeLessThan(1);
});
