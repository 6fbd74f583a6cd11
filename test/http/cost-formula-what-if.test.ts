import { beforeAll, describe, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { pageGet, signedInUser } from '../setup/pages.js';

// Issue 14 items 3 and 4 (ADR 030): the recorded cost formula, and what-ifs that store nothing.
// Quality 60 %, Price (cost) 40 %; scale 0–10. A: 5 at 100, B: 7 at 150, C: 10 at 250.
let app: TestApp;
let fiona: { token: string; cookie: string };
let id: string;
let quality: string;
let price: string;
const path = (p: string) => `/api/v1/evaluations/${id}${p}`;
type Ranking = { rows: { vendorId: string; name: string; total: number; rank: number }[]; costFormula: string; whatIf: boolean; weights: Record<string, number> };
const ranking = async (q = '') => {
  const res = await api(app, fiona.token, 'GET', path(`/ranking${q}`));
  expect(res.status, res.text).toBe(200);
  return res.json as Ranking;
};
const names = (r: Ranking) => r.rows.map((x) => x.name);

beforeAll(async () => {
  ({ app } = await makeTestApp());
  fiona = await signedInUser(app, 'fiona-cost@example.test');
  id = await createEvaluation(app, fiona.token, { template: 'blank', scale: { min: 0, max: 10 } });
  quality = await addCriterion(app, fiona.token, id, { name: 'Quality' });
  price = await addCriterion(app, fiona.token, id, { name: 'Price', kind: 'cost' });
  expect((await api(app, fiona.token, 'PUT', path('/weights'), { weights: { [quality]: 60, [price]: 40 } })).status).toBe(200);
  const v: Record<string, string> = {};
  for (const [n, p] of [['A', 100], ['B', 150], ['C', 250]] as const) v[n] = await addVendor(app, fiona.token, id, { name: n, price: p });
  const scores = [['A', 5], ['B', 7], ['C', 10]].map(([n, x]) => ({ vendorId: v[n as string], criterionId: quality, value: x }));
  expect((await api(app, fiona.token, 'POST', path('/scores/batch'), { scores })).status).toBe(200);
}, 60_000);

describe('GET /ranking what-ifs', () => {
  test('?costFormula ranks under another formula and stores nothing', async () => {
    const before = await ranking();
    expect(before.costFormula).toBe('lowest-over-price');
    expect(before.whatIf).toBe(false);
    expect(names(before)[0]).toBe('C'); // 60 + 16 = 76
    const linear = await ranking('?costFormula=linear');
    expect(linear.whatIf).toBe(true);
    expect(names(linear)[0]).toBe('A'); // 30 + 40 = 70 against C's 60
    expect(linear.rows.find((r) => r.name === 'B')!.total).toBeCloseTo(100 * (0.6 * 0.7 + 0.4 * (1 - 50 / 150)), 9);
    expect(await ranking()).toEqual(before);
    expectApiError(await api(app, fiona.token, 'GET', path('/ranking?costFormula=cheapest')), 400);
  });

  test('?weights re-weights the top level in proportion and stores nothing; bad vectors answer 400 with fields', async () => {
    const before = await ranking();
    const priceOnly = await ranking(`?weights=${quality}:0,${price}:5`);
    expect(names(priceOnly)).toEqual(['A', 'B', 'C']);
    expect(priceOnly.weights[price]).toBeCloseTo(1, 12);
    expect(priceOnly.rows[0]!.total).toBeCloseTo(100, 9);
    expect(await ranking()).toEqual(before);
    expect(expectApiError(await api(app, fiona.token, 'GET', path('/ranking?weights=999:1')), 400).fields).toHaveProperty(['weights.999']);
    expect(expectApiError(await api(app, fiona.token, 'GET', path(`/ranking?weights=${quality}:-1`)), 400).fields).toHaveProperty([`weights.${quality}`]);
    expect(expectApiError(await api(app, fiona.token, 'GET', path(`/ranking?weights=${quality}:0,${price}:0`)), 400).fields).toHaveProperty('weights');
  });

  test('?method=value-for-money orders the ranked vendors by price per quality point, as the ranking page does', async () => {
    // Quality points = 60 × score/10: A 30, B 42, C 60; per point A 100/30, B 150/42, C 250/60.
    const vfm = (await ranking('?method=value-for-money')) as unknown as Omit<Ranking, 'rows'> & { method: string; rows: { name: string; rank: number; price: number; quality: number; perPoint: number; officialRank: number; total: number }[] };
    expect(vfm.method).toBe('value-for-money');
    expect(vfm.rows.map((r) => [r.name, r.rank, r.officialRank])).toEqual([['A', 1, 2], ['B', 2, 3], ['C', 3, 1]]);
    const [a, b, c] = vfm.rows;
    expect(a!.quality).toBeCloseTo(30, 9);
    expect(b!.perPoint).toBeCloseTo(150 / 42, 9);
    expect(c!).toMatchObject({ price: 250 });
    expect(c!.perPoint).toBeCloseTo(250 / 60, 9);
    // `total` stays the weighted sum: C's 60 + 40 × 100/250.
    expect(c!.total).toBeCloseTo(76, 9);
    expect((await ranking('?method=value-for-money&limit=1')).rows.map((r) => r.name)).toEqual(['A']);
    expect((await ranking()).rows.every((r) => !('perPoint' in r))).toBe(true);
    expect(expectApiError(await api(app, fiona.token, 'GET', path('/ranking?method=cheapest')), 400).fields).toHaveProperty('method');
  });

  test('a what-if leaves the audit log alone', async () => {
    const count = async () => ((await api(app, fiona.token, 'GET', path('/audit'))).json.entries as unknown[]).length;
    const n = await count();
    await ranking(`?costFormula=relative-to-average&weights=${quality}:1,${price}:1`);
    expect(await count()).toBe(n);
  });
});

describe('PUT /cost-formula', () => {
  test('the facilitator records it, with one readable audit entry; the ranking and the working use it', async () => {
    const res = await api(app, fiona.token, 'PUT', path('/cost-formula'), { formula: 'linear' });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ formula: 'linear', changed: true });
    const r = await ranking();
    expect(r.costFormula).toBe('linear');
    expect(names(r)[0]).toBe('A');
    const b = r.rows.find((x) => x.name === 'B')!;
    const working = await api(app, fiona.token, 'GET', path(`/vendors/${b.vendorId}/working`));
    expect(working.status, working.text).toBe(200);
    expect(working.json.total).toBeCloseTo(b.total, 9);
    const entries = (await api(app, fiona.token, 'GET', path('/audit'))).json.entries as { entity: string; summary: string }[];
    const entry = entries.find((e) => e.entity === 'cost-formula')!;
    expect(entry.summary).toMatch(/changed how prices are scored: lowest price ÷ price → linear between the lowest and the highest price/);
    // The same again: nothing changes, no second entry.
    expect((await api(app, fiona.token, 'PUT', path('/cost-formula'), { formula: 'linear' })).json.changed).toBe(false);
    const again = (await api(app, fiona.token, 'GET', path('/audit'))).json.entries as { entity: string }[];
    expect(again.filter((e) => e.entity === 'cost-formula')).toHaveLength(1);
  });

  test('validation: an unknown formula is 400 with fields.formula; from scoring on a reason is required', async () => {
    expect(expectApiError(await api(app, fiona.token, 'PUT', path('/cost-formula'), { formula: 'cheapest' }), 400).fields).toHaveProperty('formula');
    expect((await api(app, fiona.token, 'POST', path('/status'), { status: 'voting' })).status).toBeLessThan(500);
    let st = await api(app, fiona.token, 'POST', path('/status'), { status: 'scoring' });
    if (st.status === 409) st = await api(app, fiona.token, 'POST', path('/status'), { status: 'scoring', force: true });
    expect(st.status, st.text).toBe(200);
    expect(expectApiError(await api(app, fiona.token, 'PUT', path('/cost-formula'), { formula: 'relative-to-average' }), 400).fields).toHaveProperty('reason');
    expect((await ranking()).costFormula).toBe('linear');
    const ok = await api(app, fiona.token, 'PUT', path('/cost-formula'), { formula: 'relative-to-average', reason: 'Finance prefers it' });
    expect(ok.status, ok.text).toBe(200);
    const entries = (await api(app, fiona.token, 'GET', path('/audit'))).json.entries as { entity: string; summary: string }[];
    expect(entries.find((e) => e.entity === 'cost-formula' && e.summary.includes('Finance prefers it'))).toBeTruthy();
  });

  test('an evaluator may not set it (403), a stranger gets 404', async () => {
    const eve = await signupUser(app, { email: 'eve-cost@example.test' });
    expect((await api(app, fiona.token, 'POST', path('/members'), { email: 'eve-cost@example.test', role: 'evaluator' })).status).toBe(201);
    expectApiError(await api(app, eve.token, 'PUT', path('/cost-formula'), { formula: 'linear', reason: 'x' }), 403);
    const stranger = await signupUser(app, { email: 'stranger-cost@example.test' });
    expectApiError(await api(app, stranger.token, 'PUT', path('/cost-formula'), { formula: 'linear', reason: 'x' }), 404);
  });
});

