import { describe, test, expect, beforeAll } from 'vitest';
import { api, addCriterion, addVendor, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupUser>>;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await signupUser(app);
});

const base = (id: string) => `/api/v1/evaluations/${id}`;
type Score = { vendorId: string; criterionId: string; evaluatorId: string; value: number | null; comment: string; version: number };
type Row = { rank: number; vendorId: string; name: string; total: number; coverage: number; provisional?: boolean; breakdown: Record<string, number> };

const scoresOf = async (id: string, query = ''): Promise<Score[]> => {
  const res = await api(app, owner.token, 'GET', `${base(id)}/scores${query}`);
  expect(res.status).toBe(200);
  expect(Object.keys(res.json)).toEqual(['scores']);
  return res.json.scores;
};

describe('PUT /scores', () => {
  let id: string;
  let parent: string;
  let leaf: string;
  let other: string;
  let vendor: string;
  beforeAll(async () => {
    id = await createEvaluation(app, owner.token, { template: 'blank' });
    parent = await addCriterion(app, owner.token, id, { name: 'Integration' });
    leaf = await addCriterion(app, owner.token, id, { name: 'APIs', parentId: parent });
    other = await addCriterion(app, owner.token, id, { name: 'Connectors', parentId: parent });
    vendor = await addVendor(app, owner.token, id, { name: 'Vendor One' });
  });

  test('200 {version: 1}; again with version 1 → {version: 2}; a stale version → 409 stale_version', async () => {
    const first = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: leaf, value: 3, comment: 'REST and GraphQL' });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ version: 1 });
    const second = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: leaf, value: 4, version: 1 });
    expect(second.status).toBe(200);
    expect(second.json).toEqual({ version: 2 });
    const stale = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: leaf, value: 1, version: 1 });
    expectApiError(stale, 409, 'stale_version');
    const fresh = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: leaf, value: 1, version: 0 });
    expectApiError(fresh, 409, 'stale_version');
    // The stale writes changed nothing; the comment survived a write without one.
    const [s] = await scoresOf(id, `?criterionId=${leaf}`);
    expect(s).toEqual({ vendorId: vendor, criterionId: leaf, evaluatorId: owner.userId, value: 4, comment: 'REST and GraphQL', version: 2 });
  });

  test('version 0 is right for a cell never scored', async () => {
    const res = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: other, value: 2, version: 0 });
    expect(res.json).toEqual({ version: 1 });
  });

  test('a value outside the 0–5 scale → 400 naming value; the stored score is untouched', async () => {
    for (const value of [-0.01, 5.01, 6, -1]) {
      const res = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: leaf, value });
      expect(Object.keys(expectApiError(res, 400, 'validation_failed').fields ?? {}), String(value)).toEqual(['value']);
    }
    const wrongType = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: leaf, value: '3' });
    expect(Object.keys(expectApiError(wrongType, 400).fields ?? {})).toEqual(['value']);
    const missing = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: leaf });
    expect(Object.keys(expectApiError(missing, 400).fields ?? {})).toEqual(['value']);
    expect((await scoresOf(id, `?criterionId=${leaf}`))[0]!.value).toBe(4);
  });

  test('the scale ends are allowed, and null (N/A) is accepted', async () => {
    expect((await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: other, value: 0 })).status).toBe(200);
    expect((await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: other, value: 5 })).status).toBe(200);
    const na = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: other, value: null });
    expect(na.status).toBe(200);
    expect(na.json).toEqual({ version: 4 });
    const [s] = await scoresOf(id, `?criterionId=${other}`);
    expect(s!.value).toBeNull();
  });

  test('an unknown vendor → 404; a parent (non-leaf) → 400 not_a_leaf (single and batch); an unknown criterion → 404', async () => {
    expectApiError(await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: '999999', criterionId: leaf, value: 3 }), 404, 'not_found');
    // Issue 11 (API.md): a score on a criterion that is not a leaf answers 400 not_a_leaf, naming the field.
    expect(expectApiError(await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: parent, value: 3 }), 400, 'not_a_leaf').fields).toHaveProperty('criterionId');
    const batch = [{ vendorId: vendor, criterionId: leaf, value: 2 }, { vendorId: vendor, criterionId: parent, value: 3 }];
    expect(expectApiError(await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, { scores: batch }), 400, 'not_a_leaf').fields).toHaveProperty(['scores.1.criterionId']);
    expectApiError(await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: vendor, criterionId: '999999', value: 3 }), 404, 'not_found');
    expect((await scoresOf(id)).some((s) => s.criterionId === parent)).toBe(false);
  });

  test('a custom scale bounds the values', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank', scale: { min: 1, max: 10 } });
    const c = await addCriterion(app, owner.token, e, { name: 'Fit' });
    const v = await addVendor(app, owner.token, e, { name: 'V' });
    expect((await api(app, owner.token, 'PUT', `${base(e)}/scores`, { vendorId: v, criterionId: c, value: 10 })).status).toBe(200);
    expectApiError(await api(app, owner.token, 'PUT', `${base(e)}/scores`, { vendorId: v, criterionId: c, value: 0 }), 400);
  });

  test('GET /scores filters by vendorId and criterionId', async () => {
    const v2 = await addVendor(app, owner.token, id, { name: 'Vendor Two' });
    await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: v2, criterionId: leaf, value: 1 });
    const all = await scoresOf(id);
    expect(all.map((s) => [s.vendorId, s.criterionId])).toEqual([[vendor, leaf], [vendor, other], [v2, leaf]]);
    for (const s of all) expect(Object.keys(s).sort()).toEqual(['comment', 'criterionId', 'evaluatorId', 'value', 'vendorId', 'version']);
    expect((await scoresOf(id, `?vendorId=${v2}`)).map((s) => s.value)).toEqual([1]);
    expect((await scoresOf(id, `?criterionId=${leaf}`)).map((s) => s.vendorId)).toEqual([vendor, v2]);
    expect(await scoresOf(id, `?vendorId=${v2}&criterionId=${other}`)).toEqual([]);
    expectApiError(await api(app, owner.token, 'GET', `${base(id)}/scores?vendorId=abc`), 400);
  });
});

