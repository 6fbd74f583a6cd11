import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { observeAccessChecks, type AccessCheck } from '../../server/access.js';
import { can, type Action, type Role } from '../../server/domain/permissions.js';
import { api, addCriterion, addVendor, createEvaluation, declareNoConflict, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { ORIGIN, formLogin, pageGet, pagePost } from '../setup/pages.js';

// Issue 15, promise 5: every route (API and pages, read from the app's route table, so a new route
// is in the matrix the day it is mounted) × every role × another team's member × anonymous. The
// expected answer comes from one declared table: `can(role, action)` (domain/permissions.ts) and
// the approver flag, with each route's action as its own gate checks it (observeAccessChecks in
// server/access.ts; for the API it must equal the OpenAPI document's `x-permission`). The whole
// matrix runs with the evaluation in **scoring**; a decided evaluation answers every write 409
// (access.ts), which test/http/guarded-steps.test.ts and the lifecycle tests cover.

type Json = Record<string, any>;
interface Person { token: string; cookie: string; userId: string; role: Role | null; approver: boolean }
type Who = 'facilitator' | 'evaluator' | 'stakeholder' | 'observer' | 'approver-observer';
const PASSWORD = 'correct-horse-battery';
const WHO: readonly Who[] = ['facilitator', 'evaluator', 'stakeholder', 'observer', 'approver-observer'];

interface Route { method: string; path: string; kind: 'api' | 'page'; action: Action | null; validates: boolean }

/** The one declared table: the role may perform the action, and signing off also needs the approver flag. */
const allowed = (p: Person, action: Action) => p.role !== null && can(p.role, action) && (action !== 'approve' || p.approver);

const isWrite = (method: string) => method !== 'GET';
const tally = new Map<string, number>();
const count = (pass: string, status: number) => tally.set(`${pass} ${status}`, (tally.get(`${pass} ${status}`) ?? 0) + 1);

let app: TestApp;
let id: string;
let people: Record<Who, Person>;
let outsider: Person;
/** Ids of my evaluation, by path parameter name; `victim` ones for the writes members may really perform. */
let mine: Record<string, string>;
let victim: Record<string, string>;
/** Ids that belong to the outsider's evaluation, by path parameter name. */
let foreign: Record<string, string>;
let routes: Route[] = [];
const checks: AccessCheck[] = [];
/** Requests the gate let through that a narrower rule then refused. */
const narrower: string[] = [];
const stop = observeAccessChecks((c) => checks.push(c));
afterAll(() => stop());

async function person(role: Role | null, approver = false): Promise<Person & { email: string }> {
  const email = `${role ?? 'stranger'}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const { token, userId } = await signupUser(app, { email, password: PASSWORD });
  return { token, cookie: await formLogin(app, email, PASSWORD), userId, role, approver, email };
}

/** Fills `:name` / `{name}` parameters; an unknown name fails, so a new route gets a fixture value. */
function fill(path: string, ids: Record<string, string>): string {
  return path.replace(/[:{](\w+)\}?/g, (_, name: string) => {
    if (name === 'id') return id;
    const v = ids[name];
    if (v === undefined) throw new Error(`access matrix: no fixture value for path parameter "${name}" in ${path}; add one`);
    return v;
  });
}

const toOpenApi = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** Sends `route` as `p` (null: anonymous) with a body no validator accepts: `[]` as JSON, an empty form on a page. */
async function send(route: Route, p: Person | null, ids: Record<string, string>) {
  const url = fill(route.path, ids);
  if (route.kind === 'api') {
    const res = await api(app, p?.token ?? null, route.method, url, isWrite(route.method) ? '[]' : undefined);
    return { status: res.status, text: res.text, location: res.headers.get('location') };
  }
  const res = route.method === 'GET' ? await pageGet(app, p?.cookie ?? null, url) : await pagePost(app, p?.cookie ?? null, url, {});
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

beforeAll(async () => {
  ({ app } = await makeTestApp());
  const [f, e, s, o, ao, e2, x] = [await person('facilitator'), await person('evaluator'), await person('stakeholder'), await person('observer'), await person('observer', true), await person('evaluator'), await person(null)];
  id = await createEvaluation(app, f!.token, { name: 'Access matrix', template: 'blank' });
  for (const [q, role] of [[e, 'evaluator'], [s, 'stakeholder'], [o, 'observer'], [ao, 'observer'], [e2, 'evaluator']] as const) {
    const added = await api(app, f!.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: q!.email, role });
    expect(added.status, added.text).toBe(201);
  }
  const flag = await api(app, f!.token, 'PATCH', `/api/v1/evaluations/${id}/members/${ao!.userId}`, { approver: true });
  expect(flag.status, flag.text).toBe(200);
  const c1 = await addCriterion(app, f!.token, id, { name: 'Journeys' });
  const c2 = await addCriterion(app, f!.token, id, { name: 'Profiles' });
  const v1 = await addVendor(app, f!.token, id, { name: 'Medallia' });
  const v2 = await addVendor(app, f!.token, id, { name: 'Braze' });
  expect((await api(app, f!.token, 'PUT', `/api/v1/evaluations/${id}/weights`, { weights: { [c1]: 0.5, [c2]: 0.5 } })).status).toBe(200);
  expect((await api(app, f!.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring' })).status).toBe(200);
  await declareNoConflict(app, e!.token, id);
  expect((await api(app, e!.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: v1, criterionId: c1, value: 3 })).status).toBe(200);
  const link = await api(app, f!.token, 'POST', `/api/v1/evaluations/${id}/report-links`, {});
  // Ids nobody has: a well-formed id that names nothing in this database.
  const none = '999999';
  const common = { key: 'no-such-upload', assignmentId: none, inviteId: none, tokenId: none };
  mine = { ...common, vid: v1, vendorId: v1, cid: c1, criterionId: c1, userId: e!.userId, linkId: String(link.json?.id ?? none) };
  victim = { ...mine, vid: v2, vendorId: v2, cid: c2, criterionId: c2, userId: e2!.userId };
  // The outsider runs an evaluation of their own in another team: its ids inside my evaluation's URL must 404 too.
  const theirs = await createEvaluation(app, x!.token, { name: 'Their evaluation', template: 'blank' });
  const xc = await addCriterion(app, x!.token, theirs, { name: 'Theirs' });
  const xv = await addVendor(app, x!.token, theirs, { name: 'Their vendor' });
  const xl = await api(app, x!.token, 'POST', `/api/v1/evaluations/${theirs}/report-links`, {});
  foreign = { ...common, vid: xv, vendorId: xv, cid: xc, criterionId: xc, userId: x!.userId, linkId: String(xl.json?.id ?? none) };
  people = { facilitator: f!, evaluator: e!, stakeholder: s!, observer: o!, 'approver-observer': ao! };
  outsider = x!;

  // The routes: the app's route table, each route's action as its gate checks it (the outsider's
  // request is refused right after the check, so learning the action writes nothing).
  const doc = (await api(app, f!.token, 'GET', '/api/v1/openapi.json')).json as Json;
  const table = [...new Map(app.routes.filter((r) => r.method !== 'ALL' && /^\/(api\/v1\/)?evaluations\/:id(\/|$)/.test(r.path)).map((r) => [`${r.method} ${r.path}`, r])).values()];
  for (const r of table) {
    const kind = r.path.startsWith('/api/') ? 'api' : 'page';
    checks.length = 0;
    await send({ method: r.method, path: r.path, kind, action: null, validates: false }, outsider, mine);
    const seen = checks.find((c) => c.method === r.method && c.path === r.path);
    const op = kind === 'api' ? doc.paths[toOpenApi(r.path)]?.[r.method.toLowerCase()] : undefined;
    const validates = kind === 'api' ? Boolean(op?.requestBody) || (op?.parameters ?? []).some((q: Json) => q.in === 'query' && q.required) : r.method !== 'GET';
    routes.push({ method: r.method, path: r.path, kind, action: seen?.action ?? null, validates });
  }
}, 60_000);

describe(`access matrix: every route × role × another team × anonymous, evaluation in scoring`, () => {
  test('the routes come from the app, cover pages and API, reads and writes, and each checks an action', async () => {
    expect(routes.filter((r) => r.kind === 'api').length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.kind === 'page').length).toBeGreaterThan(60);
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(routes.some((r) => r.method === m), m).toBe(true);
    expect(routes.filter((r) => r.action === null).map((r) => `${r.method} ${r.path}`), 'routes inside an evaluation whose gate never ran').toEqual([]);
    const doc = (await api(app, people.facilitator.token, 'GET', '/api/v1/openapi.json')).json as Json;
    for (const r of routes.filter((q) => q.kind === 'api')) {
      const documented = doc.paths[toOpenApi(r.path)]?.[r.method.toLowerCase()]?.['x-permission'];
      expect(r.action, `${r.method} ${r.path}: the gate and the document's x-permission`).toBe(documented);
    }
  });

  test('anonymous: 401 on the API, a redirect to /login on pages, for every route', async () => {
    for (const r of routes) {
      const res = await send(r, null, mine);
      count('anonymous', res.status);
      if (r.kind === 'api') expect(res.status, `${r.method} ${r.path}`).toBe(401);
      else {
        expect(res.status, `${r.method} ${r.path}`).toBe(303);
        expect(res.location ?? '', `${r.method} ${r.path}`).toMatch(/^\/login\?next=/);
      }
    }
    for (const [method, path] of [['GET', '/api/v1/evaluations'], ['POST', '/api/v1/evaluations']] as const) expect((await api(app, null, method, path, method === 'POST' ? '{}' : undefined)).status).toBe(401);
    const page = await pagePost(app, null, '/evaluations', {});
    expect([page.status, page.headers.get('location')?.startsWith('/login')]).toEqual([303, true]);
  });

  test("another team's member: 404 on every route, with my ids and with their own ids in my evaluation's URL", async () => {
    for (const r of routes) {
      for (const ids of [mine, foreign]) {
        const res = await send(r, outsider, ids);
        count('outsider', res.status);
        expect(res.status, `${r.method} ${fill(r.path, ids)}: ${res.text.slice(0, 200)}`).toBe(404);
      }
    }
  });

  test('a member whose role lacks the action: 403 with a body no validator accepts (authorisation before validation)', async () => {
    let tried = 0;
    for (const r of routes) for (const who of WHO) {
      if (allowed(people[who], r.action!)) continue;
      const res = await send(r, people[who], mine);
      count('refused role', res.status);
      tried += 1;
      expect(res.status, `${r.method} ${r.path} as ${who}: ${res.text.slice(0, 200)}`).toBe(403);
    }
    expect(tried).toBeGreaterThan(100);
  });

  test("a member: another evaluation's vendor, criterion or member inside my evaluation's URL is 404", async () => {
    const withIds = routes.filter((r) => /:(vid|vendorId|cid|criterionId|userId)\b/.test(r.path));
    expect(withIds.length).toBeGreaterThan(10);
    for (const r of withIds) {
      // A body-checked API write validates before it looks the row up: a 400 there says nothing of the row.
      if (r.kind === 'api' && r.validates) continue;
      // The first member the gate lets in (the facilitator, or the approver for sign-off routes).
      for (const who of WHO.filter((w) => allowed(people[w], r.action!)).slice(0, 1)) {
        const res = await send(r, people[who], foreign);
        count('foreign id', res.status);
        expect(res.status, `${r.method} ${fill(r.path, foreign)} as ${who}: ${res.text.slice(0, 200)}`).toBe(404);
      }
    }
  });

  test('a member whose role has the action: the gate lets them in, an invalid API body is 400 (never 403), no 5xx', async () => {
    // Reads first, then writes; page forms get an empty form (422 where a form is checked) and the
    // writes that need no body really act, on the victim ids, so nothing later depends on them.
    const ordered = [...routes].sort((a, b) => Number(isWrite(a.method)) - Number(isWrite(b.method)));
    for (const r of ordered) for (const who of WHO) {
      if (!allowed(people[who], r.action!)) continue;
      // Chromium prints the PDF; test/http/report-pdf.test.ts covers it. Not sent here, to stay fast.
      if (r.path.endsWith('.pdf')) { count('allowed (pdf not sent)', 0); continue; }
      checks.length = 0;
      const res = await send(r, people[who], isWrite(r.method) ? victim : mine);
      const at = `${r.method} ${r.path} as ${who}: ${res.text.slice(0, 200)}`;
      const verdicts = checks.filter((c) => c.path === r.path).map((c) => c.granted);
      expect(verdicts.length > 0 && verdicts.every(Boolean), `${at}: the gate's verdicts ${verdicts.join(', ')}`).toBe(true);
      expect(res.status, at).toBeLessThan(500);
      expect(res.status, at).not.toBe(401);
      // Past the gate, a narrower rule may still refuse: blind scoring and stakeholders on score
      // reads (domain/rules/visibility.ts), the report before review and its links
      // (domain/rules/report-access.ts). Counted apart; the gate itself said yes above.
      if (res.status === 403) narrower.push(`${r.method} ${r.path} as ${who}`);
      count(res.status === 403 ? 'allowed role, narrower rule' : 'allowed role', res.status);
      if (r.kind === 'api' && r.validates && isWrite(r.method)) expect(res.status, at).toBe(400);
    }
  }, 30_000);

  afterAll(() => {
    const pages = routes.filter((r) => r.kind === 'page').length;
    const lines = [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `  ${k}: ${n}`);
    console.log(`access matrix (evaluation in scoring, ORIGIN ${ORIGIN}): ${routes.length} routes (${routes.length - pages} API, ${pages} pages) × ${WHO.length} roles + another team's member + anonymous; ${[...tally.values()].reduce((a, b) => a + b, 0)} requests\n${lines.join('\n')}\n  refused past the gate by a narrower rule (visibility, report access): ${narrower.length}\n    ${narrower.join('\n    ')}`);
  });
});
