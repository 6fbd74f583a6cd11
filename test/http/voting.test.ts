import { beforeAll, describe, expect, test } from 'vitest';
import { api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// API.md "Votes and weights" and the lifecycle part that voting needs (draft → voting → scoring).

let app: TestApp;
let db: Awaited<ReturnType<typeof makeTestApp>>['db'];
let owner: Awaited<ReturnType<typeof signupUser>>;
let alice: Awaited<ReturnType<typeof signupUser>>;
let bob: Awaited<ReturnType<typeof signupUser>>;
let evaluator: Awaited<ReturnType<typeof signupUser>>;
let id: string;
let top: string[]; // Omnichannel, Real-time data, Integration, Analytics, Privacy & trust

const path = (p = '') => `/api/v1/evaluations/${id}${p}`;

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  [owner, alice, bob, evaluator] = await Promise.all([signupUser(app), signupUser(app), signupUser(app), signupUser(app)]);
  id = await createEvaluation(app, owner.token, { template: 'cxm-core' });
  top = (await api(app, owner.token, 'GET', path('/criteria'))).json.criteria.filter((c: { parentId: string | null }) => c.parentId === null).map((c: { id: string }) => c.id);
  await api(app, owner.token, 'POST', path('/members'), { email: alice.email, role: 'stakeholder', group: 'Marketing' });
  await api(app, owner.token, 'POST', path('/members'), { email: bob.email, role: 'stakeholder', group: 'Technology' });
  await api(app, owner.token, 'POST', path('/members'), { email: evaluator.email, role: 'evaluator' });
});

const points = (xs: number[]) => ({ method: 'points', points: Object.fromEntries(top.map((t, i) => [t, xs[i]])) });

describe('before voting opens', () => {
  test('a vote is refused with 409 voting_closed while the evaluation is a draft', async () => {
    const res = await api(app, alice.token, 'PUT', path('/votes/me'), points([20, 20, 20, 20, 20]));
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('voting_closed');
  });

  test('status moves one step at a time: draft → review is 409, draft → voting is 200', async () => {
    expect((await api(app, owner.token, 'POST', path('/status'), { status: 'review' })).status).toBe(409);
    expect((await api(app, alice.token, 'POST', path('/status'), { status: 'voting' })).status).toBe(403);
    const ok = await api(app, owner.token, 'POST', path('/status'), { status: 'voting' });
    expect(ok.status).toBe(200);
    expect((await api(app, owner.token, 'GET', path())).json.status).toBe('voting');
  });
});