describe('POST /scores/batch', () => {
  let id: string;
  let c: string[];
  let v: string[];
  beforeAll(async () => {
    id = await createEvaluation(app, owner.token, { template: 'blank' });
    c = [await addCriterion(app, owner.token, id, { name: 'C1' }), await addCriterion(app, owner.token, id, { name: 'C2' })];
    v = [await addVendor(app, owner.token, id, { name: 'V1' }), await addVendor(app, owner.token, id, { name: 'V2' })];
  });

  test('one bad item at index 2 → 400 naming scores.2.value, and nothing is saved', async () => {
    const res = await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, {
      scores: [
        { vendorId: v[0], criterionId: c[0], value: 1 },
        { vendorId: v[0], criterionId: c[1], value: 2 },
        { vendorId: v[1], criterionId: c[0], value: 9 },
        { vendorId: v[1], criterionId: c[1], value: 4 },
      ],
    });
    const err = expectApiError(res, 400, 'validation_failed');
    expect(Object.keys(err.fields ?? {})).toEqual(['scores.2.value']);
    expect(await scoresOf(id)).toEqual([]);
    // A wrongly typed item is named the same way.
    const typed = await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, {
      scores: [{ vendorId: v[0], criterionId: c[0], value: 1 }, { vendorId: v[0], criterionId: c[1], value: 2 }, { vendorId: v[1], criterionId: c[0], value: 'high' }],
    });
    expect(Object.keys(expectApiError(typed, 400).fields ?? {})).toEqual(['scores.2.value']);
    // An unknown vendor at index 1.
    const unknown = await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, {
      scores: [{ vendorId: v[0], criterionId: c[0], value: 1 }, { vendorId: '999999', criterionId: c[1], value: 2 }],
    });
    expect(Object.keys(expectApiError(unknown, 400).fields ?? {})).toEqual(['scores.1.vendorId']);
    expect(await scoresOf(id)).toEqual([]);
  });

  test('200 {saved}; everything is stored, N/A included', async () => {
    const res = await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, {
      scores: [
        { vendorId: v[0], criterionId: c[0], value: 1 },
        { vendorId: v[0], criterionId: c[1], value: 2.5 },
        { vendorId: v[1], criterionId: c[0], value: null },
        { vendorId: v[1], criterionId: c[1], value: 4 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ saved: 4 });
    const scores = await scoresOf(id);
    expect(scores.map((s) => [s.vendorId, s.criterionId, s.value, s.version])).toEqual([
      [v[0], c[0], 1, 1], [v[0], c[1], 2.5, 1], [v[1], c[0], null, 1], [v[1], c[1], 4, 1],
    ]);
    // A second batch bumps the versions of what it touches.
    await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, { scores: [{ vendorId: v[0], criterionId: c[0], value: 3 }] });
    expect((await scoresOf(id, `?vendorId=${v[0]}&criterionId=${c[0]}`))[0]).toMatchObject({ value: 3, version: 2 });
  });

  test('more than 10,000 items → 400; an empty batch → 400', async () => {
    const item = { vendorId: v[0], criterionId: c[0], value: 5 };
    const res = await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, { scores: Array.from({ length: 10_001 }, () => item) });
    expect(Object.keys(expectApiError(res, 400, 'validation_failed').fields ?? {})).toEqual(['scores']);
    expect(Object.keys(expectApiError(await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, { scores: [] }), 400).fields ?? {})).toEqual(['scores']);
    expect((await scoresOf(id, `?vendorId=${v[0]}&criterionId=${c[0]}`))[0]!.value).toBe(3);
  });

  test('exactly 10,000 items are accepted', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const crit = await addCriterion(app, owner.token, e, { name: 'Only' });
    const vendors: string[] = [];
    for (let i = 0; i < 100; i++) vendors.push(await addVendor(app, owner.token, e, { name: `Vendor ${i}` }));
    // 100 vendors × 1 criterion, each cell written 100 times: 10,000 items.
    const scores = Array.from({ length: 10_000 }, (_, i) => ({ vendorId: vendors[i % 100], criterionId: crit, value: (i % 6) }));
    const res = await api(app, owner.token, 'POST', `${base(e)}/scores/batch`, { scores });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ saved: 10_000 });
    const stored = await api(app, owner.token, 'GET', `${base(e)}/scores?vendorId=${vendors[0]}`);
    // The last item for vendor 0 is i = 9,900 → 9,900 % 6 = 0; written 100 times → version 100.
    expect(stored.json.scores).toEqual([expect.objectContaining({ value: 0, version: 100 })]);
  }, 60_000);
});

