import { beforeAll, describe, expect, test } from 'vitest';
import { api, createEvaluation, declareNoConflict, expectApiError, makeTestApp, signupUser, type ApiResult, type TestApp } from '../setup/app.js';

// The permissions matrix (API.md "Roles"): every endpoint under /api/v1/evaluations/:id × every
// caller. Allowed → the endpoint's own success code; role not allowed → 403; a user outside the
// evaluation → 404 (another team's object must look absent); an unknown evaluation → 404; no
// token → 401. Each case builds its own evaluation at the lifecycle stage the endpoint needs, so a
// lifecycle 409 cannot stand in for a permission answer and no case depends on another.
// Blind scoring and agreement-before-review are covered in scores-ranking and review tests.

type Role = 'facilitator' | 'evaluator' | 'stakeholder' | 'observer';
type Caller = Role | 'non-member';
type Stage = 'draft' | 'voting' | 'scoring' | 'review';

/** The ids one fresh evaluation offers to paths and bodies. */
interface Ids { evaluation: string; c1: string; c2: string; vendor: string; invite: string; group: string }

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (ids: Ids) => string;
  /** A body valid for the endpoint (a 400 must never hide a permission answer). */
  body?: (ids: Ids) => unknown;
  /** Raw CSV instead of JSON (vendor import). */
  csv?: string;
  allowed: readonly Role[];
  stage: Stage;
  /** The success code the contract (or the route) gives an allowed caller. */
  ok: 200 | 201 | 204;
}

const ALL: readonly Role[] = ['facilitator', 'evaluator', 'stakeholder', 'observer'];
const EDIT: readonly Role[] = ['facilitator'];
const VOTE: readonly Role[] = ['facilitator', 'stakeholder'];
const SCORE: readonly Role[] = ['facilitator', 'evaluator'];
const FEEDBACK: readonly Role[] = ['facilitator', 'evaluator', 'stakeholder'];
const AUDIT: readonly Role[] = ['facilitator', 'observer'];
/** API.md "Who sees what": stakeholders read no scores or totals until review (issue 11). */
const SCORE_READERS: readonly Role[] = ['facilitator', 'evaluator', 'observer'];

const e = (ids: Ids) => `/api/v1/evaluations/${ids.evaluation}`;

