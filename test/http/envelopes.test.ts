import { expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, makeTestApp, signupUser } from '../setup/app.js';
import { formLogin, pageGet } from '../setup/pages.js';

// Two envelopes: an evaluator sees prices (and the cost criterion's effect on the ranking) only after
// submitting their quality scores; the facilitator always does.

/** Quality and a cost criterion, two vendors, prices sealed, and an evaluator who scored quality but has not submitted. */
async function sealedEvaluation() {
  const { app } = await makeTestApp();
  const [owner, eva] = await Promise.all([signupUser(app), signupUser(app)]);
  // The facilitator runs the envelopes and does not score, so sees the team's figures (issue 11).
  const id = await createEvaluation(app, owner.token, { template: 'blank' }, { declare: false });
  const path = (p: string) => `/api/v1/evaluations/${id}${p}`;
  const quality = await addCriterion(app, owner.token, id, { name: 'Quality' });
  const cost = await addCriterion(app, owner.token, id, { name: 'Three-year cost', kind: 'cost' });
  const cheap = await addVendor(app, owner.token, id, { name: 'Cheap', price: 100_000 });
  const dear = await addVendor(app, owner.token, id, { name: 'Dear', price: 400_000 });
  await api(app, owner.token, 'POST', path('/members'), { email: eva.email, role: 'evaluator' });
  await declareNoConflict(app, eva.token, id);
  expect((await api(app, owner.token, 'PUT', path('/envelopes'), { hidePrices: true })).status).toBe(200);
  expect((await api(app, eva.token, 'PUT', path('/envelopes'), { hidePrices: false })).status).toBe(403);
  for (const [v, value] of [[cheap, 2], [dear, 4]] as const) await api(app, eva.token, 'PUT', path('/scores'), { vendorId: v, criterionId: quality, value });
  return { app, owner, eva, id, path, quality, cost };
}

test('prices stay sealed for an evaluator until they submit, then open', async () => {
  const { app, owner, eva, path, quality, cost } = await sealedEvaluation();

  const sealed = (await api(app, eva.token, 'GET', path('/vendors'))).json;
  expect(sealed.pricesHidden).toBe(true);
  expect(sealed.vendors.every((v: { price?: number }) => v.price === undefined)).toBe(true);
  const sealedRanking = (await api(app, eva.token, 'GET', path('/ranking'))).json;
  // Without the cost criterion, Quality carries all the weight: Dear 80, Cheap 40.
  expect(Object.keys(sealedRanking.weights)).toEqual([quality]);
  expect(sealedRanking.rows.map((r: { name: string; total: number }) => [r.name, r.total])).toEqual([['Dear', 80], ['Cheap', 40]]);

  // The facilitator sees everything: equal weights, cost = lowest ÷ price → Cheap 1, Dear 0.25.
  // Cheap = 50 × 0.4 + 50 × 1 = 70; Dear = 50 × 0.8 + 50 × 0.25 = 52.5.
  const open = (await api(app, owner.token, 'GET', path('/ranking'))).json;
  expect(open.rows.map((r: { name: string; total: number }) => [r.name, r.total])).toEqual([['Cheap', 70], ['Dear', 52.5]]);
  expect(Object.keys(open.weights).sort()).toEqual([quality, cost].sort());

  expect((await api(app, eva.token, 'POST', path('/submissions/me'))).status).toBe(200);
  const after = (await api(app, eva.token, 'GET', path('/vendors'))).json;
  expect(after.pricesHidden).toBeUndefined();
  expect(after.vendors.map((v: { name: string; price?: number }) => [v.name, v.price])).toEqual([['Cheap', 100_000], ['Dear', 400_000]]);
  expect((await api(app, eva.token, 'GET', path('/ranking'))).json.rows[0].name).toBe('Cheap');
});

test('the overview names the leader as the member may see the ranking: without the cost criterion while prices are sealed', async () => {
  const { app, owner, eva, id } = await sealedEvaluation();

  // Same figures as above: with prices Cheap leads (70 to 52.5), on quality alone Dear does (80 to 40).
  const leaderOn = async (email: string, password: string) => {
    const page = await (await pageGet(app, await formLogin(app, email, password), `/evaluations/${id}`)).text();
    return /Current leader(?: \(your scores only\))?: ([^.<]+)\./.exec(page)?.[1];
  };
  expect(await leaderOn(owner.email, owner.password)).toBe('Cheap');
  expect(await leaderOn(eva.email, eva.password)).toBe('Dear');
});
