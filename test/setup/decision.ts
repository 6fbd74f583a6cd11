import { expect } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, type TestApp } from './app.js';

/**
 * The sign-off tests' evaluation: one criterion (Quality) and three vendors, where `scorer` (an
 * evaluator) scores Acme CX 4 and Zeta 3 and nobody scores Nemo Insights, so Nemo is ranked
 * provisionally. `members` runs before scoring opens; the evaluation ends in scoring, or in review
 * with `review`.
 */
export async function evaluationWithUnscoredVendor(app: TestApp, owner: string, scorer: { token: string; email: string }, opts: { members?: (id: string) => Promise<void>; review?: boolean } = {}) {
  const id = await createEvaluation(app, owner, { template: 'blank', name: 'CX platform 2025' });
  const quality = await addCriterion(app, owner, id, { name: 'Quality' });
  const [acme, zeta, nemo] = [await addVendor(app, owner, id, { name: 'Acme CX' }), await addVendor(app, owner, id, { name: 'Zeta' }), await addVendor(app, owner, id, { name: 'Nemo Insights' })];
  expect((await api(app, owner, 'POST', `/api/v1/evaluations/${id}/members`, { email: scorer.email, role: 'evaluator' })).status).toBe(201);
  await opts.members?.(id);
  expect((await api(app, owner, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring' })).status).toBe(200);
  await declareNoConflict(app, scorer.token, id);
  for (const [v, value] of [[acme, 4], [zeta, 3]] as const) {
    expect((await api(app, scorer.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: v, criterionId: quality, value })).status).toBe(200);
  }
  // The scorer submits, so closing scoring needs no force (issue 11's guarded steps).
  if (opts.review) expect((await api(app, scorer.token, 'POST', `/api/v1/evaluations/${id}/submissions/me`)).status).toBe(200);
  if (opts.review) expect((await api(app, owner, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'review' })).status).toBe(200);
  return { id, quality, acme, zeta, nemo };
}
