import { beforeAll, describe, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, expectApiError, makeTestApp, type TestApp } from '../setup/app.js';
import { esc, pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// Issue 11, point 5: from scoring on the tree and the longlist hold still; a vendor is withdrawn
// with a reason, and a weight change needs a reason that the ranking shows.

let app: TestApp;
let owner: { token: string; cookie: string };
let id: string;
let top: string;
let child: string;
let other: string;
let support: string;
let acme: string;
let beta: string;

const path = (p = '') => `/api/v1/evaluations/${id}${p}`;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await signedInUser(app, 'owner-freeze@example.test');
  id = await createEvaluation(app, owner.token, { template: 'blank' });
  top = await addCriterion(app, owner.token, id, { name: 'Quality' });
  child = await addCriterion(app, owner.token, id, { name: 'Docs', parentId: top });
  support = await addCriterion(app, owner.token, id, { name: 'Support', parentId: top });
  other = await addCriterion(app, owner.token, id, { name: 'Price fit' });
  acme = await addVendor(app, owner.token, id, { name: 'Acme' });
  beta = await addVendor(app, owner.token, id, { name: 'Beta' });
  // Before scoring the structure is open: a move and a delete go through.
  const spare = await addCriterion(app, owner.token, id, { name: 'Spare' });
  expect((await api(app, owner.token, 'PATCH', path(`/criteria/${spare}`), { parentId: top })).status).toBe(200);
  expect((await api(app, owner.token, 'DELETE', path(`/criteria/${spare}`))).status).toBe(204);
  expect((await api(app, owner.token, 'POST', path('/status'), { status: 'scoring' })).status).toBe(200);
  for (const [vendorId, value] of [[acme, 5], [beta, 2]] as const) {
    for (const criterionId of [child, other]) expect((await api(app, owner.token, 'PUT', path('/scores'), { vendorId, criterionId, value })).status).toBe(200);
  }
});

describe('in scoring the structure is frozen (409 structure_frozen)', () => {
  type Row = [name: string, method: string, path: () => string, body: (() => Record<string, unknown>) | undefined];
  const rows: Row[] = [
    ['delete a criterion', 'DELETE', () => `/criteria/${child}`, undefined],
    ['move a criterion', 'PATCH', () => `/criteria/${child}`, () => ({ parentId: null })],
    ['move a top-level criterion under another', 'PATCH', () => `/criteria/${other}`, () => ({ parentId: top })],
    ['change a criterion’s kind', 'PATCH', () => `/criteria/${other}`, () => ({ kind: 'must-have' })],
    ['add a criterion', 'POST', () => '/criteria', () => ({ name: 'Late idea' })],
    ['delete a vendor', 'DELETE', () => `/vendors/${beta}`, undefined],
  ];
  test.each(rows)('%s', async (_name, method, p, body) => {
    const err = expectApiError(await api(app, owner.token, method, path(p()), body?.()), 409, 'structure_frozen');
    expect(err.message).toMatch(/Scoring has opened/);
  });

  test('renaming and describing stay open; the same parent is not a move', async () => {
    expect((await api(app, owner.token, 'PATCH', path(`/criteria/${child}`), { name: 'Documentation', description: 'Manuals and API docs', parentId: top })).status).toBe(200);
    expect((await api(app, owner.token, 'PATCH', path(`/vendors/${acme}`), { description: 'Renamed blurb' })).status).toBe(200);
    const criteria = (await api(app, owner.token, 'GET', path('/criteria'))).json.criteria as { id: string; name: string; parentId: string | null }[];
    expect(criteria.find((c) => c.id === child)).toMatchObject({ name: 'Documentation', parentId: top });
  });

  test('the pages hide delete, move and add, and say why', async () => {
    const list = await (await pageGet(app, owner.cookie, `/evaluations/${id}/criteria`)).text();
    expect(list).toContain(esc(m.guards.frozen));
    expect(list).not.toContain(`/criteria/${child}/delete`);
    expect(list).not.toContain('id="add-criterion"');
    const edit = await (await pageGet(app, owner.cookie, `/evaluations/${id}/criteria/${child}/edit`)).text();
    expect(edit).not.toContain('name="parentId" aria');
    expect(edit).toContain(`<input type="hidden" name="parentId" value="${top}"/>`);
    expect(edit).not.toContain(`/criteria/${child}/delete`);
    // The edit form sends the place back as it was: a rename from the page is not a move.
    const saved = await pagePost(app, owner.cookie, `/evaluations/${id}/criteria/${child}`, { name: 'Docs again', parentId: top, kind: 'scored', description: '' });
    expect(saved.status).toBe(303);
    const vendors = await (await pageGet(app, owner.cookie, `/evaluations/${id}/vendors`)).text();
    expect(vendors).toContain(esc(m.guards.frozenVendors));
    expect(vendors).not.toContain(`/vendors/${beta}/delete`);
    expect(vendors).toContain(`/vendors/${beta}/edit#withdraw`);
  });
});