describe('PUT /votes/me', () => {
  test('points: 40/30/10/10/10 → the same shares', async () => {
    const res = await api(app, alice.token, 'PUT', path('/votes/me'), points([40, 30, 10, 10, 10]));
    expect(res.status).toBe(200);
    expect(Object.values(res.json.weights)).toEqual([0.4, 0.3, 0.1, 0.1, 0.1]);
    expect(res.json.consistencyRatio).toBeUndefined();
  });

  test('rank: rank-order-centroid weights for n = 5 (0.4567, 0.2567, 0.1567, 0.09, 0.04)', async () => {
    const order = [top[2], top[0], top[1], top[4], top[3]];
    const res = await api(app, bob.token, 'PUT', path('/votes/me'), { method: 'rank', order });
    expect(res.status).toBe(200);
    const w = res.json.weights;
    // ROC: w1 = (1 + 1/2 + 1/3 + 1/4 + 1/5)/5 = 0.45667; w5 = (1/5)/5 = 0.04.
    expect(w[top[2]!]).toBeCloseTo(0.45667, 4);
    expect(w[top[0]!]).toBeCloseTo(0.25667, 4);
    expect(w[top[3]!]).toBeCloseTo(0.04, 10);
  });

  test('rating 1–5 normalised; the facilitator may vote too', async () => {
    const ratings = Object.fromEntries(top.map((t, i) => [t, [5, 4, 3, 2, 1][i]]));
    const res = await api(app, owner.token, 'PUT', path('/votes/me'), { method: 'rating', ratings });
    expect(res.status).toBe(200);
    expect(res.json.weights[top[0]!]).toBeCloseTo(5 / 15, 12);
  });

  test('AHP returns its consistency ratio; a consistent matrix gives CR 0 and the generating weights', async () => {
    const w = [0.4, 0.2, 0.2, 0.1, 0.1];
    const matrix = w.map((a) => w.map((b) => a / b));
    const res = await api(app, alice.token, 'PUT', path('/votes/me'), { method: 'ahp', criteria: top, matrix });
    expect(res.status).toBe(200);
    expect(res.json.consistencyRatio).toBeCloseTo(0, 9);
    top.forEach((t, i) => expect(res.json.weights[t]).toBeCloseTo(w[i]!, 9));
  });

  test.each([
    ['points not summing to 100', () => points([40, 30, 10, 10, 9]), 'points'],
    ['a negative number of points', () => points([110, -10, 0, 0, 0]), 'points'],
    ['a rating of 6', () => ({ method: 'rating', ratings: Object.fromEntries(top.map((t) => [t, 6])) }), 'ratings'],
    ['a rank order missing a criterion', () => ({ method: 'rank', order: top.slice(0, 4) }), 'order'],
    ['a non-reciprocal AHP matrix', () => ({ method: 'ahp', criteria: top, matrix: top.map((_, i) => top.map((_, j) => (i === j ? 1 : 3))) }), 'matrix'],
    ['an AHP entry of 10', () => ({ method: 'ahp', criteria: top, matrix: top.map((_, i) => top.map((_, j) => (i === j ? 1 : i < j ? 10 : 0.1))) }), 'matrix'],
  ])('%s → 400 naming the problem, and the earlier vote stays', async (_name, body, field) => {
    const before = await db.selectFrom('votes').select(['weights', 'method']).where('user_id', '=', Number(alice.userId)).executeTakeFirstOrThrow();
    const res = await api(app, alice.token, 'PUT', path('/votes/me'), body());
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields).some((k) => k.startsWith(field))).toBe(true);
    const after = await db.selectFrom('votes').select(['weights', 'method']).where('user_id', '=', Number(alice.userId)).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  test('an evaluator may not vote (403); a method the facilitator disallowed is 400', async () => {
    expect((await api(app, evaluator.token, 'PUT', path('/votes/me'), points([20, 20, 20, 20, 20]))).status).toBe(403);
    await api(app, owner.token, 'PUT', path('/voting/settings'), { methods: ['points', 'rank', 'ahp'], aggregation: 'mean', ahpMode: 'aip', excludeInconsistent: false });
    const res = await api(app, bob.token, 'PUT', path('/votes/me'), { method: 'rating', ratings: Object.fromEntries(top.map((t) => [t, 3])) });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.method).toBeDefined();
  });
});

describe('GET /weights', () => {
  test('mean within groups, then across groups; votes counted; dispersion five numbers per criterion', async () => {
    const res = await api(app, owner.token, 'GET', path('/weights'));
    expect(res.status).toBe(200);
    expect(res.json.votes).toBe(3);
    expect(res.json.aggregation).toBe('mean');
    // Groups: Marketing {alice: 0.4,0.2,0.2,0.1,0.1}, Technology {bob: ROC}, ungrouped {owner: 5..1 /15}; equal group weights.
    const roc = [0.25667, 0.15667, 0.45667, 0.04, 0.09];
    const rating = [5, 4, 3, 2, 1].map((x) => x / 15);
    const alicew = [0.4, 0.2, 0.2, 0.1, 0.1];
    top.forEach((t, i) => expect(res.json.weights[t]).toBeCloseTo((alicew[i]! + roc[i]! + rating[i]!) / 3, 4));
    const d = res.json.dispersion[top[0]!];
    expect(d.min).toBeCloseTo(0.25667, 4);
    expect(d.max).toBeCloseTo(0.4, 10);
    expect(d.median).toBeCloseTo(1 / 3, 10);
  });

  test('group weights tilt the aggregate: Marketing 2 × Technology 1 × ungrouped 1', async () => {
    const groups = await db.selectFrom('stakeholder_groups').select(['id', 'name']).where('evaluation_id', '=', Number(id)).execute();
    const marketing = groups.find((g) => g.name === 'Marketing')!;
    expect((await api(app, owner.token, 'PUT', path('/groups/weights'), { weights: { [marketing.id]: 2 } })).status).toBe(200);
    const res = await api(app, owner.token, 'GET', path('/weights'));
    // (2 × 0.4 + 0.25667 + 0.33333) / 4 = 0.34750
    expect(res.json.weights[top[0]!]).toBeCloseTo((2 * 0.4 + 0.25667 + 5 / 15) / 4, 4);
  });
});