// prettier-ignore
const ROWS: Row[] = [
  // Reads
  { method: 'GET',    path: (i) => e(i),                                 allowed: ALL,      stage: 'draft',   ok: 200 },
  { method: 'GET',    path: (i) => `${e(i)}/criteria`,                   allowed: ALL,      stage: 'draft',   ok: 200 },
  { method: 'GET',    path: (i) => `${e(i)}/vendors`,                    allowed: ALL,      stage: 'draft',   ok: 200 },
  { method: 'GET',    path: (i) => `${e(i)}/weights`,                    allowed: ALL,      stage: 'voting',  ok: 200 },
  { method: 'GET',    path: (i) => `${e(i)}/scores`,                     allowed: SCORE_READERS, stage: 'scoring', ok: 200 },
  { method: 'GET',    path: (i) => `${e(i)}/ranking`,                    allowed: SCORE_READERS, stage: 'scoring', ok: 200 },
  { method: 'GET',    path: (i) => `${e(i)}/ranking`,                    allowed: ALL,      stage: 'review',  ok: 200 },
  { method: 'GET',    path: (i) => `${e(i)}/agreement`,                  allowed: ALL,      stage: 'review',  ok: 200 },
  { method: 'GET',    path: (i) => `${e(i)}/audit`,                      allowed: AUDIT,    stage: 'draft',   ok: 200 },
  { method: 'GET',    path: (i) => `${e(i)}/feedback`,                   allowed: ALL,      stage: 'draft',   ok: 200 },
  // Criteria and weights
  { method: 'POST',   path: (i) => `${e(i)}/criteria`,                   body: () => ({ name: 'Security', kind: 'scored', description: 'SSO and audit' }), allowed: EDIT, stage: 'draft', ok: 201 },
  { method: 'PATCH',  path: (i) => `${e(i)}/criteria/${i.c1}`,           body: () => ({ name: 'Channels renamed' }),                                         allowed: EDIT, stage: 'draft', ok: 200 },
  { method: 'DELETE', path: (i) => `${e(i)}/criteria/${i.c2}`,                                                                                                allowed: EDIT, stage: 'draft', ok: 204 },
  { method: 'PUT',    path: (i) => `${e(i)}/weights`,                    body: (i) => ({ weights: { [i.c1]: 3, [i.c2]: 1 } }),                                allowed: EDIT, stage: 'draft', ok: 200 },
  // Vendors
  { method: 'POST',   path: (i) => `${e(i)}/vendors`,                    body: () => ({ name: 'Newcomer CX', website: 'https://newcomer.example', price: 1200 }), allowed: EDIT, stage: 'draft', ok: 201 },
  { method: 'PATCH',  path: (i) => `${e(i)}/vendors/${i.vendor}`,        body: () => ({ website: 'https://acme.example/cx' }),                                allowed: EDIT, stage: 'draft', ok: 200 },
  { method: 'DELETE', path: (i) => `${e(i)}/vendors/${i.vendor}`,                                                                                             allowed: EDIT, stage: 'draft', ok: 204 },
  { method: 'POST',   path: (i) => `${e(i)}/vendors/import`,             csv: 'name,website\nImported One,https://one.example\n',                             allowed: EDIT, stage: 'draft', ok: 200 },
  // Members, lifecycle, voting set-up
  { method: 'POST',   path: (i) => `${e(i)}/members`,                    body: () => ({ email: spare.email, role: 'evaluator' }),                             allowed: EDIT, stage: 'draft',   ok: 201 },
  { method: 'POST',   path: (i) => `${e(i)}/status`,                     body: () => ({ status: 'voting' }),                                                  allowed: EDIT, stage: 'draft',   ok: 200 },
  { method: 'POST',   path: (i) => `${e(i)}/voting/reopen`,                                                                                                   allowed: EDIT, stage: 'scoring', ok: 200 },
  { method: 'PUT',    path: (i) => `${e(i)}/voting/settings`,            body: () => ({ methods: ['points', 'rank'], aggregation: 'median', ahpMode: 'aip', excludeInconsistent: false }), allowed: EDIT, stage: 'draft', ok: 200 },
  { method: 'POST',   path: (i) => `${e(i)}/groups`,                     body: () => ({ name: 'Finance', weight: 2 }),                                        allowed: EDIT, stage: 'draft',   ok: 201 },
  { method: 'PUT',    path: (i) => `${e(i)}/groups/weights`,             body: (i) => ({ weights: { [i.group]: 3 } }),                                        allowed: EDIT, stage: 'draft',   ok: 200 },
  { method: 'POST',   path: (i) => `${e(i)}/invites`,                    body: () => ({ email: 'invitee@example.test', name: 'Ina Vitee', group: 'Marketing' }), allowed: EDIT, stage: 'draft', ok: 201 },
  { method: 'DELETE', path: (i) => `${e(i)}/invites/${i.invite}`,                                                                                             allowed: EDIT, stage: 'draft',   ok: 204 },
  // Votes, scores, declarations, submissions, consensus, feedback
  { method: 'PUT',    path: (i) => `${e(i)}/votes/me`,                   body: (i) => ({ method: 'points', points: { [i.c1]: 60, [i.c2]: 40 } }),             allowed: VOTE,     stage: 'voting',  ok: 200 },
  { method: 'PUT',    path: (i) => `${e(i)}/scores`,                     body: (i) => ({ vendorId: i.vendor, criterionId: i.c1, value: 3, comment: 'Solid demo' }), allowed: SCORE, stage: 'scoring', ok: 200 },
  { method: 'POST',   path: (i) => `${e(i)}/scores/batch`,               body: (i) => ({ scores: [{ vendorId: i.vendor, criterionId: i.c1, value: 4 }, { vendorId: i.vendor, criterionId: i.c2, value: null }] }), allowed: SCORE, stage: 'scoring', ok: 200 },
  { method: 'PUT',    path: (i) => `${e(i)}/declarations/me`,            body: () => ({ conflict: true, description: 'Former employee of Acme' }),           allowed: ALL,      stage: 'draft',   ok: 200 },
  { method: 'POST',   path: (i) => `${e(i)}/submissions/me`,                                                                                                  allowed: SCORE,    stage: 'scoring', ok: 200 },
  { method: 'PUT',    path: (i) => `${e(i)}/consensus`,                  body: (i) => ({ vendorId: i.vendor, criterionId: i.c1, value: 4, rationale: 'The panel agreed after the demo' }), allowed: EDIT, stage: 'review', ok: 200 },
  { method: 'PUT',    path: (i) => `${e(i)}/feedback`,                   body: (i) => ({ vendorId: i.vendor, nps: 9, csat: 4, ces: 3 }),                      allowed: FEEDBACK, stage: 'draft',   ok: 200 },
];

const CALLERS: readonly Caller[] = ['facilitator', 'evaluator', 'stakeholder', 'observer', 'non-member'];

type User = Awaited<ReturnType<typeof signupUser>>;
let app: TestApp;
let users: Record<Caller, User>;
/** A signed-up user who belongs to no evaluation yet: the one POST members adds. */
let spare: User;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  // Until server/app.ts mounts the import route, mount it here; once mounted, the first registration answers.
  const [facilitator, evaluator, stakeholder, observer, outsider, extra] = await Promise.all(
    [0, 1, 2, 3, 4, 5].map(() => signupUser(app)),
  );
  users = { facilitator: facilitator!, evaluator: evaluator!, stakeholder: stakeholder!, observer: observer!, 'non-member': outsider! };
  spare = extra!;
  // The outsider runs an evaluation of their own team: a facilitator elsewhere is still nobody here.
  await createEvaluation(app, outsider!.token, { name: 'Their own evaluation', template: 'blank' });
});

