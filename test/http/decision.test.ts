import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addCriterion, addVendor, api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { evaluationWithUnscoredVendor } from '../setup/decision.js';

// Sign-off (issue 11, point 6): deciding records the vendors and the reason, provisional vendors
// need an acknowledgement that is stored, and approvers approve or object once it is decided.

type User = Awaited<ReturnType<typeof signupUser>>;
let app: TestApp;
let db: Db;
let owner: User, eva: User, obs: User, stk: User, stranger: User;
let id: string;
let acme: string, nemo: string;
let foreignVendor: string;

const path = (p = '') => `/api/v1/evaluations/${id}${p}`;
const decision = { vendorIds: [] as string[], reason: 'Best fit on journeys; the price is inside the budget.' };

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  [owner, eva, obs, stk, stranger] = (await Promise.all([0, 1, 2, 3, 4].map(() => signupUser(app)))) as [User, User, User, User, User];
  const other = await createEvaluation(app, stranger.token, { template: 'blank' });
  foreignVendor = await addVendor(app, stranger.token, other, { name: 'Elsewhere' });
  ({ id, acme, nemo } = await evaluationWithUnscoredVendor(app, owner.token, eva, {
    members: async (e) => {
      const added = await api(app, owner.token, 'POST', `/api/v1/evaluations/${e}/members`, { email: obs.email, role: 'observer', approver: true });
      expect(added.status, added.text).toBe(201);
      expect(added.json.approver).toBe(true);
      expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${e}/members`, { email: stk.email, role: 'stakeholder' })).json.approver).toBe(false);
    },
  }));
  decision.vendorIds = [acme];
});

describe('before review', () => {
  test('POST /decision in scoring → 409 invalid_transition; GET /decision → 404 not_decided', async () => {
    expectApiError(await api(app, owner.token, 'POST', path('/decision'), decision), 409, 'invalid_transition');
    expectApiError(await api(app, owner.token, 'GET', path('/decision')), 404, 'not_decided');
    expect((await api(app, owner.token, 'GET', path())).json.status).toBe('scoring');
    // The evaluator has not submitted: closing scoring is forced (and recorded) to reach review.
    expect((await api(app, owner.token, 'POST', path('/status'), { status: 'review', force: true })).status).toBe(200);
  });
});

describe('members flagged as approvers', () => {
  test('approver must be a boolean (400); only the facilitator sets it (403 before validation); unknown member 404', async () => {
    const bad = expectApiError(await api(app, owner.token, 'POST', path('/members'), { email: 'x@example.test', role: 'observer', approver: 'yes' }), 400, 'validation_failed');
    expect(bad.fields).toHaveProperty('approver');
    expectApiError(await api(app, eva.token, 'PATCH', path(`/members/${obs.userId}`), '[]'), 403, 'forbidden');
    expectApiError(await api(app, owner.token, 'PATCH', path(`/members/${obs.userId}`), { approver: 1 }), 400, 'validation_failed');
    expectApiError(await api(app, owner.token, 'PATCH', path(`/members/${stranger.userId}`), { approver: true }), 404, 'not_found');
  });

  test('PATCH /members/{userId} flags an evaluator as approver, audited', async () => {
    const res = await api(app, owner.token, 'PATCH', path(`/members/${eva.userId}`), { approver: true });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ userId: eva.userId, approver: true });
    const audit = (await api(app, owner.token, 'GET', path('/audit'))).json.entries;
    expect(audit.filter((e: { action: string }) => e.action === 'approver')).toHaveLength(1);
  });
});

describe('deciding', () => {
  test('a non-facilitator gets 403 whatever the body; a stranger 404', async () => {
    for (const who of [eva, obs, stk]) expectApiError(await api(app, who.token, 'POST', path('/decision'), '[]'), 403, 'forbidden');
    expectApiError(await api(app, stranger.token, 'POST', path('/decision'), decision), 404, 'not_found');
  });

  test('an invalid body → 400 naming the fields', async () => {
    const err = expectApiError(await api(app, owner.token, 'POST', path('/decision'), { vendorIds: [], reason: '' }), 400, 'validation_failed');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['reason', 'vendorIds']);
    expectApiError(await api(app, owner.token, 'POST', path('/decision'), { ...decision, vendorIds: [acme, acme] }), 400, 'validation_failed');
    expectApiError(await api(app, owner.token, 'POST', path('/decision'), { ...decision, acknowledgeProvisional: 'yes' }), 400, 'validation_failed');
  });

  test('vendors of another evaluation → 400 with fields.vendorIds naming them; nothing decided', async () => {
    const err = expectApiError(await api(app, owner.token, 'POST', path('/decision'), { ...decision, vendorIds: [acme, foreignVendor], acknowledgeProvisional: true }), 400, 'validation_failed');
    expect(err.fields?.vendorIds).toContain(foreignVendor);
    expect((await api(app, owner.token, 'GET', path())).json.status).toBe('review');
  });

  test('a provisional vendor → 409 provisional_vendors naming it, by POST /decision and by POST /status', async () => {
    for (const body of [decision, { ...decision, acknowledgeProvisional: false }]) {
      const err = expectApiError(await api(app, owner.token, 'POST', path('/decision'), body), 409, 'provisional_vendors');
      expect(err.message).toContain('Nemo Insights');
      expect(err.message).not.toContain('Acme CX');
    }
    const viaStatus = expectApiError(await api(app, owner.token, 'POST', path('/status'), { status: 'decided' }), 409, 'provisional_vendors');
    expect(viaStatus.message).toContain('Nemo Insights');
    expect((await api(app, owner.token, 'GET', path())).json.status).toBe('review');
    expectApiError(await api(app, owner.token, 'GET', path('/decision')), 404, 'not_decided');
  });

  test('approvals before the decision: a non-approver 403, an approver 409 not_decided', async () => {
    expectApiError(await api(app, stk.token, 'POST', path('/approvals'), { verdict: 'approve' }), 403, 'forbidden');
    expectApiError(await api(app, obs.token, 'POST', path('/approvals'), { verdict: 'approve' }), 409, 'not_decided');
  });

  test('with the acknowledgement: decided, the decision stored with the acknowledged vendors, one audit entry', async () => {
    const res = await api(app, owner.token, 'POST', path('/decision'), { ...decision, acknowledgeProvisional: true });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      vendorIds: [acme], vendors: [{ vendorId: acme, name: 'Acme CX' }], reason: decision.reason, via: 'decision',
      decidedBy: { userId: owner.userId }, acknowledgedProvisional: [{ vendorId: nemo, name: 'Nemo Insights' }], approvals: [],
    });
    expect(res.json.pending.map((p: { userId: string }) => p.userId).sort()).toEqual([eva.userId, obs.userId].sort());
    expect((await api(app, owner.token, 'GET', path())).json.status).toBe('decided');
    expect((await api(app, stk.token, 'GET', path('/decision'))).json).toEqual(res.json);
    const decide = (await api(app, owner.token, 'GET', path('/audit'))).json.entries.filter((e: { action: string }) => e.action === 'decide');
    expect(decide).toHaveLength(1);
    expect(decide[0].after).toMatchObject({ status: 'decided', vendors: ['Acme CX'], reason: decision.reason, acknowledgedProvisional: ['Nemo Insights'] });
  });

  test('once decided: deciding again and changing approvers → 409', async () => {
    expectApiError(await api(app, owner.token, 'POST', path('/decision'), { ...decision, acknowledgeProvisional: true }), 409, 'evaluation_locked');
    expectApiError(await api(app, owner.token, 'PATCH', path(`/members/${stk.userId}`), { approver: true }), 409, 'evaluation_locked');
  });
});

describe('sign-off', () => {
  test('a member who is not an approver gets 403 whatever the body, the facilitator included', async () => {
    for (const who of [owner, stk]) expectApiError(await api(app, who.token, 'POST', path('/approvals'), '[]'), 403, 'forbidden');
    expectApiError(await api(app, stranger.token, 'POST', path('/approvals'), { verdict: 'approve' }), 404, 'not_found');
  });

  test('an objection without a comment → 400; a bad verdict → 400', async () => {
    const err = expectApiError(await api(app, obs.token, 'POST', path('/approvals'), { verdict: 'object' }), 400, 'validation_failed');
    expect(err.fields).toHaveProperty('comment');
    expectApiError(await api(app, obs.token, 'POST', path('/approvals'), { verdict: 'maybe', comment: 'x' }), 400, 'validation_failed');
  });

  test('one verdict per approver: a later one replaces it, and the audit keeps both', async () => {
    const first = await api(app, obs.token, 'POST', path('/approvals'), { verdict: 'approve' });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ userId: obs.userId, verdict: 'approve', comment: '' });
    const second = await api(app, obs.token, 'POST', path('/approvals'), { verdict: 'object', comment: 'Exit clause missing from the contract draft.' });
    expect(second.status, second.text).toBe(200);
    const record = (await api(app, eva.token, 'GET', path('/decision'))).json;
    expect(record.approvals).toHaveLength(1);
    expect(record.approvals[0]).toMatchObject({ userId: obs.userId, verdict: 'object', comment: 'Exit clause missing from the contract draft.' });
    expect(record.pending.map((p: { userId: string }) => p.userId)).toEqual([eva.userId]);
    const entries = (await api(app, owner.token, 'GET', path('/audit'))).json.entries.filter((e: { entity: string }) => e.entity === 'approval');
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['verdict', 'change-verdict']);
    expect(entries[1].before).toEqual({ verdict: 'approve', comment: '' });
    expect((await db.selectFrom('approvals').selectAll().execute())).toHaveLength(1);
  });

  test('the evaluator flagged as approver approves: nobody is pending', async () => {
    expect((await api(app, eva.token, 'POST', path('/approvals'), { verdict: 'approve', comment: 'Agreed.' })).status).toBe(200);
    expect((await api(app, owner.token, 'GET', path('/decision'))).json.pending).toEqual([]);
  });

  test('shortlist.json carries the decision; shortlist.csv keeps its columns and adds the decision and approvals below', async () => {
    const get = (file: string) => app.request(`http://localhost/evaluations/${id}/${file}`, { headers: { authorization: `Bearer ${stk.token}` } });
    const json = JSON.parse(await (await get('shortlist.json')).text());
    expect(json.decision).toMatchObject({ vendorIds: [acme], reason: decision.reason, acknowledgedProvisional: [{ name: 'Nemo Insights' }] });
    expect(json.decision.approvals.map((a: { verdict: string }) => a.verdict).sort()).toEqual(['approve', 'object']);
    const csv = (await (await get('shortlist.csv')).text()).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('rank,vendor,total,coverage,Quality,status,reason');
    const blank = lines.findIndex((l) => /^,*$/.test(l));
    expect(blank).toBeGreaterThan(3);
    const tail = lines.slice(blank + 1).join('\n');
    expect(tail).toContain('decision,vendors,Acme CX');
    expect(tail).toContain(`decision,reason,${decision.reason}`);
    expect(tail).toContain('decision,acknowledged provisional,Nemo Insights');
    expect(tail).toContain('approval,');
    expect(tail).toContain('Exit clause missing from the contract draft.');
    for (const l of lines.slice(blank)) expect(l.split(',').length).toBeGreaterThanOrEqual(7);
  });
});

