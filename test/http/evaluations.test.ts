import { describe, test, expect, beforeAll } from 'vitest';
import { api, addCriterion, addVendor, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { CATALOGUE } from '../../server/content/catalogue.js';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupUser>>;
let stranger: Awaited<ReturnType<typeof signupUser>>;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await signupUser(app);
  stranger = await signupUser(app);
});

type Criterion = { id: string; name: string; parentId: string | null; kind: string; weight: number };

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe('POST /api/v1/evaluations', () => {
  test('defaults: template cxm-core, status draft, scale 0–5; 201 {id, name, status, scale}', async () => {
    const res = await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: '  CXM shortlist 2025  ' });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.stringMatching(/^[1-9]\d*$/), name: 'CXM shortlist 2025', status: 'draft', scale: { min: 0, max: 5 } });
  });

  test('cxm-core brings exactly the five top-level criteria, each with sub-criteria, and the catalogue', async () => {
    const id = await createEvaluation(app, owner.token, { template: 'cxm-core' });
    const res = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/criteria`);
    expect(res.status).toBe(200);
    const criteria = res.json.criteria as Criterion[];
    const top = criteria.filter((c) => c.parentId === null);
    expect(top.map((c) => c.name)).toEqual(['Omnichannel', 'Real-time data', 'Integration', 'Analytics', 'Privacy & trust']);
    for (const t of top) {
      const children = criteria.filter((c) => c.parentId === t.id);
      expect(children.length, t.name).toBeGreaterThanOrEqual(2);
      expect(t.kind).toBe('scored');
    }
    // Every non-top criterion hangs off one of the five.
    const topIds = new Set(top.map((t) => t.id));
    for (const c of criteria.filter((c) => c.parentId !== null)) expect(topIds.has(c.parentId!)).toBe(true);

    const vendors = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/vendors`);
    expect(vendors.status).toBe(200);
    const names = (vendors.json.vendors as { name: string }[]).map((v) => v.name);
    expect(names.length).toBeGreaterThanOrEqual(17);
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(17);
    for (const v of CATALOGUE) expect(names).toContain(v.name);
    for (const named of ['Adobe Experience Manager', 'Salesforce Service Cloud', 'Zendesk', 'HubSpot', 'IBM Tealeaf', 'Medallia', 'Clarabridge', 'ResponseTek',
      'SAS Adaptive Customer Experience', 'GetFeedback', 'Infobip', 'Braze', 'RevJet', 'Cemantica', 'Thunderhead']) {
      expect(names).toContain(named);
    }
    // Catalogue vendors have a web address and no price.
    for (const v of vendors.json.vendors as Record<string, unknown>[]) {
      expect(v.website).toMatch(/^https?:\/\//);
      expect(v).not.toHaveProperty('price');
    }
  });

  test('blank brings no criteria and no vendors', async () => {
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    expect((await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/criteria`)).json).toEqual({ criteria: [] });
    expect((await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/vendors`)).json).toEqual({ vendors: [] });
  });

  test('a custom scale is kept', async () => {
    const res = await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: 'Ten point', template: 'blank', scale: { min: 1, max: 10 } });
    expect(res.status).toBe(201);
    expect(res.json.scale).toEqual({ min: 1, max: 10 });
    const got = await api(app, owner.token, 'GET', `/api/v1/evaluations/${res.json.id}`);
    expect(got.json.scale).toEqual({ min: 1, max: 10 });
  });

  test('a scale whose max is not above its min → 400 with fields', async () => {
    for (const scale of [{ min: 5, max: 5 }, { min: 5, max: 1 }]) {
      const res = await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: 'Bad scale', scale });
      const err = expectApiError(res, 400, 'validation_failed');
      expect(Object.keys(err.fields ?? {})).toEqual(['scale.max']);
    }
    const wrongType = await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: 'Bad scale', scale: { min: '0', max: 5 } });
    expect(Object.keys(expectApiError(wrongType, 400).fields ?? {})).toEqual(['scale.min']);
  });

  test('an unknown template or a missing name → 400 naming the field', async () => {
    const tpl = await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: 'x', template: 'crm' });
    expect(Object.keys(expectApiError(tpl, 400).fields ?? {})).toEqual(['template']);
    const blankName = await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: '   ' });
    expect(Object.keys(expectApiError(blankName, 400).fields ?? {})).toEqual(['name']);
  });
});

