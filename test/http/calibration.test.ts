import { beforeAll, describe, expect, test } from 'vitest';
import { api, addCriterion, addVendor, createEvaluation, declareNoConflict, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { formLogin, pageGet } from '../setup/pages.js';

// Issue 14, point 5: a worked example with known offsets. Scale 0–100, two criteria weighted
// equally, so a vendor's total is the mean of its two cell values. On the shared vendors V1 and V2
// the three evaluators give the cell's true value + 15 (Ann), + 0 (Ben) and − 15 (Cat): the panel
// mean is the true value and the offsets are exactly +15, 0, −15. V3 is scored by Ann alone (80),
// V4 by Cat alone (45): one-evaluator cells, which measure nobody's leniency but are corrected by it.
//
//   official totals: V3 80, V1 70, V2 55, V4 45       corrected: V1 70, V3 65, V4 60, V2 55

const TRUE = { V1: 70, V2: 55 } as const;
const OFFSET = { ann: 15, ben: 0, cat: -15 } as const;

interface Fixture { app: TestApp; id: string; owner: { token: string; email: string; password: string }; ann: string; annCookie: string; stakeholder: string; vendors: Record<'V1' | 'V2' | 'V3' | 'V4', string> }

async function build(): Promise<Fixture> {
  const { app } = await makeTestApp();
  const owner = await signupUser(app, { name: 'Fay Facilitator' });
  const id = await createEvaluation(app, owner.token, { template: 'blank', scale: { min: 0, max: 100 } }, { declare: false });
  const people: Record<keyof typeof OFFSET, string> = { ann: '', ben: '', cat: '' };
  let annEmail = '';
  let annPassword = '';
  for (const key of ['ann', 'ben', 'cat'] as const) {
    const u = await signupUser(app, { name: key[0]!.toUpperCase() + key.slice(1) });
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: u.email, role: 'evaluator' })).status).toBe(201);
    people[key] = u.token;
    if (key === 'ann') { annEmail = u.email; annPassword = u.password; }
  }
  const stakeholder = await signupUser(app);
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: stakeholder.email, role: 'stakeholder' })).status).toBe(201);
  const c1 = await addCriterion(app, owner.token, id, { name: 'Journeys' });
  const c2 = await addCriterion(app, owner.token, id, { name: 'Analytics' });
  const vendors = { V1: await addVendor(app, owner.token, id, { name: 'Vendor One' }), V2: await addVendor(app, owner.token, id, { name: 'Vendor Two' }), V3: await addVendor(app, owner.token, id, { name: 'Vendor Three' }), V4: await addVendor(app, owner.token, id, { name: 'Vendor Four' }) };
  expect((await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/weights`, { weights: { [c1]: 1, [c2]: 1 } })).status).toBe(200);
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring' })).status).toBe(200);
  for (const t of Object.values(people)) await declareNoConflict(app, t, id);
  const score = async (token: string, vendorId: string, value: number) => {
    for (const criterionId of [c1, c2]) {
      const res = await api(app, token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId, criterionId, value });
      expect(res.status, res.text).toBe(200);
    }
  };
  for (const key of ['ann', 'ben', 'cat'] as const) {
    await score(people[key], vendors.V1, TRUE.V1 + OFFSET[key]);
    await score(people[key], vendors.V2, TRUE.V2 + OFFSET[key]);
  }
  await score(people.ann, vendors.V3, 80);
  await score(people.cat, vendors.V4, 45);
  return { app, id, owner, ann: people.ann, annCookie: await formLogin(app, annEmail, annPassword), stakeholder: stakeholder.token, vendors };
}

describe('evaluator calibration (issue 14, point 5)', () => {
  let f: Fixture;
  beforeAll(async () => { f = await build(); });

  test('leniency, spread and the check ranking match the worked example', async () => {
    const res = await api(f.app, f.owner.token, 'GET', `/api/v1/evaluations/${f.id}/calibration`);
    expect(res.status, res.text).toBe(200);
    const byName = Object.fromEntries(res.json.evaluators.map((e: any) => [e.name, e]));
    expect(res.json.evaluators.map((e: any) => e.name)).toEqual(['Ann', 'Ben', 'Cat']);
    expect(byName.Ann.leniency).toBeCloseTo(15, 9);
    expect(byName.Ben.leniency).toBeCloseTo(0, 9);
    expect(byName.Cat.leniency).toBeCloseTo(-15, 9);
    for (const e of Object.values(byName) as any[]) expect(e.offsetSd).toBeCloseTo(0, 6);
    // Ann: 85, 85, 70, 70 shared and 80, 80 alone. Cat: 55, 55, 40, 40 and 45, 45.
    expect(byName.Ann).toMatchObject({ scores: 6, shared: 4 });
    expect(byName.Ann.mean).toBeCloseTo(470 / 6, 9);
    const annSd = Math.sqrt([85, 85, 70, 70, 80, 80].reduce((s, v) => s + (v - 470 / 6) ** 2, 0) / 6);
    expect(byName.Ann.sd).toBeCloseTo(annSd, 9);
    expect(byName.Ben).toMatchObject({ scores: 4, shared: 4, sd: 7.5 });
    expect(byName.Cat.mean).toBeCloseTo(280 / 6, 9);

    const { check } = res.json;
    expect(check).toMatchObject({ official: false, method: 'offset-corrected', ranked: 4, moved: 4 });
    expect(check.rows.map((r: any) => [r.name, r.rank, Math.round(r.total * 1e6) / 1e6, r.officialRank, Math.round(r.officialTotal * 1e6) / 1e6])).toEqual([
      ['Vendor One', 1, 70, 2, 70],
      ['Vendor Three', 2, 65, 1, 80],
      ['Vendor Four', 3, 60, 4, 45],
      ['Vendor Two', 4, 55, 3, 55],
    ]);
    const limited = await api(f.app, f.owner.token, 'GET', `/api/v1/evaluations/${f.id}/calibration?limit=1`);
    expect(limited.json.check.rows).toHaveLength(1);
    expect(limited.json.check.ranked).toBe(4);
  });

  test('the official ranking is untouched by the check', async () => {
    const res = await api(f.app, f.owner.token, 'GET', `/api/v1/evaluations/${f.id}/ranking`);
    expect(res.json.rows.map((r: any) => r.name)).toEqual(['Vendor Three', 'Vendor One', 'Vendor Two', 'Vendor Four']);
  });

  test('blind readers get a 403 saying why; a bad limit is a 400', async () => {
    expect(expectApiError(await api(f.app, f.ann, 'GET', `/api/v1/evaluations/${f.id}/calibration`), 403).message).toMatch(/submitted/);
    expect(expectApiError(await api(f.app, f.stakeholder, 'GET', `/api/v1/evaluations/${f.id}/calibration`), 403).message).toMatch(/review/);
    expectApiError(await api(f.app, f.owner.token, 'GET', `/api/v1/evaluations/${f.id}/calibration?limit=0`), 400);
    expectApiError(await api(f.app, null, 'GET', `/api/v1/evaluations/${f.id}/calibration`), 401);
  });

  test('the page shows the figures, labels the check as not official, and is linked from Review', async () => {
    const cookie = await formLogin(f.app, f.owner.email, f.owner.password);
    const res = await pageGet(f.app, cookie, `/evaluations/${f.id}/review/calibration`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('A check, not the official ranking');
    expect(body).toContain('+15.00');
    expect(body).toContain('−15.00');
    expect(body).toContain('4 of 4 ranked vendors change rank.');
    const review = await (await pageGet(f.app, cookie, `/evaluations/${f.id}/review`)).text();
    expect(review).toContain(`/evaluations/${f.id}/review/calibration`);
    const blind = await (await pageGet(f.app, f.annCookie, `/evaluations/${f.id}/review/calibration`)).text();
    expect(blind).not.toContain('+15.00');
    expect(blind).toContain('shown once you have submitted yours');
  });
});
