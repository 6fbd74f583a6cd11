import { expect } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, signupUser, type TestApp } from './app.js';
import { formLogin } from './pages.js';

/** What the board-pack fixture wrote, so a test can look for each piece in the report. */
export const BOARD_PACK = {
  name: 'Board pack 2026',
  conflict: 'Carl worked for Zeta until 2024.',
  measure: 'Kept away from Zeta: former employee.',
  withdrawn: 'Wren left the tender after the demo.',
  mustHaveRationale: 'Omega stores customer data outside the EU.',
  consensus: 'The panel agreed after the reference call.',
  decision: 'Zeta keeps our data in the EU and fits our journeys.',
  approval: 'Approved for the board meeting.',
  names: { owner: 'Fiona Facilitator', eva: 'Eve Evaluator', carl: 'Carl Conflicted', stan: 'Stan Stakeholder', olga: 'Olga Observer' },
} as const;

/**
 * An evaluation whose board report has something in every section (issue 14, item 7): two votes
 * (points and rating), a declared conflict and the measure taken (Carl kept away from Zeta), a
 * vendor failing a must-have with the panel's rationale (Omega), a withdrawn vendor with its
 * reason (Wren), a consensus score with its rationale, the decision for Zeta and an approval.
 * It ends decided. Returns the ids and the facilitator's token and session cookie.
 */
export async function boardPackEvaluation(app: TestApp) {
  const n = BOARD_PACK.names;
  const [owner, eva, carl, stan, olga] = await Promise.all([n.owner, n.eva, n.carl, n.stan, n.olga].map((name) => signupUser(app, { name })));
  const id = await createEvaluation(app, owner!.token, { template: 'blank', name: BOARD_PACK.name, scale: { min: 1, max: 5 } }, { declare: false });
  const p = (x: string) => `/api/v1/evaluations/${id}${x}`;
  const ok = async (res: Promise<{ status: number; text: string }>, status = 200) => { const r = await res; expect(r.status, r.text).toBe(status); };
  const c = { quality: await addCriterion(app, owner!.token, id, { name: 'Quality' }), support: await addCriterion(app, owner!.token, id, { name: 'Support' }), gdpr: await addCriterion(app, owner!.token, id, { name: 'GDPR', kind: 'must-have' }) };
  const v = { acme: await addVendor(app, owner!.token, id, { name: 'Acme CX' }), zeta: await addVendor(app, owner!.token, id, { name: 'Zeta' }), omega: await addVendor(app, owner!.token, id, { name: 'Omega Ltd' }), wren: await addVendor(app, owner!.token, id, { name: 'Wren' }) };
  for (const [who, role, approver] of [[eva!, 'evaluator', false], [carl!, 'evaluator', false], [stan!, 'stakeholder', false], [olga!, 'observer', true]] as const) {
    await ok(api(app, owner!.token, 'POST', p('/members'), { email: who.email, role, approver }), 201);
  }

  await ok(api(app, owner!.token, 'POST', p('/status'), { status: 'voting' }));
  await ok(api(app, stan!.token, 'PUT', p('/votes/me'), { method: 'points', points: { [c.quality]: 70, [c.support]: 30 } }));
  await ok(api(app, owner!.token, 'PUT', p('/votes/me'), { method: 'rating', ratings: { [c.quality]: 4, [c.support]: 3 } }));
  const toScoring = await api(app, owner!.token, 'POST', p('/status'), { status: 'scoring' });
  if (toScoring.status === 409) await ok(api(app, owner!.token, 'POST', p('/status'), { status: 'scoring', force: true }));
  else expect(toScoring.status, toScoring.text).toBe(200);

  await declareNoConflict(app, eva!.token, id);
  await declareNoConflict(app, owner!.token, id);
  await ok(api(app, carl!.token, 'PUT', p('/declarations/me'), { conflict: true, description: BOARD_PACK.conflict }));
  await ok(api(app, owner!.token, 'POST', p('/exclusions'), { userId: carl!.userId, vendorId: v.zeta, reason: BOARD_PACK.measure }), 201);

  const batch = (token: string, rows: [string, string, number][]) => ok(api(app, token, 'POST', p('/scores/batch'), { scores: rows.map(([vendorId, criterionId, value]) => ({ vendorId, criterionId, value })) }));
  await batch(eva!.token, [[v.acme, c.quality, 4], [v.acme, c.support, 3], [v.acme, c.gdpr, 1], [v.zeta, c.quality, 5], [v.zeta, c.support, 4], [v.zeta, c.gdpr, 1], [v.omega, c.quality, 5], [v.omega, c.support, 5], [v.omega, c.gdpr, 0], [v.wren, c.quality, 3], [v.wren, c.support, 3], [v.wren, c.gdpr, 1]]);
  await batch(carl!.token, [[v.acme, c.quality, 3], [v.acme, c.support, 4], [v.acme, c.gdpr, 1], [v.omega, c.gdpr, 0]]);
  for (const who of [eva!, carl!]) await ok(api(app, who.token, 'POST', p('/submissions/me')));
  await ok(api(app, owner!.token, 'POST', p(`/vendors/${v.wren}/withdrawal`), { reason: BOARD_PACK.withdrawn }));
  const toReview = await api(app, owner!.token, 'POST', p('/status'), { status: 'review' });
  if (toReview.status === 409) await ok(api(app, owner!.token, 'POST', p('/status'), { status: 'review', force: true }));
  else expect(toReview.status, toReview.text).toBe(200);

  await ok(api(app, owner!.token, 'PUT', p('/consensus'), { vendorId: v.acme, criterionId: c.support, value: 4, rationale: BOARD_PACK.consensus }));
  await ok(api(app, owner!.token, 'PUT', p('/consensus'), { vendorId: v.omega, criterionId: c.gdpr, value: 0, rationale: BOARD_PACK.mustHaveRationale }));
  await ok(api(app, owner!.token, 'POST', p('/decision'), { vendorIds: [v.zeta], reason: BOARD_PACK.decision, acknowledgeProvisional: true }));
  await ok(api(app, olga!.token, 'POST', p('/approvals'), { verdict: 'approve', comment: BOARD_PACK.approval }));
  return { id, c, v, owner: { token: owner!.token, cookie: await formLogin(app, owner!.email, owner!.password) }, observer: { token: olga!.token, cookie: await formLogin(app, olga!.email, olga!.password) }, evaluator: { token: eva!.token, cookie: await formLogin(app, eva!.email, eva!.password) } };
}