describe('GET /api/v1/evaluations/:id', () => {
  test('200 {id, name, status, scale, createdAt}', async () => {
    const before = Date.now();
    const create = await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: 'Readable', template: 'blank', scale: { min: 0, max: 10 } });
    const res = await api(app, owner.token, 'GET', `/api/v1/evaluations/${create.json.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: create.json.id, name: 'Readable', status: 'draft', scale: { min: 0, max: 10 }, createdAt: expect.stringMatching(ISO_UTC) });
    const at = Date.parse(res.json.createdAt);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('a non-numeric, zero or absent id → 404', async () => {
    for (const id of ['abc', '0', '01', '1.5', '-1', '99999999']) {
      expectApiError(await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}`), 404, 'not_found');
    }
  });
});

describe("another team's evaluation looks absent (404, never 403)", () => {
  let evalId: string;
  let criterionId: string;
  let vendorId: string;
  let strangerAbsent: string;

  beforeAll(async () => {
    evalId = await createEvaluation(app, owner.token, { template: 'blank' });
    criterionId = await addCriterion(app, owner.token, evalId, { name: 'Security' });
    vendorId = await addVendor(app, owner.token, evalId, { name: 'Acme CX' });
    const score = await api(app, owner.token, 'PUT', `/api/v1/evaluations/${evalId}/scores`, { vendorId, criterionId, value: 4 });
    expect(score.status).toBe(200);
    // The same answer the stranger gets for an id that does not exist at all.
    strangerAbsent = JSON.stringify((await api(app, stranger.token, 'GET', '/api/v1/evaluations/987654321')).json);
  });

  test('reads → 404 with the same body as a missing evaluation', async () => {
    for (const path of ['', '/criteria', '/vendors', '/scores', '/ranking', '/scores?vendorId=1']) {
      const res = await api(app, stranger.token, 'GET', `/api/v1/evaluations/${evalId}${path}`);
      expectApiError(res, 404, 'not_found');
      if (path === '') expect(JSON.stringify(res.json)).toBe(strangerAbsent);
    }
  });

  test('writes → 404, and nothing changes', async () => {
    const writes: [string, string, unknown][] = [
      ['POST', '/criteria', { name: 'Injected' }],
      ['PATCH', `/criteria/${criterionId}`, { name: 'Renamed' }],
      ['DELETE', `/criteria/${criterionId}`, undefined],
      ['PUT', '/weights', { weights: { [criterionId]: 1 } }],
      ['POST', '/vendors', { name: 'Injected vendor' }],
      ['PATCH', `/vendors/${vendorId}`, { name: 'Renamed vendor' }],
      ['DELETE', `/vendors/${vendorId}`, undefined],
      ['PUT', '/scores', { vendorId, criterionId, value: 0 }],
      ['POST', '/scores/batch', { scores: [{ vendorId, criterionId, value: 0 }] }],
    ];
    for (const [method, path, body] of writes) {
      const res = await api(app, stranger.token, method, `/api/v1/evaluations/${evalId}${path}`, body);
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(404);
      expectApiError(res, 404, 'not_found');
    }
    const criteria = await api(app, owner.token, 'GET', `/api/v1/evaluations/${evalId}/criteria`);
    expect(criteria.json.criteria.map((c: Criterion) => c.name)).toEqual(['Security']);
    const vendors = await api(app, owner.token, 'GET', `/api/v1/evaluations/${evalId}/vendors`);
    expect(vendors.json.vendors.map((v: { name: string }) => v.name)).toEqual(['Acme CX']);
    const scores = await api(app, owner.token, 'GET', `/api/v1/evaluations/${evalId}/scores`);
    expect(scores.json.scores.map((s: { value: number }) => s.value)).toEqual([4]);
  });

  test("the owner's objects cannot be reached through the stranger's own evaluation either", async () => {
    const own = await createEvaluation(app, stranger.token, { template: 'blank' });
    const ownCriterion = await addCriterion(app, stranger.token, own, { name: 'Mine' });
    expectApiError(await api(app, stranger.token, 'PATCH', `/api/v1/evaluations/${own}/vendors/${vendorId}`, { name: 'Hijack' }), 404, 'not_found');
    expectApiError(await api(app, stranger.token, 'DELETE', `/api/v1/evaluations/${own}/criteria/${criterionId}`), 404, 'not_found');
    expectApiError(await api(app, stranger.token, 'PATCH', `/api/v1/evaluations/${own}/criteria/${ownCriterion}`, { parentId: criterionId }), 400);
    // Scoring the owner's vendor against the stranger's own criterion: the vendor is not in this evaluation.
    expectApiError(await api(app, stranger.token, 'PUT', `/api/v1/evaluations/${own}/scores`, { vendorId, criterionId: ownCriterion, value: 1 }), 404, 'not_found');
    const vendors = await api(app, owner.token, 'GET', `/api/v1/evaluations/${evalId}/vendors`);
    expect(vendors.json.vendors.map((v: { name: string }) => v.name)).toEqual(['Acme CX']);
  });
});