describe('deciding by status when nothing is provisional', () => {
  test('POST /status decided records the vendors ranked first and no reason (via status); shortlist.json has decision null before', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const c = await addCriterion(app, owner.token, e, { name: 'Fit' });
    const a = await addVendor(app, owner.token, e, { name: 'Alpha' });
    const b = await addVendor(app, owner.token, e, { name: 'Beta' });
    const p = (s: string) => `/api/v1/evaluations/${e}${s}`;
    expect((await api(app, owner.token, 'POST', p('/status'), { status: 'scoring' })).status).toBe(200);
    for (const [v, value] of [[a, 5], [b, 2]] as const) expect((await api(app, owner.token, 'PUT', p('/scores'), { vendorId: v, criterionId: c, value })).status).toBe(200);
    expect((await api(app, owner.token, 'POST', p('/status'), { status: 'review' })).status).toBe(200);
    const before = JSON.parse(await (await app.request(`http://localhost/evaluations/${e}/shortlist.json`, { headers: { authorization: `Bearer ${owner.token}` } })).text());
    expect(before.decision).toBeNull();
    expect((await api(app, owner.token, 'POST', p('/status'), { status: 'decided' })).status).toBe(200);
    const record = (await api(app, owner.token, 'GET', p('/decision'))).json;
    expect(record).toMatchObject({ vendorIds: [a], reason: '', via: 'status', acknowledgedProvisional: [], approvals: [], pending: [] });
  });
});