describe('the ranking page', () => {
  test('shows the price–quality scatter, the formulas’ top three, value for money, the what-if sliders', async () => {
    const html = await (await pageGet(app, fiona.cookie, `/evaluations/${id}/ranking`)).text();
    expect(html).toContain('id="price-quality"');
    expect(html).toContain('class="scatter"');
    expect(html).toContain('id="formula-top3"');
    expect(html).toContain('id="value-for-money"');
    expect(html).toContain('id="what-if"');
    expect(html).toContain('type="range"');
  });
});

describe('the what-if fragment and the robustness charts', () => {
  test('the sliders re-rank without storing; reset gives the section back; robustness draws the tornado and the heat map', async () => {
    const before = await ranking();
    const frag = await (await pageGet(app, fiona.cookie, `/evaluations/${id}/ranking/what-if?w-${quality}=0&w-${price}=100`)).text();
    expect(frag).toContain('id="what-if-result"');
    expect(frag.indexOf('>A<')).toBeLessThan(frag.indexOf('>C<'));
    expect(await ranking()).toEqual(before);
    expect(await (await pageGet(app, fiona.cookie, `/evaluations/${id}/ranking/what-if?reset=1`)).text()).toContain('id="what-if"');
    const robust = await (await pageGet(app, fiona.cookie, `/evaluations/${id}/ranking/robustness`)).text();
    expect(robust).toContain('class="tornado"');
    expect(robust).toContain('heat-map');
  });
});
