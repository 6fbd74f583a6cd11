import { beforeAll, describe, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// Review and decision: blind until review, consensus with rationale, must-have knock-outs,
// evaluator agreement, and the lock once decided.

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupUser>>;
let eva: Awaited<ReturnType<typeof signupUser>>;
let ben: Awaited<ReturnType<typeof signupUser>>;
let id: string;
let quality: string;
let gdpr: string;
let acme: string;
let zeta: string;

const path = (p = '') => `/api/v1/evaluations/${id}${p}`;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  [owner, eva, ben] = await Promise.all([signupUser(app), signupUser(app), signupUser(app)]);
  id = await createEvaluation(app, owner.token, { template: 'blank' }, { declare: false }); // runs the panel without scoring: sees the team's figures (issue 11)
  quality = await addCriterion(app, owner.token, id, { name: 'Quality' });
  gdpr = await addCriterion(app, owner.token, id, { name: 'GDPR compliant', kind: 'must-have' });
  acme = await addVendor(app, owner.token, id, { name: 'Acme CX' });
  zeta = await addVendor(app, owner.token, id, { name: 'Zeta' });
  for (const who of [eva, ben]) {
    expect((await api(app, owner.token, 'POST', path('/members'), { email: who.email, role: 'evaluator' })).status).toBe(201);
  }
  expect((await api(app, owner.token, 'POST', path('/status'), { status: 'scoring' })).status).toBe(200);
});

describe('scoring', () => {
  test('an evaluator who has not declared gets 409 declaration_required, nothing saved', async () => {
    const res = await api(app, eva.token, 'PUT', path('/scores'), { vendorId: acme, criterionId: quality, value: 1 });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('declaration_required');
    expect((await api(app, eva.token, 'GET', path('/scores'))).json.scores).toEqual([]);
  });

  test('a declared conflict must be described (400); then scores are accepted', async () => {
    expect((await api(app, ben.token, 'PUT', path('/declarations/me'), { conflict: true })).status).toBe(400);
    expect((await api(app, ben.token, 'PUT', path('/declarations/me'), { conflict: true, description: 'Former employee of Zeta (2019)' })).status).toBe(200);
    await declareNoConflict(app, eva.token, id);
    // Eva: Acme 1, Zeta 4; Ben: Acme 5, Zeta 4 → Acme's cell spreads over 4 of 5 points.
    for (const [who, v, value] of [[eva, acme, 1], [eva, zeta, 4], [ben, acme, 5], [ben, zeta, 4]] as const) {
      expect((await api(app, who.token, 'PUT', path('/scores'), { vendorId: v, criterionId: quality, value })).status).toBe(200);
    }
    for (const [who, v, value] of [[eva, acme, 1], [ben, acme, 1], [eva, zeta, 0], [ben, zeta, 1]] as const) {
      expect((await api(app, who.token, 'PUT', path('/scores'), { vendorId: v, criterionId: gdpr, value })).status).toBe(200);
    }
  });

  test('blind: each evaluator sees only their own scores; agreement is the facilitator’s alone', async () => {
    const mine = (await api(app, eva.token, 'GET', path('/scores'))).json.scores;
    expect(new Set(mine.map((s: { evaluatorId: string }) => s.evaluatorId))).toEqual(new Set([eva.userId]));
    expect((await api(app, eva.token, 'GET', path('/agreement'))).status).toBe(403);
    const report = await api(app, owner.token, 'GET', path('/agreement'));
    expect(report.status).toBe(200);
    // Quality on Acme spreads 4 ≥ 30% × 5; the GDPR cell on Zeta has a pass and a fail (full range).
    expect(report.json.disagreements).toEqual([
      { vendorId: acme, criterionId: quality, spread: 4 },
      { vendorId: zeta, criterionId: gdpr, spread: 5 },
    ].sort((a, b) => b.spread - a.spread));
  });

  test('a tied must-have does not exclude; submitting locks the evaluator’s scores', async () => {
    const ranking = await api(app, owner.token, 'GET', path('/ranking'));
    expect(ranking.json.excluded).toEqual([]);
    expect((await api(app, eva.token, 'POST', path('/submissions/me'))).status).toBe(200);
    const again = await api(app, eva.token, 'PUT', path('/scores'), { vendorId: acme, criterionId: quality, value: 2 });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('scores_submitted');
    expect((await api(app, eva.token, 'POST', path('/submissions/me'))).status).toBe(409);
  });
});