describe('withdrawing a vendor', () => {
  test('needs a reason (400 with fields.reason); an unknown vendor is a 404', async () => {
    expect(expectApiError(await api(app, owner.token, 'POST', path(`/vendors/${beta}/withdrawal`), {}), 400).fields).toHaveProperty('reason');
    expect(expectApiError(await api(app, owner.token, 'POST', path(`/vendors/${beta}/withdrawal`), { reason: '   ' }), 400).fields).toHaveProperty('reason');
    expectApiError(await api(app, owner.token, 'POST', path('/vendors/999999/withdrawal'), { reason: 'Gone' }), 404);
  });

  test('keeps its scores, leaves the ranking rows and is listed as withdrawn; twice is a 409', async () => {
    const before = (await api(app, owner.token, 'GET', path('/ranking'))).json;
    expect(before.rows.map((r: { name: string }) => r.name)).toEqual(['Acme', 'Beta']);
    expect(before.withdrawn).toEqual([]);
    const res = await api(app, owner.token, 'POST', path(`/vendors/${beta}/withdrawal`), { reason: 'Acquired by Acme' });
    expect(res.status, res.text).toBe(200);
    expect(res.json.vendorId).toBe(beta);
    const after = (await api(app, owner.token, 'GET', path('/ranking'))).json;
    expect(after.rows.map((r: { name: string }) => r.name)).toEqual(['Acme']);
    expect(after.withdrawn).toEqual([{ vendorId: beta, name: 'Beta', reason: 'Acquired by Acme' }]);
    expect((await api(app, owner.token, 'GET', path(`/scores?vendorId=${beta}`))).json.scores).toHaveLength(2);
    const listed = (await api(app, owner.token, 'GET', path('/vendors'))).json.vendors.find((v: { id: string }) => v.id === beta);
    expect(listed.withdrawn).toMatchObject({ reason: 'Acquired by Acme' });
    expectApiError(await api(app, owner.token, 'POST', path(`/vendors/${beta}/withdrawal`), { reason: 'Again' }), 409, 'already_withdrawn');
    const ranking = await (await pageGet(app, owner.cookie, `/evaluations/${id}/ranking`)).text();
    expect(ranking).toContain(esc(m.guards.withdrawnTitle));
    expect(ranking).toContain(esc(m.guards.withdrawnLine('Beta', 'Acquired by Acme')));
  });

  test('from the vendor’s edit page: the form needs a reason (422) and withdraws (303)', async () => {
    const gamma = await addVendor(app, owner.token, id, { name: 'Gamma' });
    const edit = await (await pageGet(app, owner.cookie, `/evaluations/${id}/vendors/${gamma}/edit`)).text();
    expect(edit).toContain(`action="/evaluations/${id}/vendors/${gamma}/withdrawal"`);
    expect((await pagePost(app, owner.cookie, `/evaluations/${id}/vendors/${gamma}/withdrawal`, { reason: '' })).status).toBe(422);
    expect((await pagePost(app, owner.cookie, `/evaluations/${id}/vendors/${gamma}/withdrawal`, { reason: 'Late and out of budget' })).status).toBe(303);
    const list = await (await pageGet(app, owner.cookie, `/evaluations/${id}/vendors`)).text();
    expect(list).toContain('Late and out of budget');
  });
});

describe('weights after scoring began', () => {
  test('a change needs a reason (400 with fields.reason); with one it is stored and shown on the ranking', async () => {
    const noReason = expectApiError(await api(app, owner.token, 'PUT', path('/weights'), { weights: { [top]: 0.7, [other]: 0.3 } }), 400);
    expect(noReason.fields).toHaveProperty('reason');
    expect((await api(app, owner.token, 'PUT', path('/weights'), { weights: { [top]: 0.7, [other]: 0.3 }, reason: ' ' })).status).toBe(400);
    const ok = await api(app, owner.token, 'PUT', path('/weights'), { weights: { [top]: 0.7, [other]: 0.3 }, reason: 'Board asked for quality first' });
    expect(ok.status, ok.text).toBe(200);
    const ranking = (await api(app, owner.token, 'GET', path('/ranking'))).json;
    expect(ranking.weightChanges).toEqual([{ version: ok.json.version, by: expect.any(String), at: expect.any(String), reason: 'Board asked for quality first' }]);
    const page = await (await pageGet(app, owner.cookie, `/evaluations/${id}/ranking`)).text();
    expect(page).toContain(esc(m.guards.weightChangesTitle));
    expect(page).toContain(esc('Board asked for quality first'));
  });

  test('the weights page asks for the reason and re-renders without one (422)', async () => {
    const form = await (await pageGet(app, owner.cookie, `/evaluations/${id}/weights`)).text();
    expect(form).toContain('name="reason"');
    const split = { [`w.${top}`]: '50', [`w.${other}`]: '50', [`w.${child}`]: '50', [`w.${support}`]: '50' };
    const res = await pagePost(app, owner.cookie, `/evaluations/${id}/weights`, split);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Required from scoring on');
    expect((await pagePost(app, owner.cookie, `/evaluations/${id}/weights`, { ...split, reason: 'Even split' })).status).toBe(303);
  });
});

test('before scoring a weight change needs no reason and is not listed as a change after scoring', async () => {
  const draft = await createEvaluation(app, owner.token, { template: 'blank' });
  const a = await addCriterion(app, owner.token, draft, { name: 'A' });
  const b = await addCriterion(app, owner.token, draft, { name: 'B' });
  expect((await api(app, owner.token, 'PUT', `/api/v1/evaluations/${draft}/weights`, { weights: { [a]: 0.6, [b]: 0.4 } })).status).toBe(200);
  expect((await api(app, owner.token, 'GET', `/api/v1/evaluations/${draft}/ranking`)).json.weightChanges).toEqual([]);
});
