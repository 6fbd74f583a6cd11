import { beforeAll, describe, expect, test } from 'vitest';
import { formLogin, pageGet } from '../setup/pages.js';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// Issue 14, items 1 and 2: each vendor's working recomputes the ranking's total exactly (consensus,
// a cost criterion and N/A cells included), and `?method=topsis` ranks the same vendors.

let app: TestApp;
let owner: { token: string; email: string; password: string };
let id: string;
const v: Record<string, string> = {};
const c: Record<string, string> = {};
const path = (p: string) => `/api/v1/evaluations/${id}${p}`;

interface Line { criterionId: string; weight: number; value: number | null; normalised: number | null; contribution: number; scores: { evaluatorId: string; value: number | null }[]; consensus?: { value: number; rationale: string } }

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await signupUser(app, { email: 'working-owner@example.test' });
  const eva = await signupUser(app, { email: 'working-eva@example.test' });
  id = await createEvaluation(app, owner.token, { template: 'blank', scale: { min: 1, max: 5 } });
  expect((await api(app, owner.token, 'POST', path('/members'), { email: 'working-eva@example.test', role: 'evaluator' })).status).toBe(201);
  c.quality = await addCriterion(app, owner.token, id, { name: 'Quality' });
  c.journeys = await addCriterion(app, owner.token, id, { name: 'Journeys', parentId: c.quality });
  c.data = await addCriterion(app, owner.token, id, { name: 'Data', parentId: c.quality });
  c.price = await addCriterion(app, owner.token, id, { name: 'Price', kind: 'cost' });
  c.gate = await addCriterion(app, owner.token, id, { name: 'GDPR', kind: 'must-have' });
  v.acme = await addVendor(app, owner.token, id, { name: 'Acme', price: 100 });
  v.beta = await addVendor(app, owner.token, id, { name: 'Beta', price: 160 });
  v.cora = await addVendor(app, owner.token, id, { name: 'Cora' });
  v.dune = await addVendor(app, owner.token, id, { name: 'Dune', price: 50 });
  v.echo = await addVendor(app, owner.token, id, { name: 'Echo', price: 10 });
  expect((await api(app, owner.token, 'PUT', path('/weights'), { weights: { [c.quality]: 0.7, [c.price]: 0.3, [c.journeys]: 0.6, [c.data]: 0.4 } })).status).toBe(200);
  expect((await api(app, owner.token, 'POST', path('/status'), { status: 'scoring' })).status).toBe(200);
  await declareNoConflict(app, eva.token, id);
  const batch = (token: string, scores: [string, string, number | null][]) =>
    api(app, token, 'POST', path('/scores/batch'), { scores: scores.map(([vendorId, criterionId, value]) => ({ vendorId, criterionId, value })) });
  expect((await batch(owner.token, [[v.acme, c.journeys, 4], [v.acme, c.data, 3], [v.beta, c.journeys, 5], [v.beta, c.data, null], [v.cora, c.journeys, 2], [v.dune, c.journeys, 5], [v.dune, c.gate, 0]])).status).toBe(200);
  expect((await batch(eva.token, [[v.acme, c.journeys, 5], [v.acme, c.data, 2], [v.beta, c.journeys, 4], [v.beta, c.data, null], [v.cora, c.data, 3], [v.dune, c.gate, 0]])).status).toBe(200);
  expect((await api(app, owner.token, 'POST', path('/status'), { status: 'review', force: true })).status).toBe(200);
  expect((await api(app, owner.token, 'PUT', path('/consensus'), { vendorId: v.acme, criterionId: c.data, value: 4, rationale: 'The demo showed the live profile' })).status).toBe(200);
});