describe('review', () => {
  test('consensus is refused before review (409), and review closes scoring for evaluators', async () => {
    expect((await api(app, owner.token, 'PUT', path('/consensus'), { vendorId: acme, criterionId: quality, value: 3, rationale: 'Demo showed partial coverage' })).status).toBe(409);
    // Ben has not submitted: closing scoring is refused until forced (issue 11).
    expect(expectApiError(await api(app, owner.token, 'POST', path('/status'), { status: 'review' }), 409, 'precondition_failed').message).toMatch(/1 evaluator has not submitted: User/);
    expect((await api(app, owner.token, 'POST', path('/status'), { status: 'review', force: true })).status).toBe(200);
    const late = await api(app, ben.token, 'PUT', path('/scores'), { vendorId: acme, criterionId: quality, value: 2 });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('scoring_closed');
  });

  test('in review everyone sees all scores and the agreement', async () => {
    expect((await api(app, eva.token, 'GET', path('/scores'))).json.scores).toHaveLength(8);
    expect((await api(app, eva.token, 'GET', path('/agreement'))).status).toBe(200);
  });

  test('consensus needs a rationale (400) and a value on the scale; it replaces the mean in the ranking and keeps the scores', async () => {
    expect((await api(app, owner.token, 'PUT', path('/consensus'), { vendorId: acme, criterionId: quality, value: 3 })).status).toBe(400);
    expect((await api(app, owner.token, 'PUT', path('/consensus'), { vendorId: acme, criterionId: quality, value: 6, rationale: 'x'.repeat(10) })).status).toBe(400);
    expect((await api(app, eva.token, 'PUT', path('/consensus'), { vendorId: acme, criterionId: quality, value: 3, rationale: 'Not mine to set' })).status).toBe(403);
    expect((await api(app, owner.token, 'PUT', path('/consensus'), { vendorId: acme, criterionId: quality, value: 2, rationale: 'Demo showed only email and chat' })).status).toBe(200);
    const ranking = (await api(app, owner.token, 'GET', path('/ranking'))).json;
    // Quality is the only weighted criterion: Acme = 100 × 2/5 = 40 (consensus), Zeta = 100 × 4/5 = 80 (mean of 4 and 4).
    expect(ranking.rows.map((r: { name: string; total: number }) => [r.name, r.total])).toEqual([['Zeta', 80], ['Acme CX', 40]]);
    const scores = (await api(app, owner.token, 'GET', path(`/scores?vendorId=${acme}&criterionId=${quality}`))).json.scores;
    expect(scores.map((s: { value: number }) => s.value).sort()).toEqual([1, 5]);
  });

  test('a must-have consensus of 0 excludes the vendor, naming the criterion and the rationale', async () => {
    expect((await api(app, owner.token, 'PUT', path('/consensus'), { vendorId: zeta, criterionId: gdpr, value: 0, rationale: 'No EU data residency offered' })).status).toBe(200);
    const ranking = (await api(app, owner.token, 'GET', path('/ranking'))).json;
    expect(ranking.rows.map((r: { name: string }) => r.name)).toEqual(['Acme CX']);
    expect(ranking.excluded).toHaveLength(1);
    expect(ranking.excluded[0].vendorId).toBe(zeta);
    expect(ranking.excluded[0].reason).toContain('GDPR compliant');
    expect(ranking.excluded[0].reason).toContain('No EU data residency offered');
  });
});

describe('decided', () => {
  test('deciding locks every write with 409 evaluation_locked; reads and exports still work', async () => {
    expect((await api(app, owner.token, 'POST', path('/status'), { status: 'decided' })).status).toBe(200);
    const writes: [string, string, unknown][] = [
      ['PUT', '/scores', { vendorId: acme, criterionId: quality, value: 3 }],
      ['PUT', '/consensus', { vendorId: acme, criterionId: quality, value: 3, rationale: 'Too late now' }],
      ['POST', '/vendors', { name: 'Latecomer' }],
      ['POST', '/criteria', { name: 'Afterthought' }],
      ['PUT', '/weights', { weights: { [quality]: 1 } }],
      ['POST', '/members', { email: eva.email, role: 'observer' }],
      ['POST', '/status', { status: 'review' }],
    ];
    for (const [method, p, body] of writes) {
      const res = await api(app, owner.token, method, path(p), body);
      expect(res.status, `${method} ${p}`).toBe(409);
    }
    expect((await api(app, owner.token, 'GET', path('/ranking'))).status).toBe(200);
    const csv = await app.request(`http://localhost/evaluations/${id}/shortlist.csv`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(csv.status).toBe(200);
  });
});