describe('closing voting', () => {
  test('voting → scoring freezes the aggregate as a new weight-set version that the ranking uses', async () => {
    const agg = (await api(app, owner.token, 'GET', path('/weights'))).json.weights;
    const res = await api(app, owner.token, 'POST', path('/status'), { status: 'scoring' });
    expect(res.status).toBe(200);
    expect(res.json.weightSetVersion).toBe(2);
    const criteria = (await api(app, owner.token, 'GET', path('/criteria'))).json.criteria;
    for (const t of top) expect(criteria.find((c: { id: string }) => c.id === t).weight).toBeCloseTo(agg[t], 12);
    const set = await db.selectFrom('weight_sets').select(['source', 'version']).where('evaluation_id', '=', Number(id)).orderBy('version', 'desc').executeTakeFirstOrThrow();
    expect(set).toEqual({ source: 'vote', version: 2 });
    expect((await api(app, alice.token, 'PUT', path('/votes/me'), points([20, 20, 20, 20, 20]))).status).toBe(409);
  });

  test('reopening is possible and recorded in the audit log', async () => {
    expect((await api(app, owner.token, 'POST', path('/voting/reopen'))).status).toBe(200);
    expect((await api(app, owner.token, 'GET', path())).json.status).toBe('voting');
    const entry = await db.selectFrom('audit_entries').select('action').where('evaluation_id', '=', Number(id)).where('action', '=', 'reopen-voting').executeTakeFirst();
    expect(entry?.action).toBe('reopen-voting');
  });
});

describe('personal voting links', () => {
  test('an invite creates an account-less stakeholder whose link signs them in to vote; revoked links stop working', async () => {
    const res = await api(app, owner.token, 'POST', path('/invites'), { email: 'cmo@example.test', name: 'Chris CMO', group: 'Marketing' });
    expect(res.status).toBe(201);
    const link = new URL(res.json.link);
    const visit = await app.request(`http://localhost${link.pathname}`);
    expect(visit.status).toBe(303);
    expect(visit.headers.get('location')).toBe(`/evaluations/${id}/vote`);
    const cookie = visit.headers.get('set-cookie')!.split(';')[0]!;
    const page = await app.request(`http://localhost/evaluations/${id}/vote`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Save my vote');
    const user = await db.selectFrom('users').select(['password_hash', 'name']).where('email', '=', 'cmo@example.test').executeTakeFirstOrThrow();
    expect(user).toEqual({ password_hash: null, name: 'Chris CMO' });
    expect((await api(app, owner.token, 'DELETE', path(`/invites/${res.json.inviteId}`))).status).toBe(204);
    expect((await app.request(`http://localhost${link.pathname}`)).status).toBe(404);
  });

  test('a made-up link is 404 and signs nobody in', async () => {
    const res = await app.request('http://localhost/invite/cxs_made-up');
    expect(res.status).toBe(404);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('the vote page', () => {
  test('a points vote that does not add up re-renders with the message (422) and saves nothing', async () => {
    const { app: app2, db: db2 } = await makeTestApp();
    const fac = await signupUser(app2);
    const evId = await createEvaluation(app2, fac.token, { template: 'cxm-core' });
    await api(app2, fac.token, 'POST', `/api/v1/evaluations/${evId}/status`, { status: 'voting' });
    const ids = (await api(app2, fac.token, 'GET', `/api/v1/evaluations/${evId}/criteria`)).json.criteria.filter((c: { parentId: string | null }) => c.parentId === null).map((c: { id: string }) => c.id);
    const login = await app2.request('http://localhost/login', { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: fac.email, password: fac.password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const form = new URLSearchParams({ method: 'points', ...Object.fromEntries(ids.map((id: string) => [`p.${id}`, '10'])) });
    const res = await app2.request(`http://localhost/evaluations/${evId}/vote`, { method: 'POST', headers: { origin: 'http://localhost', cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('100');
    expect(html).toContain('class="alert alert-error"');
    expect(await db2.selectFrom('votes').selectAll().execute()).toEqual([]);
    const ok = new URLSearchParams({ method: 'points', ...Object.fromEntries(ids.map((id: string) => [`p.${id}`, '20'])) });
    const saved = await app2.request(`http://localhost/evaluations/${evId}/vote`, { method: 'POST', headers: { origin: 'http://localhost', cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: ok });
    expect(saved.status).toBe(303);
    expect((await db2.selectFrom('votes').select('method').execute()).map((v) => v.method)).toEqual(['points']);
  });
});
