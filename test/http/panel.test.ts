import { beforeAll, describe, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { formLogin, pageGet, pagePost } from '../setup/pages.js';

// The panel: members and their declarations, progress, exclusions after a conflict, assignments.

let app: TestApp;
let db: Awaited<ReturnType<typeof makeTestApp>>['db'];
let owner: Awaited<ReturnType<typeof signupUser>>;
let eva: Awaited<ReturnType<typeof signupUser>>;
let olli: Awaited<ReturnType<typeof signupUser>>;
let id: string;
let c1: string;
let c2: string;
let acme: string;
let zeta: string;
let cookie: string;
const path = (p = '') => `/api/v1/evaluations/${id}${p}`;

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  [owner, eva, olli] = await Promise.all([signupUser(app), signupUser(app), signupUser(app)]);
  id = await createEvaluation(app, owner.token, { template: 'blank' });
  c1 = await addCriterion(app, owner.token, id, { name: 'Channels' });
  c2 = await addCriterion(app, owner.token, id, { name: 'APIs' });
  acme = await addVendor(app, owner.token, id, { name: 'Acme CX' });
  zeta = await addVendor(app, owner.token, id, { name: 'Zeta' });
  cookie = await formLogin(app, owner.email, owner.password);
  // Members added through the page form.
  expect((await pagePost(app, cookie, `/evaluations/${id}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(303);
  expect((await pagePost(app, cookie, `/evaluations/${id}/members`, { email: olli.email, role: 'observer' })).status).toBe(303);
});

describe('the panel page and progress', () => {
  test('an unknown email is invited (issue 12): e-mail off, so the page shows the link to copy and lists them as invited; no member row until they join', async () => {
    const res = await pagePost(app, cookie, `/evaluations/${id}/members`, { email: 'nobody@example.test', role: 'evaluator' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('was not found');
    expect(text).toContain('E-mail is off on this server');
    expect(text).toMatch(/value="http:\/\/localhost\/join\/cxs_[\w-]+\?lang=en"/); // issue 16: the link carries the inviter’s language
    expect(text).toContain('nobody@example.test');
    expect(await db.selectFrom('evaluation_members').selectAll().where('evaluation_id', '=', Number(id)).execute()).toHaveLength(3);
    const again = await (await pageGet(app, cookie, `/evaluations/${id}/members`)).text();
    expect(again).toContain('invited, link valid until');
    expect(again).not.toContain('/join/cxs_');
  });

  test('progress counts cells scored of cells in scope; declarations show', async () => {
    await declareNoConflict(app, eva.token, id);
    await api(app, eva.token, 'PUT', path('/scores'), { vendorId: acme, criterionId: c1, value: 3 });
    const panel = (await api(app, owner.token, 'GET', path('/panel'))).json.members;
    const row = panel.find((r: { userId: string }) => r.userId === eva.userId);
    expect(row).toMatchObject({ role: 'evaluator', declared: true, conflict: false, scored: 1, assigned: 4, submittedAt: null });
    expect((await api(app, olli.token, 'GET', path('/panel'))).status).toBe(200);
    expect((await api(app, eva.token, 'GET', path('/panel'))).status).toBe(403);
    const html = await (await pageGet(app, cookie, `/evaluations/${id}/members`)).text();
    expect(html).toContain('1 of 4');
    expect(html).toContain('hx-trigger="every 5s"');
  });
});

describe('exclusions', () => {
  test('an excluded evaluator cannot score that vendor (403) and the grid shows the cell as excluded', async () => {
    expect((await api(app, owner.token, 'POST', path('/exclusions'), { userId: eva.userId, vendorId: zeta, reason: 'Former Zeta employee' })).status).toBe(201);
    expect((await api(app, owner.token, 'POST', path('/exclusions'), { userId: eva.userId, vendorId: zeta, reason: 'Again' })).status).toBe(409);
    expect((await api(app, eva.token, 'PUT', path('/scores'), { vendorId: zeta, criterionId: c1, value: 5 })).status).toBe(403);
    expect((await api(app, eva.token, 'PUT', path('/scores'), { vendorId: acme, criterionId: c2, value: 5 })).status).toBe(200);
    const evaCookie = await formLogin(app, eva.email, eva.password);
    const grid = await (await pageGet(app, evaCookie, `/evaluations/${id}/scoring`)).text();
    expect(grid.match(/class="cell cell-excluded"/g)?.length).toBe(2);
    expect((await api(app, owner.token, 'DELETE', path(`/exclusions/${eva.userId}/${zeta}`))).status).toBe(204);
    expect((await api(app, eva.token, 'PUT', path('/scores'), { vendorId: zeta, criterionId: c1, value: 5 })).status).toBe(200);
  });
});

describe('exclusions and the aggregates', () => {
  test('scores an evaluator gave before being excluded stop counting, and count again when lifted', async () => {
    const { app: a2 } = await makeTestApp();
    const [fac, ev] = await Promise.all([signupUser(a2), signupUser(a2)]);
    const eid = await createEvaluation(a2, fac.token, { template: 'blank' });
    const crit = await addCriterion(a2, fac.token, eid, { name: 'Quality' });
    const vendor = await addVendor(a2, fac.token, eid, { name: 'Solo' });
    await api(a2, fac.token, 'POST', `/api/v1/evaluations/${eid}/members`, { email: ev.email, role: 'evaluator' });
    await declareNoConflict(a2, ev.token, eid);
    await api(a2, fac.token, 'PUT', `/api/v1/evaluations/${eid}/scores`, { vendorId: vendor, criterionId: crit, value: 5 });
    await api(a2, ev.token, 'PUT', `/api/v1/evaluations/${eid}/scores`, { vendorId: vendor, criterionId: crit, value: 1 });
    // The facilitator scored, so sees the team's figures only once submitted (issue 11).
    expect((await api(a2, fac.token, 'POST', `/api/v1/evaluations/${eid}/submissions/me`)).status).toBe(200);
    const total = async () => (await api(a2, fac.token, 'GET', `/api/v1/evaluations/${eid}/ranking`)).json.rows[0].total;
    expect(await total()).toBeCloseTo(60, 9); // mean 3 of 5 → 60
    await api(a2, fac.token, 'POST', `/api/v1/evaluations/${eid}/exclusions`, { userId: ev.userId, vendorId: vendor, reason: 'Shareholder' });
    expect(await total()).toBeCloseTo(100, 9); // only the facilitator's 5 counts
    expect((await api(a2, fac.token, 'GET', `/api/v1/evaluations/${eid}/scores`)).json.scores).toHaveLength(2); // kept on record
    await api(a2, fac.token, 'DELETE', `/api/v1/evaluations/${eid}/exclusions/${ev.userId}/${vendor}`);
    expect(await total()).toBeCloseTo(60, 9);
  });
});

describe('abstaining', () => {
  test('an abstention is N/A with its reason kept; a value with an abstention is 400; the grid takes "abstain" with a comment', async () => {
    const { app: a2 } = await makeTestApp();
    const fac = await signupUser(a2);
    const eid = await createEvaluation(a2, fac.token, { template: 'blank' });
    const crit = await addCriterion(a2, fac.token, eid, { name: 'Quality' });
    const vendor = await addVendor(a2, fac.token, eid, { name: 'Solo' });
    const p = (s: string) => `/api/v1/evaluations/${eid}${s}`;
    expect((await api(a2, fac.token, 'PUT', p('/scores'), { vendorId: vendor, criterionId: crit, value: 3, abstain: 'No demo seen' })).status).toBe(400);
    expect((await api(a2, fac.token, 'PUT', p('/scores'), { vendorId: vendor, criterionId: crit, value: null, abstain: 'No demo seen' })).status).toBe(200);
    expect((await api(a2, fac.token, 'GET', p('/scores'))).json.scores[0]).toMatchObject({ value: null, abstainReason: 'No demo seen' });
    const ck = await formLogin(a2, fac.email, fac.password);
    const noReason = await pagePost(a2, ck, `/evaluations/${eid}/scoring/cell`, { vendorId: vendor, criterionId: crit, version: '1', value: 'abstain', comment: '' }, { 'hx-request': 'true' });
    expect(noReason.status).toBe(422);
    const ok = await pagePost(a2, ck, `/evaluations/${eid}/scoring/cell`, { vendorId: vendor, criterionId: crit, version: '1', value: 'abstain', comment: 'Conflict with the demo date' }, { 'hx-request': 'true' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('value="abstain"');
    expect((await api(a2, fac.token, 'GET', p('/scores'))).json.scores[0].abstainReason).toBe('Conflict with the demo date');
  });
});

describe('assignments', () => {
  test('an evaluator assigned one criterion sees only that column; scope sets the progress total', async () => {
    expect((await api(app, owner.token, 'POST', path('/assignments'), { userId: eva.userId })).status).toBe(400);
    const res = await api(app, owner.token, 'POST', path('/assignments'), { userId: eva.userId, criterionId: c2 });
    expect(res.status).toBe(201);
    const evaCookie = await formLogin(app, eva.email, eva.password);
    const grid = await (await pageGet(app, evaCookie, `/evaluations/${id}/scoring`)).text();
    expect(grid).toContain(`id="crit-${c2}"`);
    expect(grid).not.toContain(`id="crit-${c1}"`);
    const row = (await api(app, owner.token, 'GET', path('/panel'))).json.members.find((r: { userId: string }) => r.userId === eva.userId);
    expect(row.assigned).toBe(2);
    expect((await api(app, owner.token, 'DELETE', path(`/assignments/${res.json.id}`))).status).toBe(204);
  });
});

describe('removal', () => {
  test('removing an evaluator keeps the scores they gave; they lose access (404)', async () => {
    const before = await db.selectFrom('scores').select('value').where('evaluator_id', '=', Number(eva.userId)).execute();
    expect(before.length).toBeGreaterThan(0);
    expect((await pagePost(app, cookie, `/evaluations/${id}/members/${eva.userId}/remove`, {})).status).toBe(303);
    expect(await db.selectFrom('scores').select('value').where('evaluator_id', '=', Number(eva.userId)).execute()).toEqual(before);
    expect((await api(app, eva.token, 'GET', path())).status).toBe(404);
    const audit = await db.selectFrom('audit_entries').select('action').where('entity', '=', 'member').where('action', '=', 'remove').execute();
    expect(audit).toHaveLength(1);
  });
});