/** The path to reach each stage from draft, one allowed step at a time. */
const STEPS: Record<Stage, readonly Stage[]> = { draft: [], voting: ['voting'], scoring: ['scoring'], review: ['scoring', 'review'] };

/** A call that must succeed during set-up. */
async function must(res: Promise<ApiResult>, status: number): Promise<ApiResult> {
  const r = await res;
  if (r.status !== status) throw new Error(`set-up call answered ${r.status}, expected ${status}: ${r.text}`);
  return r;
}

/**
 * A fresh evaluation with one facilitator (its creator), an evaluator, a stakeholder (Marketing)
 * and an observer, all of whom have declared no conflict; two top-level scored criteria, one
 * vendor, one live invitation; then moved to `stage`.
 */
async function fixture(stage: Stage): Promise<Ids> {
  const f = users.facilitator.token;
  const evaluation = await createEvaluation(app, f, { name: `Matrix ${stage}`, template: 'blank' });
  const base = `/api/v1/evaluations/${evaluation}`;
  for (const [role, group] of [['evaluator'], ['stakeholder', 'Marketing'], ['observer']] as const) {
    await must(api(app, f, 'POST', `${base}/members`, { email: users[role].email, role, ...(group ? { group } : {}) }), 201);
    await declareNoConflict(app, users[role].token, evaluation);
  }
  const c1 = (await must(api(app, f, 'POST', `${base}/criteria`, { name: 'Omnichannel' }), 201)).json.id as string;
  const c2 = (await must(api(app, f, 'POST', `${base}/criteria`, { name: 'Analytics' }), 201)).json.id as string;
  const vendor = (await must(api(app, f, 'POST', `${base}/vendors`, { name: 'Acme CX', website: 'https://acme.example' }), 201)).json.id as string;
  const invite = (await must(api(app, f, 'POST', `${base}/invites`, { email: 'standing-invite@example.test' }), 201)).json.inviteId as string;
  const groups = (await must(api(app, f, 'GET', `${base}/weights`), 200)).json.groups as { id: string; name: string }[];
  const group = groups.find((g) => g.name === 'Marketing')!.id;
  // The evaluator has not submitted, so closing scoring is forced (issue 11: otherwise 409 precondition_failed).
  for (const to of STEPS[stage]) await must(api(app, f, 'POST', `${base}/status`, { status: to, ...(to === 'review' ? { force: true } : {}) }), 200);
  expect((await must(api(app, f, 'GET', base), 200)).json.status).toBe(stage);
  return { evaluation, c1, c2, vendor, invite, group };
}

/** Sends one row's request as `token` (null = no credentials). */
async function call(row: Row, ids: Ids, token: string | null): Promise<ApiResult> {
  const path = row.path(ids);
  if (row.csv === undefined) return api(app, token, row.method, path, row.body?.(ids));
  const headers: Record<string, string> = { 'content-type': 'text/csv' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await app.request(path, { method: row.method, headers, body: row.csv });
  const text = await res.text();
  let json: any;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}

const label = (row: Row) => `${row.method} ${row.path({ evaluation: ':id', c1: ':criterionId', c2: ':criterionId', vendor: ':vendorId', invite: ':inviteId', group: ':groupId' })}`;

const matrix = ROWS.flatMap((row) =>
  CALLERS.map((caller) => {
    const expected = caller === 'non-member' ? 404 : row.allowed.includes(caller) ? row.ok : 403;
    return { name: `${label(row)} as ${caller} (${row.stage}) → ${expected}`, row, caller, expected };
  }),
);

describe('the Roles matrix', () => {
  test.each(matrix)('$name', async ({ row, caller, expected }) => {
    const ids = await fixture(row.stage);
    const res = await call(row, ids, users[caller].token);
    if (expected >= 400) expectApiError(res, expected);
    else expect(res.status, res.text).toBe(expected);
  });
});

describe('outside the matrix', () => {
  test.each(ROWS.map((row) => ({ name: `${label(row)} for an evaluation that does not exist → 404`, row })))('$name', async ({ row }) => {
    const ids = await fixture(row.stage);
    // The facilitator of a real evaluation, real sub-resource ids: only the evaluation id is wrong.
    const missing = String(Number(ids.evaluation) + 1_000_000);
    expectApiError(await call(row, { ...ids, evaluation: missing }, users.facilitator.token), 404);
  });

  // Bodiless writes included: without a session cookie the CSRF check stands aside, so 401 it is.
  test.each(ROWS.map((row) => ({ name: `${label(row)} without a token → 401`, row })))('$name', async ({ row }) => {
    const ids = await fixture(row.stage);
    expectApiError(await call(row, ids, null), 401);
  });
});
