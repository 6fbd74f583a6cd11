import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, expectApiError, makeTestApp, type TestApp } from '../setup/app.js';
import { esc, pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// Issue 11, point 4: status changes that their preconditions rule out answer 409 precondition_failed
// naming what is missing; the pages show what will happen and what is incomplete, and need a tick.

let app: TestApp;
let db: Db;
let owner: { token: string; cookie: string };
let eve: { token: string; cookie: string };

const path = (id: string, p = '') => `/api/v1/evaluations/${id}${p}`;
const status = (id: string, body: Record<string, unknown>) => api(app, owner.token, 'POST', path(id, '/status'), body);

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  owner = await signedInUser(app, 'owner-guards@example.test');
  eve = await signedInUser(app, 'eve-guards@example.test');
});

/** A blank evaluation with Eve as an evaluator who has declared. */
async function blank(): Promise<string> {
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  expect((await api(app, owner.token, 'POST', path(id, '/members'), { email: 'eve-guards@example.test', role: 'evaluator' })).status).toBe(201);
  await declareNoConflict(app, eve.token, id);
  return id;
}

describe('POST /status: preconditions', () => {
  test('scoring with no vendor and no scored criterion is refused, whatever force says, and names both', async () => {
    const id = await blank();
    for (const body of [{ status: 'scoring' }, { status: 'scoring', force: true }]) {
      const err = expectApiError(await status(id, body), 409, 'precondition_failed');
      expect(err.message).toMatch(/no vendor/);
      expect(err.message).toMatch(/no scored criterion/);
    }
    expect((await api(app, owner.token, 'GET', path(id))).json.status).toBe('draft');
  });

  test('a must-have leaf alone is not a scored criterion; from voting too', async () => {
    const id = await blank();
    await addVendor(app, owner.token, id, { name: 'Acme' });
    await addCriterion(app, owner.token, id, { name: 'GDPR', kind: 'must-have' });
    expect((await status(id, { status: 'voting' })).status).toBe(200);
    const err = expectApiError(await status(id, { status: 'scoring' }), 409, 'precondition_failed');
    expect(err.message).toMatch(/no scored criterion/);
    expect(err.message).not.toMatch(/no vendor/);
  });

  test('a parent is not a leaf: scoring needs a scored leaf, which a parent with must-have children is not', async () => {
    const id = await blank();
    await addVendor(app, owner.token, id, { name: 'Acme' });
    const parent = await addCriterion(app, owner.token, id, { name: 'Privacy' });
    await addCriterion(app, owner.token, id, { name: 'GDPR', parentId: parent, kind: 'must-have' });
    expectApiError(await status(id, { status: 'scoring' }), 409, 'precondition_failed');
  });

  test('closing scoring while an evaluator has not submitted: 409 naming them; force goes through and is recorded', async () => {
    const id = await blank();
    const acme = await addVendor(app, owner.token, id, { name: 'Acme' });
    await addVendor(app, owner.token, id, { name: 'Nobody Scored Me' });
    const quality = await addCriterion(app, owner.token, id, { name: 'Quality' });
    expect((await status(id, { status: 'scoring' })).status).toBe(200);
    expect((await api(app, eve.token, 'PUT', path(id, '/scores'), { vendorId: acme, criterionId: quality, value: 3 })).status).toBe(200);
    const err = expectApiError(await status(id, { status: 'review' }), 409, 'precondition_failed');
    expect(err.message).toContain('1 evaluator has not submitted: User');
    expect(err.message).toContain('"force": true');
    // Unscored vendors are said on the page, not refused.
    expect(err.message).not.toContain('Nobody Scored Me');
    expect((await status(id, { status: 'review', force: true })).status).toBe(200);
    const entry = await db.selectFrom('audit_entries').select(['action', 'after']).where('evaluation_id', '=', Number(id)).where('action', '=', 'status').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const after = JSON.parse(entry.after!);
    expect(after.status).toBe('review');
    expect(after.forced).toEqual([{ code: 'evaluators_not_submitted', count: 1, names: [expect.stringMatching(/^User/)] }]);
  });

  test('once everyone has submitted, closing scoring needs no force and records none; force is a boolean', async () => {
    const id = await blank();
    const acme = await addVendor(app, owner.token, id, { name: 'Acme' });
    const quality = await addCriterion(app, owner.token, id, { name: 'Quality' });
    expect((await status(id, { status: 'scoring' })).status).toBe(200);
    expect((await api(app, eve.token, 'PUT', path(id, '/scores'), { vendorId: acme, criterionId: quality, value: 3 })).status).toBe(200);
    expect((await api(app, eve.token, 'POST', path(id, '/submissions/me'))).status).toBe(200);
    expect(expectApiError(await status(id, { status: 'review', force: 'yes' }), 400).fields).toHaveProperty('force');
    expect((await status(id, { status: 'review' })).status).toBe(200);
    const entry = await db.selectFrom('audit_entries').select('after').where('evaluation_id', '=', Number(id)).where('action', '=', 'status').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after!)).not.toHaveProperty('forced');
  });

  test('submitting at partial coverage over the API stays allowed', async () => {
    const id = await blank();
    await addVendor(app, owner.token, id, { name: 'Acme' });
    await addCriterion(app, owner.token, id, { name: 'Quality' });
    expect((await status(id, { status: 'scoring' })).status).toBe(200);
    const res = await api(app, eve.token, 'POST', path(id, '/submissions/me'));
    expect(res.status).toBe(200);
    expect(res.json.scores).toBe(0);
  });
});