describe('the working', () => {
  test('every ranked vendor: Σ contribution = total = the ranking total, contribution = 100 × weight × normalised', async () => {
    const ranking = (await api(app, owner.token, 'GET', path('/ranking'))).json as { rows: { vendorId: string; total: number; coverage: number }[] };
    expect(ranking.rows.map((r) => r.vendorId).sort()).toEqual([v.acme, v.beta, v.cora].sort());
    for (const row of ranking.rows) {
      const res = await api(app, owner.token, 'GET', path(`/vendors/${row.vendorId}/working`));
      expect(res.status, res.text).toBe(200);
      const w = res.json as { total: number; coverage: number; lines: Line[] };
      expect(w.total).toBe(row.total);
      expect(w.coverage).toBe(row.coverage);
      expect(Math.abs(w.lines.reduce((s, l) => s + l.contribution, 0) - w.total)).toBeLessThan(1e-9);
      for (const l of w.lines) expect(l.contribution).toBeCloseTo(100 * l.weight * (l.normalised ?? 0), 12);
    }
  });

  test('a consensus replaces the mean and carries its rationale; N/A cells count nothing; cost is lowest ÷ price', async () => {
    const acme = (await api(app, owner.token, 'GET', path(`/vendors/${v.acme}/working`))).json as { lines: Line[] };
    const data = acme.lines.find((l) => l.criterionId === c.data)!;
    expect(data.consensus).toEqual({ value: 4, rationale: 'The demo showed the live profile' });
    expect(data.value).toBe(4);
    expect(data.scores.map((s) => s.value).sort()).toEqual([2, 3]);
    expect(acme.lines.find((l) => l.criterionId === c.journeys)!.value).toBe(4.5);
    // Dune (price 50) failed the must-have and Echo (10) is unscored: the cheapest ranked price is Acme's 100.
    const beta = (await api(app, owner.token, 'GET', path(`/vendors/${v.beta}/working`))).json as { lines: Line[] };
    expect(beta.lines.find((l) => l.criterionId === c.price)!.normalised).toBeCloseTo(100 / 160, 12);
    const na = beta.lines.find((l) => l.criterionId === c.data)!;
    expect([na.value, na.normalised, na.contribution]).toEqual([null, null, 0]);
    expect(na.scores.map((s) => s.value)).toEqual([null, null]);
  });

  test('vendors the ranking does not rank answer 404 not_ranked with why; another evaluation’s vendor 404', async () => {
    expect(expectApiError(await api(app, owner.token, 'GET', path(`/vendors/${v.dune}/working`)), 404, 'not_ranked').message).toMatch(/Failed must-have "GDPR"/);
    expect(expectApiError(await api(app, owner.token, 'GET', path(`/vendors/${v.echo}/working`)), 404, 'not_ranked').message).toMatch(/no score yet/);
    expectApiError(await api(app, owner.token, 'GET', path('/vendors/999999/working')), 404, 'not_found');
    expectApiError(await api(app, owner.token, 'GET', path('/vendors/abc/working')), 404, 'not_found');
  });
});

describe('the method check', () => {
  test('?method=topsis ranks the same vendors with closeness 0–1 and total = 100 × closeness; the default is unchanged', async () => {
    const plain = (await api(app, owner.token, 'GET', path('/ranking'))).json as { rows: { vendorId: string; closeness?: number }[]; method?: string };
    expect(plain.method).toBeUndefined();
    expect(plain.rows.every((r) => r.closeness === undefined)).toBe(true);
    const res = await api(app, owner.token, 'GET', path('/ranking?method=topsis'));
    expect(res.status, res.text).toBe(200);
    const t = res.json as { method: string; rows: { rank: number; vendorId: string; total: number; closeness: number }[] };
    expect(t.method).toBe('topsis');
    expect(t.rows.map((r) => r.vendorId).sort()).toEqual(plain.rows.map((r) => r.vendorId).sort());
    for (const r of t.rows) {
      expect(r.closeness).toBeGreaterThanOrEqual(0);
      expect(r.closeness).toBeLessThanOrEqual(1);
      expect(r.total).toBeCloseTo(100 * r.closeness, 12);
    }
    expect(t.rows.map((r) => r.closeness)).toEqual([...t.rows.map((r) => r.closeness)].sort((a, b) => b - a));
    expectApiError(await api(app, owner.token, 'GET', path('/ranking?method=borda')), 400);
  });
});

