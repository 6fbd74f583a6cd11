import { beforeAll, describe, expect, test } from 'vitest';
import { api, createEvaluation, declareNoConflict, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// POST /evaluations/:id/members and what each role may then do (API.md "Roles").

let app: TestApp;
let db: Awaited<ReturnType<typeof makeTestApp>>['db'];
let owner: Awaited<ReturnType<typeof signupUser>>;
let evaluator: Awaited<ReturnType<typeof signupUser>>;
let stakeholder: Awaited<ReturnType<typeof signupUser>>;
let observer: Awaited<ReturnType<typeof signupUser>>;
let id: string;
let vendorId: string;
let leafId: string;

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  [owner, evaluator, stakeholder, observer] = await Promise.all([signupUser(app), signupUser(app), signupUser(app), signupUser(app)]);
  id = await createEvaluation(app, owner.token, { template: 'cxm-core' });
  vendorId = (await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/vendors`)).json.vendors[0].id;
  leafId = (await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/criteria`)).json.criteria.find((c: { parentId: string | null }) => c.parentId !== null).id;
  for (const [who, role, group] of [[evaluator, 'evaluator'], [stakeholder, 'stakeholder', 'Marketing'], [observer, 'observer']] as const) {
    const res = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: who.email.toUpperCase(), role, ...(group ? { group } : {}) });
    expect(res.status).toBe(201);
    expect(res.json.role).toBe(role);
  }
  for (const who of [evaluator, stakeholder, observer]) await declareNoConflict(app, who.token, id);
});

describe('adding members', () => {
  test('a named group is used when it exists and created when it does not', async () => {
    const before = await db.selectFrom('stakeholder_groups').select('name').where('evaluation_id', '=', Number(id)).orderBy('position').execute();
    expect(before.map((g) => g.name)).toEqual(['Marketing', 'E-commerce', 'Technology', 'Customer service', 'Data']);
    const other = await signupUser(app);
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: other.email, role: 'stakeholder', group: 'Finance' })).status).toBe(201);
    const after = await db.selectFrom('stakeholder_groups').select('name').where('evaluation_id', '=', Number(id)).orderBy('position').execute();
    expect(after.map((g) => g.name)).toEqual(['Marketing', 'E-commerce', 'Technology', 'Customer service', 'Data', 'Finance']);
  });

  test('an unknown email is invited (issue 12: 201, was 404), a current member 409, a bad role 400, and only the facilitator may add', async () => {
    const invited = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'nobody@example.test', role: 'evaluator' });
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ status: 'invited', emailed: false });
    const dup = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: evaluator.email, role: 'observer' });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('already_member');
    const bad = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: evaluator.email, role: 'boss' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(['role']);
    expect((await api(app, evaluator.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: observer.email, role: 'evaluator' })).status).toBe(403);
  });

  test('each addition leaves an audit entry naming the role', async () => {
    const rows = await db.selectFrom('audit_entries').select(['action', 'after']).where('entity', '=', 'member').execute();
    expect(rows.map((r) => JSON.parse(r.after ?? '{}').role).slice(0, 3)).toEqual(['evaluator', 'stakeholder', 'observer']);
  });
});

describe('what each role may do', () => {
  // Stakeholders read the evaluation but no ranking until review (issue 11, API.md "Who sees what").
  test.each([
    ['evaluator', 200],
    ['stakeholder', 403],
    ['observer', 200],
  ])('%s can read the evaluation; its ranking answers %i before review', async (role, status) => {
    const who = { evaluator, stakeholder, observer }[role]!;
    expect((await api(app, who.token, 'GET', `/api/v1/evaluations/${id}`)).status).toBe(200);
    expect((await api(app, who.token, 'GET', `/api/v1/evaluations/${id}/ranking`)).status).toBe(status);
  });

  test.each([
    ['evaluator', 200],
    ['stakeholder', 403],
    ['observer', 403],
  ])('%s scoring answers %i', async (role, status) => {
    const who = { evaluator, stakeholder, observer }[role]!;
    expect((await api(app, who.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId, criterionId: leafId, value: 3 })).status).toBe(status);
  });

  test.each(['evaluator', 'stakeholder', 'observer'])('%s cannot edit vendors, criteria or weights (403)', async (role) => {
    const who = { evaluator, stakeholder, observer }[role]!;
    expect((await api(app, who.token, 'POST', `/api/v1/evaluations/${id}/vendors`, { name: `By ${role}` })).status).toBe(403);
    expect((await api(app, who.token, 'POST', `/api/v1/evaluations/${id}/criteria`, { name: `By ${role}` })).status).toBe(403);
    expect((await api(app, who.token, 'PUT', `/api/v1/evaluations/${id}/weights`, { weights: { [leafId]: 1 } })).status).toBe(403);
  });

  test('an evaluator sees only their own scores; the facilitator who scores sees everyone’s once they have submitted', async () => {
    await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId, criterionId: leafId, value: 5 });
    // Blind until submitted (issue 11): the facilitator declared at creation, so scores like anyone else.
    const own = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/scores?vendorId=${vendorId}`);
    expect(own.json.scores.map((s: { value: number }) => s.value)).toEqual([5]);
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/submissions/me`)).status).toBe(200);
    const mine = await api(app, evaluator.token, 'GET', `/api/v1/evaluations/${id}/scores`);
    expect(mine.json.scores.map((s: { evaluatorId: string; value: number }) => [s.evaluatorId, s.value])).toEqual([[evaluator.userId, 3]]);
    const all = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/scores?vendorId=${vendorId}`);
    expect(all.json.scores.map((s: { value: number }) => s.value).sort()).toEqual([3, 5]);
  });
});