describe('GET /ranking', () => {
  // Blank template, 0–5 scale:
  //   A (top) = { A1, A2 }, B (top leaf), M (top-level must-have leaf)
  //   weights: A 3 : B 2 → 0.6 / 0.4; A1 1 : A2 3 → 0.25 / 0.75 of A
  //   leaf weights: A1 0.6 × 0.25 = 0.15, A2 0.6 × 0.75 = 0.45, B 0.4  (sum 1; M carries none)
  //   points per scale step (100 × w / 5): A1 3, A2 9, B 8
  //
  //   Xylo   A1 5, A2 4, B 3, M pass → A 15 + 36 = 51, B 24 → 75, coverage 1
  //   Yarrow A1 2, A2 5, B 3, M pass → A  6 + 45 = 51, B 24 → 75, coverage 1   (ties Xylo)
  //   Zephyr A1 5, A2 N/A, B unscored → A 15, B 0 → 15, coverage 0.15 (provisional)
  //   Wraith A1 5, A2 5, B 5, M fail (0) → excluded despite a perfect 100
  //   ranks: Xylo 1, Yarrow 1 (tie, by name), Zephyr 3
  let id: string;
  let A: string, A1: string, A2: string, B: string, M: string;
  let X: string, Y: string, Z: string, W: string;
  beforeAll(async () => {
    id = await createEvaluation(app, owner.token, { template: 'blank' });
    A = await addCriterion(app, owner.token, id, { name: 'Capabilities' });
    A1 = await addCriterion(app, owner.token, id, { name: 'Journeys', parentId: A });
    A2 = await addCriterion(app, owner.token, id, { name: 'Analytics', parentId: A });
    B = await addCriterion(app, owner.token, id, { name: 'Support' });
    M = await addCriterion(app, owner.token, id, { name: 'GDPR compliance', kind: 'must-have' });
    X = await addVendor(app, owner.token, id, { name: 'Xylo' });
    Y = await addVendor(app, owner.token, id, { name: 'Yarrow' });
    Z = await addVendor(app, owner.token, id, { name: 'Zephyr' });
    W = await addVendor(app, owner.token, id, { name: 'Wraith' });
    const w = await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { [A]: 3, [B]: 2, [A1]: 1, [A2]: 3 } });
    expect(w.status).toBe(200);
    const batch = await api(app, owner.token, 'POST', `${base(id)}/scores/batch`, {
      scores: [
        { vendorId: X, criterionId: A1, value: 5 }, { vendorId: X, criterionId: A2, value: 4 }, { vendorId: X, criterionId: B, value: 3 }, { vendorId: X, criterionId: M, value: 1 },
        { vendorId: Y, criterionId: A1, value: 2 }, { vendorId: Y, criterionId: A2, value: 5 }, { vendorId: Y, criterionId: B, value: 3 }, { vendorId: Y, criterionId: M, value: 1 },
        { vendorId: Z, criterionId: A1, value: 5 }, { vendorId: Z, criterionId: A2, value: null },
        { vendorId: W, criterionId: A1, value: 5 }, { vendorId: W, criterionId: A2, value: 5 }, { vendorId: W, criterionId: B, value: 5 },
      ],
    });
    expect(batch.json).toEqual({ saved: 13 });
    // The must-have fail goes through the single-score endpoint.
    expect((await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: W, criterionId: M, value: 0 })).json).toEqual({ version: 1 });
  });

  test('criteria weights: must-have carries none; leaves sum to their parent', async () => {
    const res = await api(app, owner.token, 'GET', `${base(id)}/criteria`);
    const w = Object.fromEntries((res.json.criteria as { id: string; weight: number }[]).map((c) => [c.id, c.weight]));
    expect(w[A]).toBeCloseTo(0.6, 12);
    expect(w[B]).toBeCloseTo(0.4, 12);
    expect(w[A1]).toBeCloseTo(0.15, 12);
    expect(w[A2]).toBeCloseTo(0.45, 12);
    expect(w[M]).toBe(0);
  });

  test('totals, coverage, breakdowns, ranks with a tie (1, 1, 3), leaf weights and exclusions', async () => {
    const res = await api(app, owner.token, 'GET', `${base(id)}/ranking`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['costFormula', 'excluded', 'rows', 'unscored', 'view', 'weightChanges', 'weights', 'whatIf', 'withdrawn']);

    expect(Object.keys(res.json.weights).sort()).toEqual([A1, A2, B].sort());
    expect(res.json.weights[A1]).toBeCloseTo(0.15, 12);
    expect(res.json.weights[A2]).toBeCloseTo(0.45, 12);
    expect(res.json.weights[B]).toBeCloseTo(0.4, 12);
    expect((Object.values(res.json.weights) as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);

    const rows = res.json.rows as Row[];
    expect(rows.map((r) => [r.rank, r.name, r.vendorId])).toEqual([[1, 'Xylo', X], [1, 'Yarrow', Y], [3, 'Zephyr', Z]]);
    const expected: Record<string, { total: number; coverage: number; a: number; b: number }> = {
      [X]: { total: 75, coverage: 1, a: 51, b: 24 },
      [Y]: { total: 75, coverage: 1, a: 51, b: 24 },
      [Z]: { total: 15, coverage: 0.15, a: 15, b: 0 },
    };
    for (const r of rows) {
      const e = expected[r.vendorId]!;
      expect(r.total, r.name).toBeCloseTo(e.total, 9);
      expect(r.coverage, r.name).toBeCloseTo(e.coverage, 12);
      expect(Object.keys(r.breakdown).sort()).toEqual([A, B].sort());
      expect(r.breakdown[A], r.name).toBeCloseTo(e.a, 9);
      expect(r.breakdown[B], r.name).toBeCloseTo(e.b, 9);
      expect(r.breakdown[A]! + r.breakdown[B]!).toBeCloseTo(r.total, 9);
      expect(r.total).toBeGreaterThanOrEqual(0);
      expect(r.total).toBeLessThanOrEqual(100);
    }
    // Coverage below 1 is provisional.
    expect(rows.map((r) => r.provisional)).toEqual([false, false, true]);

    expect(res.json.excluded).toHaveLength(1);
    const [ex] = res.json.excluded;
    expect(Object.keys(ex).sort()).toEqual(['name', 'reason', 'vendorId']);
    expect(ex.vendorId).toBe(W);
    expect(ex.name).toBe('Wraith');
    expect(ex.reason).toContain('GDPR compliance');
  });

  test('limit keeps the first rows; a bad limit → 400', async () => {
    const two = await api(app, owner.token, 'GET', `${base(id)}/ranking?limit=2`);
    expect(two.status).toBe(200);
    expect(two.json.rows.map((r: Row) => r.name)).toEqual(['Xylo', 'Yarrow']);
    expect(two.json.excluded).toHaveLength(1);
    const one = await api(app, owner.token, 'GET', `${base(id)}/ranking?limit=1`);
    expect(one.json.rows.map((r: Row) => r.name)).toEqual(['Xylo']);
    for (const bad of ['0', '-1', 'abc', '1.5']) {
      const res = await api(app, owner.token, 'GET', `${base(id)}/ranking?limit=${bad}`);
      expect(Object.keys(expectApiError(res, 400).fields ?? {}), bad).toEqual(['limit']);
    }
  });

  test('scoring the last gap removes the provisional flag and changes the order', async () => {
    // Zephyr A2 N/A → 5 and B → 5: A1 15 + A2 45 + B 40 = 100, coverage 1 → first on its own.
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const c1 = await addCriterion(app, owner.token, e, { name: 'One' });
    const c2 = await addCriterion(app, owner.token, e, { name: 'Two' });
    const p = await addVendor(app, owner.token, e, { name: 'P' });
    const q = await addVendor(app, owner.token, e, { name: 'Q' });
    // Equal weights 0.5 each. P: One 4 → 40, Two unscored → 40, coverage 0.5. Q: One 2, Two 2 → 20 + 20 = 40, coverage 1.
    await api(app, owner.token, 'POST', `${base(e)}/scores/batch`, { scores: [{ vendorId: p, criterionId: c1, value: 4 }, { vendorId: q, criterionId: c1, value: 2 }, { vendorId: q, criterionId: c2, value: 2 }] });
    let rows = (await api(app, owner.token, 'GET', `${base(e)}/ranking`)).json.rows as Row[];
    expect(rows.map((r) => [r.rank, r.name, r.coverage, r.provisional])).toEqual([[1, 'P', 0.5, true], [1, 'Q', 1, false]]);
    expect(rows.map((r) => r.total)).toEqual([expect.closeTo(40, 9), expect.closeTo(40, 9)]);
    // P: Two 1 → 10 more → 50, coverage 1.
    await api(app, owner.token, 'PUT', `${base(e)}/scores`, { vendorId: p, criterionId: c2, value: 1 });
    rows = (await api(app, owner.token, 'GET', `${base(e)}/ranking`)).json.rows as Row[];
    expect(rows.map((r) => [r.rank, r.name, r.coverage, r.provisional])).toEqual([[1, 'P', 1, false], [2, 'Q', 1, false]]);
    expect(rows[0]!.total).toBeCloseTo(50, 9);
  });

  test('a must-have takes 0 or 1 only: 0.5 → 400 naming value', async () => {
    const res = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: Z, criterionId: M, value: 0.5 });
    expect(Object.keys(expectApiError(res, 400, 'validation_failed').fields ?? {})).toEqual(['value']);
    const five = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: Z, criterionId: M, value: 5 });
    expect(Object.keys(expectApiError(five, 400).fields ?? {})).toEqual(['value']);
    expect(await scoresOf(id, `?vendorId=${Z}&criterionId=${M}`)).toEqual([]);
  });

  test('the only evaluator failing a must-have excludes the vendor, with the reason', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const quality = await addCriterion(app, owner.token, e, { name: 'Quality' });
    const sso = await addCriterion(app, owner.token, e, { name: 'Single sign-on', kind: 'must-have' });
    const ok = await addVendor(app, owner.token, e, { name: 'Passes' });
    const ko = await addVendor(app, owner.token, e, { name: 'Fails' });
    await api(app, owner.token, 'POST', `${base(e)}/scores/batch`, {
      scores: [{ vendorId: ok, criterionId: quality, value: 2 }, { vendorId: ko, criterionId: quality, value: 5 }, { vendorId: ok, criterionId: sso, value: 1 }],
    });
    let res = await api(app, owner.token, 'GET', `${base(e)}/ranking`);
    expect(res.json.rows.map((r: Row) => r.name)).toEqual(['Fails', 'Passes']);
    expect(res.json.excluded).toEqual([]);

    expect((await api(app, owner.token, 'PUT', `${base(e)}/scores`, { vendorId: ko, criterionId: sso, value: 0 })).status).toBe(200);
    res = await api(app, owner.token, 'GET', `${base(e)}/ranking`);
    // Passes: Quality 2/5 → 40 (the must-have carries no weight).
    expect(res.json.rows).toEqual([expect.objectContaining({ rank: 1, vendorId: ok, name: 'Passes', total: expect.closeTo(40, 9), coverage: 1 })]);
    expect(res.json.excluded).toEqual([{ vendorId: ko, name: 'Fails', reason: expect.stringContaining('Single sign-on') }]);
    expect(res.json.weights).toEqual({ [quality]: 1 });

    // Marking it N/A instead lifts the exclusion.
    await api(app, owner.token, 'PUT', `${base(e)}/scores`, { vendorId: ko, criterionId: sso, value: null });
    res = await api(app, owner.token, 'GET', `${base(e)}/ranking`);
    expect(res.json.excluded).toEqual([]);
    expect(res.json.rows.map((r: Row) => [r.rank, r.name])).toEqual([[1, 'Fails'], [2, 'Passes']]);
  });

  test('a cost criterion is ranked from prices, not scores', async () => {
    // Cost leaf weight 0.5, Quality 0.5. Cheapest price 100: Cheap 100/100 = 1 → 50; Dear 100/400 = 0.25 → 12.5.
    // Quality: Cheap 0 → 0, Dear 5 → 50. Totals: Cheap 50, Dear 62.5. No price → cost uncovered.
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const quality = await addCriterion(app, owner.token, e, { name: 'Quality' });
    const cost = await addCriterion(app, owner.token, e, { name: 'Price', kind: 'cost' });
    const cheap = await addVendor(app, owner.token, e, { name: 'Cheap', price: 100 });
    const dear = await addVendor(app, owner.token, e, { name: 'Dear', price: 400 });
    const unknown = await addVendor(app, owner.token, e, { name: 'Unpriced' });
    expectApiError(await api(app, owner.token, 'PUT', `${base(e)}/scores`, { vendorId: cheap, criterionId: cost, value: 3 }), 400);
    await api(app, owner.token, 'POST', `${base(e)}/scores/batch`, {
      scores: [{ vendorId: cheap, criterionId: quality, value: 0 }, { vendorId: dear, criterionId: quality, value: 5 }, { vendorId: unknown, criterionId: quality, value: 5 }],
    });
    const rows = (await api(app, owner.token, 'GET', `${base(e)}/ranking`)).json.rows as Row[];
    expect(rows.map((r) => [r.rank, r.name])).toEqual([[1, 'Dear'], [2, 'Cheap'], [2, 'Unpriced']]);
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(by.Dear!.total).toBeCloseTo(62.5, 9);
    expect(by.Cheap!.total).toBeCloseTo(50, 9);
    expect(by.Unpriced!.total).toBeCloseTo(50, 9);
    expect(by.Unpriced!.coverage).toBeCloseTo(0.5, 12);
    expect(by.Dear!.breakdown[cost]).toBeCloseTo(12.5, 9);
  });
});
