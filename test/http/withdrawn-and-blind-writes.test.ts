import { beforeAll, describe, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, expectApiError, makeTestApp, type TestApp } from '../setup/app.js';
import { esc, pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';
import type { Db } from '../../db/client.js';

// Issue 11, the gaps after the first merge: a withdrawn vendor keeps its scores as they stood (no
// write through the API, the batch or the grid) and is listed last in the shortlist files; a
// facilitator scoring blind cannot apply the must-have gate, which counts colleagues' votes.

let app: TestApp;
let db: Db;
let owner: { token: string; cookie: string };
let eva: { token: string; cookie: string };
let id: string;
let quality: string;
let gdpr: string;
let acme: string;
let beta: string;

const path = (p = '') => `/api/v1/evaluations/${id}${p}`;

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  owner = await signedInUser(app, 'owner-withdrawn@example.test');
  eva = await signedInUser(app, 'eva-withdrawn@example.test');
  id = await createEvaluation(app, owner.token, { template: 'blank' });
  quality = await addCriterion(app, owner.token, id, { name: 'Quality' });
  gdpr = await addCriterion(app, owner.token, id, { name: 'GDPR', kind: 'must-have' });
  acme = await addVendor(app, owner.token, id, { name: 'Acme' });
  beta = await addVendor(app, owner.token, id, { name: 'Beta' });
  expect((await api(app, owner.token, 'POST', path('/members'), { email: 'eva-withdrawn@example.test', role: 'evaluator' })).status).toBe(201);
  // The owner joins the panel: a facilitator who scores, blind until they submit.
  await declareNoConflict(app, owner.token, id);
  await declareNoConflict(app, eva.token, id);
  expect((await api(app, owner.token, 'POST', path('/status'), { status: 'scoring' })).status).toBe(200);
  for (const vendorId of [acme, beta]) {
    expect((await api(app, eva.token, 'PUT', path('/scores'), { vendorId, criterionId: quality, value: 4 })).status).toBe(200);
    expect((await api(app, eva.token, 'PUT', path('/scores'), { vendorId, criterionId: gdpr, value: 0 })).status).toBe(200);
  }
  expect((await api(app, owner.token, 'PUT', path('/scores'), { vendorId: acme, criterionId: quality, value: 3 })).status).toBe(200);
  expect((await api(app, owner.token, 'POST', path(`/vendors/${beta}/withdrawal`), { reason: 'Acquired by Acme' })).status).toBe(200);
});

