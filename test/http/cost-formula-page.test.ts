import { beforeAll, describe, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { formLogin, pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { COST_FORMULAS, type CostFormula } from '../../server/domain/cost-formula.js';
import { m } from '../../views/messages/index.js';

// Issue 14, item 3 (ADR 030): the facilitator records the cost formula on the ranking page (the
// page twin of PUT /cost-formula: same service, same audit entry, same reason rule), and the page
// shows the top three under each formula. Quality 60 %, Price (cost) 40 %, scale 0–10:
// A 5 at 100, B 7 at 150, C 10 at 250.
let app: TestApp;
let fiona: { token: string; cookie: string };
let eve: { token: string; cookie: string };
let id: string;
const path = (p: string) => `/api/v1/evaluations/${id}${p}`;
const page = () => `/evaluations/${id}/ranking`;
const post = (cookie: string, form: Record<string, string>) => pagePost(app, cookie, `/evaluations/${id}/ranking/cost-formula`, form);
const formulaEntries = async () => ((await api(app, fiona.token, 'GET', path('/audit'))).json.entries as { entity: string; summary: string }[]).filter((e) => e.entity === 'cost-formula');
const inForce = async () => ((await api(app, fiona.token, 'GET', path('/ranking'))).json as { costFormula: string }).costFormula;

const VENDORS = [['A', 5, 100], ['B', 7, 150], ['C', 10, 250]] as const;

/** Each vendor's total under `formula`, computed here from the formulas ADR 030 states. */
function topThree(formula: CostFormula): string[] {
  const prices = VENDORS.map((v) => v[2]);
  const [lo, hi] = [Math.min(...prices), Math.max(...prices)];
  const avg = prices.reduce((a, b) => a + b, 0) / prices.length;
  const cost = (p: number) => (formula === 'lowest-over-price' ? lo / p : formula === 'linear' ? 1 - (p - lo) / (hi - lo) : Math.min(1, Math.max(0, 1 - p / (2 * avg))));
  return VENDORS.map(([name, score, p]) => ({ name, total: 60 * (score / 10) + 40 * cost(p) })).sort((a, b) => b.total - a.total).map((x) => x.name);
}

beforeAll(async () => {
  ({ app } = await makeTestApp());
  fiona = await signedInUser(app, 'fiona-form@example.test');
  id = await createEvaluation(app, fiona.token, { template: 'blank', scale: { min: 0, max: 10 } });
  const quality = await addCriterion(app, fiona.token, id, { name: 'Quality' });
  const price = await addCriterion(app, fiona.token, id, { name: 'Price', kind: 'cost' });
  expect((await api(app, fiona.token, 'PUT', path('/weights'), { weights: { [quality]: 60, [price]: 40 } })).status).toBe(200);
  const v: Record<string, string> = {};
  for (const [n, , p] of VENDORS) v[n] = await addVendor(app, fiona.token, id, { name: n, price: p });
  const scores = VENDORS.map(([n, x]) => ({ vendorId: v[n], criterionId: quality, value: x }));
  expect((await api(app, fiona.token, 'POST', path('/scores/batch'), { scores })).status).toBe(200);
  const e = await signupUser(app, { email: 'eve-form@example.test' });
  expect((await api(app, fiona.token, 'POST', path('/members'), { email: 'eve-form@example.test', role: 'evaluator' })).status).toBe(201);
  eve = { token: e.token, cookie: await formLogin(app, e.email, e.password) };
}, 60_000);

describe('the top three under each formula', () => {
  test('one row per formula with the three names the formula gives, the one in force marked; the verdict sentence', async () => {
    const html = await (await pageGet(app, fiona.cookie, page())).text();
    const table = /<h3 id="formula-top3">.*?<tbody>(.*?)<\/tbody>/s.exec(html)?.[1] ?? '';
    const rows = [...table.matchAll(/<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/gs)].map((r) => ({ head: r[1]!, names: [...r[2]!.matchAll(/<td>(.*?)<\/td>/g)].map((x) => x[1]) }));
    expect(rows).toHaveLength(COST_FORMULAS.length);
    COST_FORMULAS.forEach((f, i) => {
      expect(rows[i]!.head).toContain(m.whatIf.formulas[f]);
      expect(rows[i]!.names, f).toEqual(topThree(f));
    });
    expect(rows[0]!.head).toContain(m.whatIf.inForce);
    expect(rows.slice(1).every((r) => !r.head.includes(m.whatIf.inForce))).toBe(true);
    // C, A, B / A, B, C / C, B, A: the top three depend on the formula.
    expect(new Set(COST_FORMULAS.map((f) => topThree(f).join())).size).toBe(3);
    expect(html).toContain(m.whatIf.differentTop);
  });
});

describe('the price-formula form', () => {
  test('the facilitator sees it with the formula in force chosen; an evaluator does not', async () => {
    const html = await (await pageGet(app, fiona.cookie, page())).text();
    expect(html).toContain(`action="/evaluations/${id}/ranking/cost-formula"`);
    expect(html).toMatch(/<input type="radio" name="formula" value="lowest-over-price" checked=""/);
    expect(await (await pageGet(app, eve.cookie, page())).text()).not.toContain('/ranking/cost-formula');
  });

  test('saving records it through the service: 303 back, the ranking uses it, one audit entry; saving it again writes none', async () => {
    const res = await post(fiona.cookie, { formula: 'linear', reason: '' });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`/evaluations/${id}/ranking?saved=formula#cost-formula`);
    expect(await inForce()).toBe('linear');
    const entries = await formulaEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toMatch(/lowest price ÷ price → linear between the lowest and the highest price/);
    const html = await (await pageGet(app, fiona.cookie, `${page()}?saved=formula`)).text();
    expect(html).toContain(m.whatIf.costForm.saved);
    expect(html).toMatch(/<input type="radio" name="formula" value="linear" checked=""/);
    expect((await post(fiona.cookie, { formula: 'linear' })).status).toBe(303);
    expect(await formulaEntries()).toHaveLength(1);
  });

  test('a formula that is not one of the three: 422, the form again with its message, nothing written', async () => {
    for (const form of [{ formula: 'cheapest' }, {}, { formula: '' }] as Record<string, string>[]) {
      const res = await post(fiona.cookie, form);
      const html = await res.text();
      expect(res.status, JSON.stringify(form)).toBe(422);
      expect(html).toContain(m.whatIf.costForm.choose);
      expect(html).toContain('id="cost-formula"');
    }
    expect(await inForce()).toBe('linear');
    expect(await formulaEntries()).toHaveLength(1);
  });

  test('from scoring on a reason is required: 422 with the reason field’s message and what was typed; with one, saved and audited', async () => {
    let st = await api(app, fiona.token, 'POST', path('/status'), { status: 'scoring' });
    if (st.status === 409) st = await api(app, fiona.token, 'POST', path('/status'), { status: 'scoring', force: true });
    expect(st.status, st.text).toBe(200);
    const refused = await post(fiona.cookie, { formula: 'relative-to-average', reason: '   ' });
    const html = await refused.text();
    expect(refused.status).toBe(422);
    expect(html).toContain(m.errors.reasonForPriceFormulaField);
    expect(html).toMatch(/<input type="radio" name="formula" value="relative-to-average" checked=""/);
    expect(await inForce()).toBe('linear');
    const ok = await post(fiona.cookie, { formula: 'relative-to-average', reason: 'Finance prefers the average' });
    expect(ok.status).toBe(303);
    expect(await inForce()).toBe('relative-to-average');
    expect((await formulaEntries()).some((e) => e.summary.includes('Finance prefers the average'))).toBe(true);
  });

  test('authorisation before validation: an evaluator gets 403 and a stranger 404, whatever they send', async () => {
    for (const form of [{ formula: 'linear', reason: 'x' }, { formula: 'cheapest' }] as Record<string, string>[]) expect((await post(eve.cookie, form)).status).toBe(403);
    const stranger = await signedInUser(app, 'stranger-form@example.test');
    for (const form of [{ formula: 'linear', reason: 'x' }, { formula: 'cheapest' }] as Record<string, string>[]) expect((await post(stranger.cookie, form)).status).toBe(404);
    expect(await inForce()).toBe('relative-to-average');
  });
});

describe('in German (issue 16): no English left in the price–quality figures and the working', () => {
  test('the scatter’s labels, the form and the working’s cost badge and figures are German', async () => {
    const de = `${fiona.cookie}; cxb_lang=de`;
    const html = await (await pageGet(app, de, page())).text();
    // A: quality points 60 × 5/10 = 30 at a price of 100.
    expect(html).toContain('A: 100, 30,0 Qualitätspunkte');
    expect(html).not.toMatch(/quality points/);
    expect(html).toContain('Preisformel speichern');
    const rows = ((await api(app, fiona.token, 'GET', path('/ranking'))).json as { rows: { vendorId: string; name: string }[] }).rows;
    const working = await (await pageGet(app, de, `/evaluations/${id}/vendors/${rows.find((r) => r.name === 'A')!.vendorId}/working`)).text();
    expect(working).toContain('<span class="badge badge-cost">Kosten</span>');
    expect(working).toContain('0,6000');
    expect(working).not.toContain('0.6000');
    expect(working).not.toMatch(/badge-cost">cost</);
  });
});
