import { describe, test, expect, beforeAll } from 'vitest';
import { api, addCriterion, addVendor, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupUser>>;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await signupUser(app);
});

type Criterion = { id: string; name: string; parentId: string | null; kind: string; weight: number };
type Vendor = { id: string; name: string; website: string; price?: number };

const base = (id: string) => `/api/v1/evaluations/${id}`;
const criteriaOf = async (id: string): Promise<Criterion[]> => {
  const res = await api(app, owner.token, 'GET', `${base(id)}/criteria`);
  expect(res.status).toBe(200);
  return res.json.criteria;
};
const vendorsOf = async (id: string): Promise<Vendor[]> => {
  const res = await api(app, owner.token, 'GET', `${base(id)}/vendors`);
  expect(res.status).toBe(200);
  return res.json.vendors;
};
const byName = (list: Criterion[], name: string, parentId?: string | null): Criterion => {
  const found = list.find((c) => c.name === name && (parentId === undefined || c.parentId === parentId));
  if (!found) throw new Error(`no criterion ${name}`);
  return found;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** API.md: top-level weights sum to 1 and every parent's children sum to the parent's weight. */
function expectConsistentWeights(criteria: Criterion[]) {
  const top = criteria.filter((c) => c.parentId === null && c.kind !== 'must-have');
  expect(sum(top.map((c) => c.weight))).toBeCloseTo(1, 12);
  for (const parent of criteria) {
    const children = criteria.filter((c) => c.parentId === parent.id);
    if (children.length > 0) expect(sum(children.map((c) => c.weight)), parent.name).toBeCloseTo(parent.weight, 12);
  }
}

describe('GET /criteria weights', () => {
  test('cxm-core starts with equal shares: 1/5 per area, split equally among its sub-criteria', async () => {
    const id = await createEvaluation(app, owner.token);
    const criteria = await criteriaOf(id);
    for (const c of criteria) {
      expect(Object.keys(c).sort()).toEqual(['id', 'kind', 'name', 'parentId', 'weight']);
      expect(c.id).toMatch(/^[1-9]\d*$/);
    }
    expectConsistentWeights(criteria);
    const top = criteria.filter((c) => c.parentId === null);
    for (const t of top) expect(t.weight).toBeCloseTo(0.2, 12);
    // Omnichannel has 3 sub-criteria → 0.2 / 3 each; Integration has 4 → 0.05 each.
    const omni = byName(criteria, 'Omnichannel', null);
    const integration = byName(criteria, 'Integration', null);
    const omniKids = criteria.filter((c) => c.parentId === omni.id);
    const intKids = criteria.filter((c) => c.parentId === integration.id);
    expect(omniKids).toHaveLength(3);
    expect(intKids).toHaveLength(4);
    for (const k of omniKids) expect(k.weight).toBeCloseTo(0.2 / 3, 12);
    for (const k of intKids) expect(k.weight).toBeCloseTo(0.05, 12);
  });
});

describe('POST/PATCH/DELETE /criteria', () => {
  let id: string;
  let criteria: Criterion[];
  beforeAll(async () => {
    id = await createEvaluation(app, owner.token);
    criteria = await criteriaOf(id);
  });

  test('POST 201 {id}: a new top-level criterion, then a sub-criterion under it', async () => {
    const res = await api(app, owner.token, 'POST', `${base(id)}/criteria`, { name: 'Total cost of ownership', kind: 'scored', description: 'Licences, services, effort' });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.stringMatching(/^[1-9]\d*$/) });
    const sub = await api(app, owner.token, 'POST', `${base(id)}/criteria`, { name: 'Implementation effort', parentId: res.json.id });
    expect(sub.status).toBe(201);
    const after = await criteriaOf(id);
    expect(after.find((c) => c.id === res.json.id)).toMatchObject({ name: 'Total cost of ownership', parentId: null, kind: 'scored' });
    expect(after.find((c) => c.id === sub.json.id)).toMatchObject({ name: 'Implementation effort', parentId: res.json.id, kind: 'scored' });
    // Six top-level criteria now; the new one starts with an average share, and everything stays consistent.
    expect(after.filter((c) => c.parentId === null)).toHaveLength(6);
    expect(after.find((c) => c.id === res.json.id)!.weight).toBeCloseTo(1 / 6, 12);
    expectConsistentWeights(after);
  });

  test('a sub-criterion under a sub-criterion → 400 naming parentId', async () => {
    const omni = byName(criteria, 'Omnichannel', null);
    const child = criteria.find((c) => c.parentId === omni.id)!;
    const res = await api(app, owner.token, 'POST', `${base(id)}/criteria`, { name: 'Too deep', parentId: child.id });
    const err = expectApiError(res, 400, 'validation_failed');
    expect(Object.keys(err.fields ?? {})).toEqual(['parentId']);
    expect((await criteriaOf(id)).some((c) => c.name === 'Too deep')).toBe(false);
  });

  test('an unknown parent or kind → 400 naming the field', async () => {
    const parent = await api(app, owner.token, 'POST', `${base(id)}/criteria`, { name: 'Orphan', parentId: '999999' });
    expect(Object.keys(expectApiError(parent, 400).fields ?? {})).toEqual(['parentId']);
    const kind = await api(app, owner.token, 'POST', `${base(id)}/criteria`, { name: 'Odd', kind: 'bonus' });
    expect(Object.keys(expectApiError(kind, 400).fields ?? {})).toEqual(['kind']);
  });

  test('a duplicate sibling name (any case) → 409; the same name elsewhere in the tree is fine', async () => {
    const top = await api(app, owner.token, 'POST', `${base(id)}/criteria`, { name: ' omnichannel ' });
    expectApiError(top, 409, 'duplicate_name');
    const omni = byName(criteria, 'Omnichannel', null);
    const child = criteria.find((c) => c.parentId === omni.id)!;
    const sibling = await api(app, owner.token, 'POST', `${base(id)}/criteria`, { name: child.name.toUpperCase(), parentId: omni.id });
    expectApiError(sibling, 409, 'duplicate_name');
    const analytics = byName(criteria, 'Analytics', null);
    const elsewhere = await api(app, owner.token, 'POST', `${base(id)}/criteria`, { name: child.name, parentId: analytics.id });
    expect(elsewhere.status).toBe(201);
  });

  test('PATCH renames, and re-parents a leaf; weights stay consistent', async () => {
    const leafId = await addCriterion(app, owner.token, id, { name: 'Vendor viability' });
    const rename = await api(app, owner.token, 'PATCH', `${base(id)}/criteria/${leafId}`, { name: 'Vendor stability' });
    expect(rename.status).toBe(200);
    expect((await criteriaOf(id)).find((c) => c.id === leafId)).toMatchObject({ name: 'Vendor stability', parentId: null });

    const privacy = byName(criteria, 'Privacy & trust', null);
    const move = await api(app, owner.token, 'PATCH', `${base(id)}/criteria/${leafId}`, { parentId: privacy.id });
    expect(move.status).toBe(200);
    let after = await criteriaOf(id);
    expect(after.find((c) => c.id === leafId)).toMatchObject({ name: 'Vendor stability', parentId: privacy.id });
    expect(after.filter((c) => c.parentId === privacy.id)).toHaveLength(4);
    expectConsistentWeights(after);

    // And back to the top level.
    const back = await api(app, owner.token, 'PATCH', `${base(id)}/criteria/${leafId}`, { parentId: null });
    expect(back.status).toBe(200);
    after = await criteriaOf(id);
    expect(after.find((c) => c.id === leafId)!.parentId).toBeNull();
    expectConsistentWeights(after);
  });

  test('PATCH refuses a parent with children under another parent (400), a sibling name clash (409) and an unknown id (404)', async () => {
    const omni = byName(criteria, 'Omnichannel', null);
    const analytics = byName(criteria, 'Analytics', null);
    const nest = await api(app, owner.token, 'PATCH', `${base(id)}/criteria/${omni.id}`, { parentId: analytics.id });
    expect(Object.keys(expectApiError(nest, 400).fields ?? {})).toEqual(['parentId']);
    const clash = await api(app, owner.token, 'PATCH', `${base(id)}/criteria/${omni.id}`, { name: 'ANALYTICS' });
    expectApiError(clash, 409, 'duplicate_name');
    expectApiError(await api(app, owner.token, 'PATCH', `${base(id)}/criteria/999999`, { name: 'Ghost' }), 404, 'not_found');
    expectApiError(await api(app, owner.token, 'PATCH', `${base(id)}/criteria/abc`, { name: 'Ghost' }), 404, 'not_found');
    expect(byName(await criteriaOf(id), 'Omnichannel', null).parentId).toBeNull();
  });

  test('DELETE a parent → 204, its sub-criteria go with it; a second DELETE → 404', async () => {
    const parent = await addCriterion(app, owner.token, id, { name: 'Doomed' });
    const child = await addCriterion(app, owner.token, id, { name: 'Doomed child', parentId: parent });
    const del = await api(app, owner.token, 'DELETE', `${base(id)}/criteria/${parent}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    const after = await criteriaOf(id);
    expect(after.some((c) => c.id === parent || c.id === child)).toBe(false);
    expectConsistentWeights(after);
    expectApiError(await api(app, owner.token, 'DELETE', `${base(id)}/criteria/${parent}`), 404, 'not_found');
  });
});

describe('DELETE /criteria removes its scores from the ranking', () => {
  test('a two-criterion evaluation loses a criterion and its scores', async () => {
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const c1 = await addCriterion(app, owner.token, id, { name: 'Features' });
    const c2 = await addCriterion(app, owner.token, id, { name: 'Support' });
    const v = await addVendor(app, owner.token, id, { name: 'Solo' });
    const saved = await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, { scores: [{ vendorId: v, criterionId: c1, value: 5 }, { vendorId: v, criterionId: c2, value: 0 }] });
    expect(saved.json).toEqual({ saved: 2 });

    // Equal weights 0.5 / 0.5: Features 5/5 → 50 points, Support 0/5 → 0 points.
    let ranking = await api(app, owner.token, 'GET', `${base(id)}/ranking`);
    expect(ranking.json.rows).toHaveLength(1);
    expect(ranking.json.rows[0].total).toBeCloseTo(50, 9);
    expect(ranking.json.rows[0].breakdown[c1]).toBeCloseTo(50, 9);
    expect(ranking.json.rows[0].breakdown[c2]).toBe(0);

    const del = await api(app, owner.token, 'DELETE', `${base(id)}/criteria/${c1}`);
    expect(del.status).toBe(204);

    // Only Support remains, with all the weight: 0/5 → total 0, fully covered.
    ranking = await api(app, owner.token, 'GET', `${base(id)}/ranking`);
    expect(ranking.status).toBe(200);
    expect(ranking.json.weights).toEqual({ [c2]: 1 });
    expect(ranking.json.rows).toEqual([
      expect.objectContaining({ rank: 1, vendorId: v, name: 'Solo', total: 0, coverage: 1, breakdown: { [c2]: 0 } }),
    ]);
    const scores = await api(app, owner.token, 'GET', `${base(id)}/scores`);
    expect(scores.json.scores.map((s: { criterionId: string; value: number }) => [s.criterionId, s.value])).toEqual([[c2, 0]]);
  });
});

describe('PUT /weights', () => {
  test('Omnichannel 40 and Real-time data 20, others untouched: the top-level set is renormalised', async () => {
    const id = await createEvaluation(app, owner.token);
    const before = await criteriaOf(id);
    const omni = byName(before, 'Omnichannel', null);
    const rt = byName(before, 'Real-time data', null);
    const res = await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { [omni.id]: 40, [rt.id]: 20 } });
    expect(res.status).toBe(200);
    // Template weights are version 1; this is version 2.
    expect(res.json.version).toBe(2);

    // The three untouched areas keep their current share, 0.2 each, in the same sibling set:
    //   40 + 20 + 0.2 + 0.2 + 0.2 = 60.6
    //   Omnichannel     40 / 60.6 = 0.66006600…
    //   Real-time data  20 / 60.6 = 0.33003300…
    //   each other     0.2 / 60.6 = 0.00330033…
    // Sub-criteria keep their equal split of the parent: Omnichannel's 3 get 0.22002200… each,
    // Integration's 4 get 0.00082508… each.
    const after = await criteriaOf(id);
    const w = (name: string) => byName(after, name, null).weight;
    expect(w('Omnichannel')).toBeCloseTo(0.660066006600660, 12);
    expect(w('Real-time data')).toBeCloseTo(0.330033003300330, 12);
    for (const name of ['Integration', 'Analytics', 'Privacy & trust']) expect(w(name)).toBeCloseTo(0.003300330033003, 12);
    for (const c of after.filter((c) => c.parentId === omni.id)) expect(c.weight).toBeCloseTo(0.220022002200220, 12);
    const integration = byName(after, 'Integration', null);
    for (const c of after.filter((c) => c.parentId === integration.id)) expect(c.weight).toBeCloseTo(0.000825082508251, 12);
    expectConsistentWeights(after);
    // The response carries the same global weights.
    expect(res.json.weights[omni.id]).toBeCloseTo(0.660066006600660, 12);
  });

  test('shares of a whole: 0.5 / 0.3 / 0.1 / 0.05 / 0.05 are taken as they are, at any level', async () => {
    const id = await createEvaluation(app, owner.token);
    const c = await criteriaOf(id);
    const ids = ['Omnichannel', 'Real-time data', 'Integration', 'Analytics', 'Privacy & trust'].map((n) => byName(c, n, null).id);
    const omniKids = c.filter((x) => x.parentId === ids[0]);
    const res = await api(app, owner.token, 'PUT', `${base(id)}/weights`, {
      weights: { [ids[0]!]: 0.5, [ids[1]!]: 0.3, [ids[2]!]: 0.1, [ids[3]!]: 0.05, [ids[4]!]: 0.05, [omniKids[0]!.id]: 2, [omniKids[1]!.id]: 1, [omniKids[2]!.id]: 1 },
    });
    expect(res.status).toBe(200);
    const after = await criteriaOf(id);
    expect(ids.map((x) => after.find((y) => y.id === x)!.weight)).toEqual([0.5, 0.3, 0.1, 0.05, 0.05].map((n) => expect.closeTo(n, 12)));
    // Omnichannel's children 2 : 1 : 1 of 0.5 → 0.25, 0.125, 0.125.
    expect(omniKids.map((k) => after.find((y) => y.id === k.id)!.weight)).toEqual([0.25, 0.125, 0.125].map((n) => expect.closeTo(n, 12)));
    expectConsistentWeights(after);
  });

  test('a negative weight → 400 with fields; an unknown id → 400; a non-id key → 400; nothing changes', async () => {
    const id = await createEvaluation(app, owner.token);
    const c = await criteriaOf(id);
    const omni = byName(c, 'Omnichannel', null);
    const neg = await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { [omni.id]: -1 } });
    expect(Object.keys(expectApiError(neg, 400, 'validation_failed').fields ?? {})).toEqual([`weights.${omni.id}`]);
    const unknown = await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { [omni.id]: 1, '999999': 1 } });
    expect(Object.keys(expectApiError(unknown, 400, 'validation_failed').fields ?? {})).toEqual(['weights.999999']);
    const badKey = await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { omni: 1 } });
    expect(Object.keys(expectApiError(badKey, 400).fields ?? {})).toEqual(['weights.omni']);
    const notNumber = await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { [omni.id]: '5' } });
    expect(Object.keys(expectApiError(notNumber, 400).fields ?? {})).toEqual([`weights.${omni.id}`]);
    const missing = await api(app, owner.token, 'PUT', `${base(id)}/weights`, {});
    expect(Object.keys(expectApiError(missing, 400).fields ?? {})).toEqual(['weights']);
    // Still the template's equal shares.
    for (const t of (await criteriaOf(id)).filter((x) => x.parentId === null)) expect(t.weight).toBeCloseTo(0.2, 12);
  });

  test('absurdly large weights → 400 instead of a sum that overflows and silently resets everything', async () => {
    // 1e308 + 1e308 = Infinity: every share would become 0 and fall back to equal shares while answering 200.
    const id = await createEvaluation(app, owner.token);
    const c = await criteriaOf(id);
    const omni = byName(c, 'Omnichannel', null);
    const rt = byName(c, 'Real-time data', null);
    const res = await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { [omni.id]: 1e308, [rt.id]: 1e308 } });
    expect(Object.keys(expectApiError(res, 400, 'validation_failed').fields ?? {}).sort()).toEqual([`weights.${omni.id}`, `weights.${rt.id}`].sort());
    // Issue 12: a weight above 100 is refused with the range, not rescaled; 100 : 100 : 0 : 0 : 0 → 0.5 / 0.5 / 0 / 0 / 0.
    const zero = Object.fromEntries(c.filter((x) => x.parentId === null).map((x) => [x.id, 0]));
    const over = expectApiError(await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { ...zero, [omni.id]: 500, [rt.id]: 100 } }), 400, 'validation_failed');
    expect(over.fields).toEqual({ [`weights.${omni.id}`]: 'A weight is a number from 0 to 100.' });
    const ok = await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { ...zero, [omni.id]: 100, [rt.id]: 100 } });
    expect(ok.status).toBe(200);
    const after = await criteriaOf(id);
    expect(byName(after, 'Omnichannel', null).weight).toBeCloseTo(0.5, 12);
    expect(byName(after, 'Real-time data', null).weight).toBeCloseTo(0.5, 12);
    expect(byName(after, 'Analytics', null).weight).toBe(0);
  });

  test("another evaluation's criterion id → 400, not silently ignored", async () => {
    const a = await createEvaluation(app, owner.token, { template: 'blank' });
    const b = await createEvaluation(app, owner.token, { template: 'blank' });
    const inB = await addCriterion(app, owner.token, b, { name: 'Elsewhere' });
    await addCriterion(app, owner.token, a, { name: 'Here' });
    const res = await api(app, owner.token, 'PUT', `${base(a)}/weights`, { weights: { [inB]: 1 } });
    expect(Object.keys(expectApiError(res, 400).fields ?? {})).toEqual([`weights.${inB}`]);
  });
});

describe('vendors', () => {
  let id: string;
  beforeAll(async () => {
    id = await createEvaluation(app, owner.token, { template: 'blank' });
  });

  test('POST 201 {id}; GET lists {id, name, website} and price only when set', async () => {
    const a = await api(app, owner.token, 'POST', `${base(id)}/vendors`, { name: 'Alpha CX', website: 'https://alpha.example', price: 120000 });
    expect(a.status).toBe(201);
    expect(a.json).toEqual({ id: expect.stringMatching(/^[1-9]\d*$/) });
    const b = await api(app, owner.token, 'POST', `${base(id)}/vendors`, { name: 'Beta Suite' });
    expect(b.status).toBe(201);
    const list = await vendorsOf(id);
    const alpha = list.find((v) => v.id === a.json.id)!;
    const beta = list.find((v) => v.id === b.json.id)!;
    expect(alpha).toMatchObject({ id: a.json.id, name: 'Alpha CX', website: 'https://alpha.example', price: 120000 });
    expect(beta).toMatchObject({ id: b.json.id, name: 'Beta Suite', website: '' });
    expect(beta).not.toHaveProperty('price');
    // A price of 0 is a price.
    const free = await api(app, owner.token, 'POST', `${base(id)}/vendors`, { name: 'Gratis', price: 0 });
    expect((await vendorsOf(id)).find((v) => v.id === free.json.id)).toHaveProperty('price', 0);
  });

  test('a duplicate name in any case or spacing → 409; the same name in another evaluation is fine', async () => {
    await addVendor(app, owner.token, id, { name: 'Gamma Cloud' });
    expectApiError(await api(app, owner.token, 'POST', `${base(id)}/vendors`, { name: '  gamma CLOUD ' }), 409, 'duplicate_name');
    const other = await createEvaluation(app, owner.token, { template: 'blank' });
    expect((await api(app, owner.token, 'POST', `${base(other)}/vendors`, { name: 'Gamma Cloud' })).status).toBe(201);
    expect((await vendorsOf(id)).filter((v) => v.name.toLowerCase() === 'gamma cloud')).toHaveLength(1);
  });

  test('PATCH changes fields, clears a price with null, and refuses a duplicate name (409)', async () => {
    const v = await addVendor(app, owner.token, id, { name: 'Delta', price: 10 });
    await addVendor(app, owner.token, id, { name: 'Epsilon' });
    const res = await api(app, owner.token, 'PATCH', `${base(id)}/vendors/${v}`, { name: 'Delta One', website: 'http://delta.example' });
    expect(res.status).toBe(200);
    expect((await vendorsOf(id)).find((x) => x.id === v)).toMatchObject({ name: 'Delta One', website: 'http://delta.example', price: 10 });
    const clear = await api(app, owner.token, 'PATCH', `${base(id)}/vendors/${v}`, { price: null });
    expect(clear.status).toBe(200);
    expect((await vendorsOf(id)).find((x) => x.id === v)).not.toHaveProperty('price');
    // Renaming to its own name in another case is not a clash.
    expect((await api(app, owner.token, 'PATCH', `${base(id)}/vendors/${v}`, { name: 'DELTA ONE' })).status).toBe(200);
    expectApiError(await api(app, owner.token, 'PATCH', `${base(id)}/vendors/${v}`, { name: 'epsilon' }), 409, 'duplicate_name');
    expectApiError(await api(app, owner.token, 'PATCH', `${base(id)}/vendors/999999`, { name: 'Ghost' }), 404, 'not_found');
    const neg = await api(app, owner.token, 'PATCH', `${base(id)}/vendors/${v}`, { price: -5 });
    expect(Object.keys(expectApiError(neg, 400).fields ?? {})).toEqual(['price']);
  });

  test('DELETE 204, then gone; a second DELETE → 404', async () => {
    const v = await addVendor(app, owner.token, id, { name: 'Zeta' });
    const del = await api(app, owner.token, 'DELETE', `${base(id)}/vendors/${v}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await vendorsOf(id)).some((x) => x.id === v)).toBe(false);
    expectApiError(await api(app, owner.token, 'DELETE', `${base(id)}/vendors/${v}`), 404, 'not_found');
  });

  test('markup in a name is stored verbatim and returned as JSON text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const v = await addVendor(app, owner.token, id, { name, description: '<script>alert("d")</script>' });
    const res = await api(app, owner.token, 'GET', `${base(id)}/vendors`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const found = (res.json.vendors as Vendor[]).find((x) => x.id === v)!;
    expect(found.name).toBe(name);
    expect((found as Vendor & { description: string }).description).toBe('<script>alert("d")</script>');
    // Not HTML-escaped into the JSON either.
    expect(res.text).toContain(JSON.stringify(name));
    expect(res.text).not.toContain('&lt;img');
  });

  test('a javascript: or data: website → 400 naming website, on POST and PATCH', async () => {
    for (const website of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://files.example', 'https://ex ample.com']) {
      const res = await api(app, owner.token, 'POST', `${base(id)}/vendors`, { name: `Bad site ${website}`, website });
      expect(Object.keys(expectApiError(res, 400, 'validation_failed').fields ?? {}), website).toEqual(['website']);
    }
    const v = await addVendor(app, owner.token, id, { name: 'Eta', website: 'https://eta.example' });
    const patch = await api(app, owner.token, 'PATCH', `${base(id)}/vendors/${v}`, { website: 'javascript:alert(1)' });
    expect(Object.keys(expectApiError(patch, 400).fields ?? {})).toEqual(['website']);
    expect((await vendorsOf(id)).find((x) => x.id === v)!.website).toBe('https://eta.example');
    expect((await vendorsOf(id)).some((x) => x.name.startsWith('Bad site'))).toBe(false);
  });
});