describe('the confirmation pages', () => {
  test('skipping voting with nothing to score: the page says what is required, offers no button, and a POST is refused (409)', async () => {
    const id = await blank();
    const page = await pageGet(app, owner.cookie, `/evaluations/${id}/status?to=scoring`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain(esc(m.guards.missing.no_vendors));
    expect(text).toContain(esc(m.guards.missing.no_scored_criterion));
    expect(text).toContain(esc(m.guards.blocked));
    expect(text).not.toContain('name="confirm"');
    const post = await pagePost(app, owner.cookie, `/evaluations/${id}/status`, { status: 'scoring', confirm: 'yes' });
    expect(post.status).toBe(409);
    expect(await post.text()).toContain('no vendor to score');
  });

  test('closing scoring: what happens, who has not submitted, which vendors nobody scored; the ticks are required', async () => {
    const id = await blank();
    await addVendor(app, owner.token, id, { name: 'Unscored Ltd' });
    await addCriterion(app, owner.token, id, { name: 'Quality' });
    expect((await status(id, { status: 'scoring' })).status).toBe(200);
    const text = await (await pageGet(app, owner.cookie, `/evaluations/${id}/status?to=review`)).text();
    expect(text).toContain(esc(m.guards.effects.closeScoring[0]));
    expect(text).toContain(esc(m.guards.missing.evaluators_not_submitted(1)));
    expect(text).toContain('Unscored Ltd');
    expect(text).toMatch(/name="confirm" value="yes" required/);
    expect(text).toMatch(/name="force" value="yes" required/);
    const unticked = await pagePost(app, owner.cookie, `/evaluations/${id}/status`, { status: 'review' });
    expect(unticked.status).toBe(422);
    expect(await unticked.text()).toContain(esc(m.guards.needsCheck));
    const unforced = await pagePost(app, owner.cookie, `/evaluations/${id}/status`, { status: 'review', confirm: 'yes' });
    expect(unforced.status).toBe(409);
    expect((await api(app, owner.token, 'GET', path(id))).json.status).toBe('scoring');
    const done = await pagePost(app, owner.cookie, `/evaluations/${id}/status`, { status: 'review', confirm: 'yes', force: 'yes' });
    expect(done.status).toBe(303);
    expect((await api(app, owner.token, 'GET', path(id))).json.status).toBe('review');
  });

  test('closing voting from the voting tab needs the tick too, and the page lists votes not cast', async () => {
    const id = await blank();
    await addVendor(app, owner.token, id, { name: 'Acme' });
    await addCriterion(app, owner.token, id, { name: 'Quality' });
    expect((await status(id, { status: 'voting' })).status).toBe(200);
    // Only stakeholders are waited for: the facilitator, who may vote but did not, is not "not cast".
    const before = await (await pageGet(app, owner.cookie, `/evaluations/${id}/status?to=scoring`)).text();
    expect(before).toContain(esc(m.guards.closeVotingTitle));
    expect(before).not.toContain(esc(m.guards.missing.votes_not_cast(1)));
    await signedInUser(app, `sam-guards-${id}@example.test`);
    expect((await api(app, owner.token, 'POST', path(id, '/members'), { email: `sam-guards-${id}@example.test`, role: 'stakeholder' })).status).toBe(201);
    const text = await (await pageGet(app, owner.cookie, `/evaluations/${id}/status?to=scoring`)).text();
    expect(text).toContain(esc(m.guards.missing.votes_not_cast(1)));
    const voting = await (await pageGet(app, owner.cookie, `/evaluations/${id}/voting`)).text();
    expect(voting).toContain(`action="/evaluations/${id}/status"`);
    expect((await pagePost(app, owner.cookie, `/evaluations/${id}/voting/status`, { status: 'scoring' })).status).toBe(422);
    expect((await pagePost(app, owner.cookie, `/evaluations/${id}/voting/status`, { status: 'scoring', confirm: 'yes' })).status).toBe(303);
    expect((await api(app, owner.token, 'GET', path(id))).json.status).toBe('scoring');
  });

  test('the overview opens the confirmation page instead of changing the status at once', async () => {
    const id = await blank();
    const text = await (await pageGet(app, owner.cookie, `/evaluations/${id}`)).text();
    expect(text).toMatch(new RegExp(`<form method="get" action="/evaluations/${id}/status"[^>]*><input type="hidden" name="to" value="scoring"`));
    // Opening voting is not guarded: it still posts.
    expect(text).toMatch(/<form method="post"[^>]*><input type="hidden" name="status" value="voting"/);
  });

  test('only the facilitator sees a confirmation page (403 for an evaluator); an unguarded step is a 404', async () => {
    const id = await blank();
    expect((await pageGet(app, eve.cookie, `/evaluations/${id}/status?to=scoring`)).status).toBe(403);
    expect((await pageGet(app, owner.cookie, `/evaluations/${id}/status?to=decided`)).status).toBe(404);
  });
});

describe('submitting from the page', () => {
  test('the confirmation step counts the empty cells now; without the tick it comes back (422), with it the scores lock', async () => {
    const id = await blank();
    const acme = await addVendor(app, owner.token, id, { name: 'Acme' });
    await addVendor(app, owner.token, id, { name: 'Beta' });
    const quality = await addCriterion(app, owner.token, id, { name: 'Quality' });
    expect((await status(id, { status: 'scoring' })).status).toBe(200);
    expect((await api(app, eve.token, 'PUT', path(id, '/scores'), { vendorId: acme, criterionId: quality, value: 3 })).status).toBe(200);
    const grid = await (await pageGet(app, eve.cookie, `/evaluations/${id}/scoring`)).text();
    expect(grid).toContain(`<form method="get" action="/evaluations/${id}/submission"`);
    const step = await (await pageGet(app, eve.cookie, `/evaluations/${id}/submission`)).text();
    expect(step).toContain(esc(m.guards.submitEmpty(1)));
    expect(step).toMatch(/name="confirm" value="yes" required/);
    const unticked = await pagePost(app, eve.cookie, `/evaluations/${id}/submission`, {});
    expect(unticked.status).toBe(422);
    expect(await unticked.text()).toContain(esc(m.guards.needsCheck));
    expect((await api(app, owner.token, 'POST', path(id, '/status'), { status: 'review' })).status).toBe(409);
    expect((await pagePost(app, eve.cookie, `/evaluations/${id}/submission`, { confirm: 'yes' })).status).toBe(303);
    // Twice is refused on the step itself, not with an error page.
    const again = await pagePost(app, eve.cookie, `/evaluations/${id}/submission`, { confirm: 'yes' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already submitted');
    expect((await api(app, eve.token, 'PUT', path(id, '/scores'), { vendorId: acme, criterionId: quality, value: 4 })).json.error.code).toBe('scores_submitted');
  });
});