describe('the pages', () => {
  test('the ranking links each vendor to its working and shows the method check; the working adds up; the comparison names a vendor not ranked', async () => {
    const cookie = await formLogin(app, owner.email, owner.password);
    const ranking = await (await pageGet(app, cookie, `/evaluations/${id}/ranking`)).text();
    expect(ranking).toContain(`/evaluations/${id}/vendors/${v.acme}/working`);
    expect(ranking).toMatch(/Method check/);
    expect(ranking).toMatch(/The top three (do not )?depend/);
    const res = await pageGet(app, cookie, `/evaluations/${id}/vendors/${v.acme}/working`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('The demo showed the live profile');
    const total = ((await api(app, owner.token, 'GET', path(`/vendors/${v.acme}/working`))).json as { total: number }).total;
    expect(page).toContain(total.toFixed(4));
    const compare = await (await pageGet(app, cookie, `/evaluations/${id}/compare?vendor=${v.acme}&vendor=${v.beta}&vendor=${v.dune}`)).text();
    expect(compare).toMatch(/Dune is not ranked: Failed must-have/);
    expect((await pageGet(app, cookie, `/evaluations/${id}/vendors/${v.echo}/working`)).status).toBe(404);
  });

  test('the comparison highlights the criterion with the largest contribution gap, and only it', async () => {
    const cookie = await formLogin(app, owner.email, owner.password);
    const three = [v.acme!, v.beta!, v.cora!];
    const workings = await Promise.all(three.map(async (x) => (await api(app, owner.token, 'GET', path(`/vendors/${x}/working`))).json as { lines: Line[] }));
    const gaps = workings[0]!.lines.map((l) => {
      const values = workings.map((w) => w.lines.find((x) => x.criterionId === l.criterionId)!.contribution);
      return { criterionId: l.criterionId, gap: Math.max(...values) - Math.min(...values) };
    });
    const widest = [...gaps].sort((a, b) => b.gap - a.gap);
    expect(widest[0]!.gap - widest[1]!.gap, 'the fixture has one clear widest gap').toBeGreaterThan(1e-6);
    const compare = await (await pageGet(app, cookie, `/evaluations/${id}/compare?${three.map((x) => `vendor=${x}`).join('&')}`)).text();
    const highlighted = [...compare.matchAll(/<tr class="gap-wide" data-criterion-id="(\d+)">/g)].map((x) => x[1]);
    expect(highlighted).toEqual([widest[0]!.criterionId]);
    const row = new RegExp(`<tr class="gap-wide" data-criterion-id="${widest[0]!.criterionId}">(.*?)</tr>`, 's').exec(compare)![1]!;
    expect(row).toContain('largest gap');
    // Every other criterion's row is plain.
    for (const g of widest.slice(1)) expect(compare).toContain(`<tr data-criterion-id="${g.criterionId}">`);
  });

  test('the working is in the OpenAPI document (so the visibility matrix reads it as every role)', async () => {
    const doc = (await api(app, owner.token, 'GET', '/api/v1/openapi.json')).json as { paths: Record<string, { get?: unknown }> };
    expect(doc.paths['/api/v1/evaluations/{id}/vendors/{vendorId}/working']?.get).toBeDefined();
  });
});

describe('blind scoring', () => {
  test('before review, a scorer who has not submitted gets a working of their own scores alone, as their ranking', async () => {
    const f = await signupUser(app, { email: 'blind-owner@example.test' });
    const e = await signupUser(app, { email: 'blind-eva@example.test' });
    const eid = await createEvaluation(app, f.token, { template: 'blank' });
    const p = (x: string) => `/api/v1/evaluations/${eid}${x}`;
    expect((await api(app, f.token, 'POST', p('/members'), { email: 'blind-eva@example.test', role: 'evaluator' })).status).toBe(201);
    const crit = await addCriterion(app, f.token, eid, { name: 'Fit' });
    const acme = await addVendor(app, f.token, eid, { name: 'Acme' });
    expect((await api(app, f.token, 'POST', p('/status'), { status: 'scoring' })).status).toBe(200);
    await declareNoConflict(app, e.token, eid);
    expect((await api(app, f.token, 'PUT', p('/scores'), { vendorId: acme, criterionId: crit, value: 5 })).status).toBe(200);
    expect((await api(app, e.token, 'PUT', p('/scores'), { vendorId: acme, criterionId: crit, value: 1 })).status).toBe(200);
    const w = (await api(app, e.token, 'GET', p(`/vendors/${acme}/working`))).json as { view: string; total: number; lines: Line[] };
    const r = (await api(app, e.token, 'GET', p('/ranking'))).json as { rows: { total: number }[] };
    expect(w.view).toBe('own');
    expect(w.total).toBe(r.rows[0]!.total);
    expect(w.lines[0]!.scores.map((s) => s.value)).toEqual([1]);
  });
});