describe('a withdrawn vendor keeps its scores as they stood', () => {
  test('a single score and a batch are refused with 409 vendor_withdrawn', async () => {
    const one = expectApiError(await api(app, eva.token, 'PUT', path('/scores'), { vendorId: beta, criterionId: quality, value: 1 }), 409, 'vendor_withdrawn');
    expect(one.message).toMatch(/withdrawn/);
    const batch = [{ vendorId: acme, criterionId: quality, value: 2 }, { vendorId: beta, criterionId: quality, value: 2 }];
    expectApiError(await api(app, eva.token, 'POST', path('/scores/batch'), { scores: batch }), 409, 'vendor_withdrawn');
    // All or nothing: Acme's cell in the refused batch did not move either.
    const mine = (await api(app, eva.token, 'GET', path('/scores'))).json.scores as { vendorId: string; criterionId: string; value: number }[];
    expect(mine.filter((s) => s.criterionId === quality).map((s) => [s.vendorId, s.value]).sort()).toEqual([[acme, 4], [beta, 4]].sort());
    // A vendor still in the running takes writes as before.
    expect((await api(app, eva.token, 'POST', path('/scores/batch'), { scores: [batch[0]] })).status).toBe(200);
  });

  test('the grid shows the vendor as withdrawn and read-only; a posted cell is refused in place', async () => {
    const grid = await (await pageGet(app, eva.cookie, `/evaluations/${id}/scoring`)).text();
    const row = grid.slice(grid.indexOf('>Beta'), grid.indexOf('</tr>', grid.indexOf('>Beta')));
    expect(row).toContain(esc(m.scoring.withdrawnBadge));
    expect(row).toMatch(new RegExp(`aria-label="${esc(m.scoring.scoreFor('Beta', 'Quality'))}" value="4"[^>]*readonly`));
    expect(row).not.toContain('hx-post');
    const acmeRow = grid.slice(grid.indexOf('>Acme'), grid.indexOf('</tr>', grid.indexOf('>Acme')));
    expect(acmeRow).toContain('hx-post');
    const res = await pagePost(app, eva.cookie, `/evaluations/${id}/scoring/cell`, { vendorId: beta, criterionId: quality, value: '1', version: '1', comment: '' }, { 'hx-request': 'true' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('has been withdrawn');
    const stored = await db.selectFrom('scores').select('value').where('vendor_id', '=', Number(beta)).where('criterion_id', '=', Number(quality)).execute();
    expect(stored.map((s) => s.value)).toEqual([4]);
  });

  test('shortlist.csv and .json list it last as "withdrawn" with the reason', async () => {
    const json = JSON.parse(await (await pageGet(app, owner.cookie, `/evaluations/${id}/shortlist.json`)).text());
    const last = json.rows[json.rows.length - 1];
    expect(last).toMatchObject({ vendor: 'Beta', status: 'withdrawn', reason: 'Acquired by Acme', rank: null, total: null });
    expect(json.rows.filter((r: { vendor: string }) => r.vendor === 'Beta')).toHaveLength(1);
    const csv = (await (await pageGet(app, owner.cookie, `/evaluations/${id}/shortlist.csv`)).text()).trim().split(/\r?\n/);
    expect(csv[csv.length - 1]).toMatch(/^,Beta,,,.*,withdrawn,Acquired by Acme$/);
  });
});

describe('the must-have gate and a facilitator scoring blind', () => {
  test('screening out must-have failures is refused (409) while they have not submitted, and writes nothing', async () => {
    const res = await pagePost(app, owner.cookie, `/evaluations/${id}/vendors/screen-must-haves`, {});
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('You are scoring blind');
    const out = await db.selectFrom('vendors').select('id').where('evaluation_id', '=', Number(id)).where('screened_out', 'is not', null).execute();
    expect(out).toEqual([]);
  });

  test('after submitting, the same facilitator may apply it', async () => {
    expect((await api(app, owner.token, 'POST', path('/submissions/me'), {})).status).toBe(200);
    const res = await pagePost(app, owner.cookie, `/evaluations/${id}/vendors/screen-must-haves`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('screened=1');
  });
});

test('a consensus on a criterion with sub-criteria answers 400 not_a_leaf, as a score does', async () => {
  const e = await createEvaluation(app, owner.token, { template: 'blank' });
  const parent = await addCriterion(app, owner.token, e, { name: 'Quality' });
  const child = await addCriterion(app, owner.token, e, { name: 'Docs', parentId: parent });
  const vendorId = await addVendor(app, owner.token, e, { name: 'Acme' });
  const at = (p: string) => `/api/v1/evaluations/${e}${p}`;
  await declareNoConflict(app, owner.token, e);
  expect((await api(app, owner.token, 'POST', at('/status'), { status: 'scoring' })).status).toBe(200);
  expect((await api(app, owner.token, 'PUT', at('/scores'), { vendorId, criterionId: child, value: 3 })).status).toBe(200);
  expect((await api(app, owner.token, 'POST', at('/status'), { status: 'review', force: true })).status).toBe(200);
  const err = expectApiError(await api(app, owner.token, 'PUT', at('/consensus'), { vendorId, criterionId: parent, value: 3, rationale: 'Agreed in the panel' }), 400, 'not_a_leaf');
  expect(err.fields).toHaveProperty('criterionId');
  expect((await api(app, owner.token, 'PUT', at('/consensus'), { vendorId, criterionId: child, value: 3, rationale: 'Agreed in the panel' })).status).toBe(200);
});
