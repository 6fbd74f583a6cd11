import { beforeAll, describe, expect, test } from 'vitest';
import { api, addCriterion, addVendor, createEvaluation, declareNoConflict, makeTestApp, type TestApp } from '../setup/app.js';
import { pageGet, signedInUser } from '../setup/pages.js';
import { xlsxText } from '../setup/xlsx-text.js';
import { pdfText } from '../setup/pdf-text.js';

// Issue 11, point 1: one visibility rule on every read path. Evaluator A plants a distinctive score
// and comment; every GET the app serves (the OpenAPI document's operations, and every page and
// export route the app has) is read by each role and state at each stage. A blind reader must find
// neither the comment, nor A's values, nor any total A's scores move; and A changing those scores
// must not change one byte of what a blind reader gets (timestamps aside). Readers who may see find
// A's figures, at least on the ranking. The routes are derived from the app, so a new one is covered.

const PLANTED = 'PLANTED-7c1e';
const SCALE = { min: 0, max: 1000 };
const W1 = 0.387;
const W2 = 0.613;
// A alone scores V2 on C2; A and B both score V1 on C1.
const A_V2 = 737;
const A_V1 = 911;
const B_V1 = 208;
const total = (w: number, v: number) => 100 * w * ((v - SCALE.min) / (SCALE.max - SCALE.min));
/** The team's totals that A's scores make or move. */
const TEAM_TOTALS = [total(W2, A_V2), total(W1, (A_V1 + B_V1) / 2)];
const spellings = (x: number) => [1, 2, 3, 4].map((d) => x.toFixed(d));
/** What must never reach a blind reader: A's comment, A's values, and every spelling of the totals they move. */
const LEAKS = [PLANTED, String(A_V2), String(A_V1), ...TEAM_TOTALS.flatMap(spellings)];
/** `needle` as a whole number in `body` (not part of a longer number or a timestamp's fraction). */
const contains = (body: string, needle: string) => new RegExp(`(?<![\\d.])${needle.replace(/[.]/g, '\\.')}(?![\\d])`).test(body);

type Key = 'a' | 'b' | 'f1' | 'f2' | 's' | 'o';
interface Reader { email: string; token: string; cookie: string }
interface Fixture { app: TestApp; id: string; params: Record<string, string>; people: Record<Key, Reader> }

async function build(): Promise<Fixture> {
  const { app } = await makeTestApp();
  const tag = Math.random().toString(36).slice(2, 8);
  const person = async (key: Key): Promise<Reader> => {
    const email = `${key}-${tag}@example.test`;
    return { email, ...(await signedInUser(app, email)) };
  };
  const f1 = await person('f1');
  // The creator declares at once (test/setup/app.ts): a facilitator who scores.
  const id = await createEvaluation(app, f1.token, { template: 'blank', scale: SCALE });
  const people: Record<Key, Reader> = { f1, a: await person('a'), b: await person('b'), f2: await person('f2'), s: await person('s'), o: await person('o') };
  const roles: [Key, string][] = [['a', 'evaluator'], ['b', 'evaluator'], ['f2', 'facilitator'], ['s', 'stakeholder'], ['o', 'observer']];
  for (const [key, role] of roles) {
    const res = await api(app, f1.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: people[key].email, role });
    expect(res.status, res.text).toBe(201);
  }
  const c1 = await addCriterion(app, f1.token, id, { name: 'Journey orchestration' });
  const c2 = await addCriterion(app, f1.token, id, { name: 'Real-time profile' });
  const v1 = await addVendor(app, f1.token, id, { name: 'Medallia' });
  const v2 = await addVendor(app, f1.token, id, { name: 'Zendesk' });
  const v3 = await addVendor(app, f1.token, id, { name: 'Braze' });
  expect((await api(app, f1.token, 'PUT', `/api/v1/evaluations/${id}/weights`, { weights: { [c1]: W1, [c2]: W2 } })).status).toBe(200);
  expect((await api(app, f1.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring' })).status).toBe(200);
  for (const key of ['a', 'b'] as const) await declareNoConflict(app, people[key].token, id);
  const score = async (who: Key, vendorId: string, criterionId: string, value: number, comment: string) => {
    const res = await api(app, people[who].token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId, criterionId, value, comment });
    expect(res.status, res.text).toBe(200);
  };
  await score('a', v2, c2, A_V2, `${PLANTED} strong real-time profile`);
  await score('a', v1, c1, A_V1, `${PLANTED} orchestration`);
  await score('b', v1, c1, B_V1, 'weak orchestration');
  // The scoring facilitator scores a vendor of their own, so their own ranking is not empty.
  await score('f1', v3, c2, 400, 'middling');
  return { app, id, params: { id, vid: v2, vendorId: v2, cid: c2, criterionId: c2, key: 'no-such-upload' }, people };
}

/** Fills `:name` / `{name}` path parameters from the fixture; an unknown one fails, so a new route gets a value. */
function fill(path: string, params: Record<string, string>): string {
  return path.replace(/[:{](\w+)\}?/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`visibility matrix: no fixture value for path parameter "${name}" in ${path}; add one`);
    return v;
  });
}

/** Every read the app serves inside an evaluation: the OpenAPI document's GET operations, and every GET page and export. */
async function readPaths(f: Fixture): Promise<{ kind: 'api' | 'page'; path: string }[]> {
  const doc = (await api(f.app, f.people.f1.token, 'GET', '/api/v1/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
  const apiPaths = Object.entries(doc.paths).filter(([p, ops]) => 'get' in ops && p.includes('{id}')).map(([p]) => fill(p, f.params));
  const pagePaths = [...new Set(f.app.routes.filter((r) => r.method === 'GET' && r.path.startsWith('/evaluations/:id') && !r.path.includes('*')).map((r) => r.path))]
    .map((p) => fill(p, f.params));
  const extra = [`/api/v1/evaluations/${f.id}/scores?vendorId=${f.params.vid}`, `/api/v1/evaluations/${f.id}/ranking?limit=1`];
  const reads: { kind: 'api' | 'page'; path: string }[] = [...apiPaths, ...extra].map((path) => ({ kind: 'api', path }));
  return reads.concat(pagePaths.map((path) => ({ kind: 'page', path })));
}

async function read(f: Fixture, who: Key, r: { kind: 'api' | 'page'; path: string }): Promise<{ status: number; body: string }> {
  const p = f.people[who];
  if (r.kind === 'api') {
    const res = await api(f.app, p.token, 'GET', r.path);
    return { status: res.status, body: res.text };
  }
  const res = await pageGet(f.app, p.cookie, r.path);
  // A workbook is a zip: its cells are read out as text so the needles can be looked for.
  if (r.path.endsWith('.xlsx') && res.status === 200) return { status: res.status, body: await xlsxText(Buffer.from(await res.arrayBuffer())) };
  // So is a PDF, in its way: its text is read out with pdftotext.
  if (r.path.endsWith('.pdf') && res.status === 200) return { status: res.status, body: await pdfText(Buffer.from(await res.arrayBuffer())) };
  return { status: res.status, body: await res.text() };
}

/** Timestamps (exports, "last saved", the report's "generated" line and footer) differ between two reads for reasons that are not scores. */
const normalise = (body: string) => body.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>').replace(/\d{4}-\d\d-\d\d( \d\d:\d\d( UTC)?)?|\d{1,2} [A-Z][a-z]{2} \d{4}(, \d\d:\d\d( UTC)?)?/g, '<date>');

async function sweep(f: Fixture, who: Key, paths: { kind: 'api' | 'page'; path: string }[]) {
  const out = new Map<string, { status: number; body: string }>();
  for (const r of paths) out.set(`${r.kind} ${r.path}`, await read(f, who, r));
  return out;
}

function expectBlind(who: string, bodies: Map<string, { status: number; body: string }>) {
  const leaked = [...bodies].flatMap(([route, { status, body }]) => {
    expect(status, `${who} ${route}`).toBeLessThan(500);
    return LEAKS.filter((needle) => contains(body, needle)).map((needle) => `${route} shows ${needle}`);
  });
  expect(leaked, `${who} must see nothing of A's scores`).toEqual([]);
}

async function rankingOf(f: Fixture, who: Key) {
  const res = await api(f.app, f.people[who].token, 'GET', `/api/v1/evaluations/${f.id}/ranking`);
  expect(res.status, res.text).toBe(200);
  return res.json as { view: string; rows: { vendorId: string; total: number }[] };
}

async function expectSeesTeam(f: Fixture, who: Key) {
  const ranking = await rankingOf(f, who);
  expect(ranking.view).toBe('team');
  const v2 = ranking.rows.find((r) => r.vendorId === f.params.vid)!;
  expect(v2.total).toBeCloseTo(TEAM_TOTALS[0]!, 6);
  const page = await (await pageGet(f.app, f.people[who].cookie, `/evaluations/${f.id}/ranking`)).text();
  expect(contains(page, TEAM_TOTALS[0]!.toFixed(1)), `${who}'s ranking page shows the team total`).toBe(true);
  const scores = await api(f.app, f.people[who].token, 'GET', `/api/v1/evaluations/${f.id}/scores`);
  expect(scores.text).toContain(PLANTED);
}

describe('who sees what: every read route × role × stage (API.md "Who sees what")', () => {
  let f: Fixture;
  let paths: { kind: 'api' | 'page'; path: string }[];
  beforeAll(async () => {
    f = await build();
    paths = await readPaths(f);
  }, 60_000);

  test('the routes are derived, and include the ranking, sensitivity, agreement, scores, review, audit and exports', () => {
    const all = paths.map((p) => p.path).join('\n');
    for (const needle of ['/ranking', '/sensitivity', '/agreement', '/scores', '/review', '/audit', 'shortlist.csv', 'shortlist.json', 'shortlist.xlsx', 'shortlist.pdf', '/report', '/panel', `/evaluations/${f.id}\n`]) {
      expect(all + '\n', needle).toContain(needle);
    }
    expect(paths.length).toBeGreaterThan(40);
  });

  test('scoring: blind readers see nothing of A, and A rewriting their scores changes nothing they get', async () => {
    const blind: Key[] = ['b', 'f1', 's'];
    const before = new Map<Key, Awaited<ReturnType<typeof sweep>>>();
    for (const who of blind) {
      const got = await sweep(f, who, paths);
      expectBlind(who, got);
      before.set(who, got);
    }
    // A changes both cells: a reader who gets anything derived from them would see it move.
    expect((await api(f.app, f.people.a.token, 'PUT', `/api/v1/evaluations/${f.id}/scores`, { vendorId: f.params.vid, criterionId: f.params.cid, value: 3, comment: 'changed' })).status).toBe(200);
    for (const who of blind) {
      const after = await sweep(f, who, paths);
      const moved = [...after].filter(([route, r]) => normalise(r.body) !== normalise(before.get(who)!.get(route)!.body)).map(([route]) => route);
      expect(moved, `${who}: responses that moved when A changed a score`).toEqual([]);
    }
    // Put A's planted score back for the checks that follow.
    expect((await api(f.app, f.people.a.token, 'PUT', `/api/v1/evaluations/${f.id}/scores`, { vendorId: f.params.vid, criterionId: f.params.cid, value: A_V2, comment: `${PLANTED} strong real-time profile` })).status).toBe(200);
  }, 120_000);

  test('scoring: blind scorers get their own view, stakeholders a 403 on every score read', async () => {
    for (const who of ['b', 'f1'] as const) expect((await rankingOf(f, who)).view).toBe('own');
    const page = await (await pageGet(f.app, f.people.b.cookie, `/evaluations/${f.id}/ranking`)).text();
    expect(page).toContain('Your scores only');
    for (const path of ['ranking', 'sensitivity', 'agreement', 'scores']) {
      expect((await api(f.app, f.people.s.token, 'GET', `/api/v1/evaluations/${f.id}/${path}`)).status, path).toBe(403);
    }
    for (const file of ['shortlist.csv', 'shortlist.json', 'shortlist.xlsx']) expect((await pageGet(f.app, f.people.s.cookie, `/evaluations/${f.id}/${file}`)).status, file).toBe(403);
  });

  test('scoring: a facilitator who does not score and observers see the team’s figures', async () => {
    await expectSeesTeam(f, 'f2');
    await expectSeesTeam(f, 'o');
  });

  test('a facilitator cannot join the panel once others have scored (409 panel_closed)', async () => {
    const res = await api(f.app, f.people.f2.token, 'PUT', `/api/v1/evaluations/${f.id}/declarations/me`, { conflict: false });
    expect(res.status, res.text).toBe(409);
    expect(res.json.error.code).toBe('panel_closed');
  });

  test('scoring: an evaluator who has submitted sees the team’s figures, and the page says so', async () => {
    expect((await api(f.app, f.people.b.token, 'POST', `/api/v1/evaluations/${f.id}/submissions/me`)).status).toBe(200);
    await expectSeesTeam(f, 'b');
    expect(await (await pageGet(f.app, f.people.b.cookie, `/evaluations/${f.id}/ranking`)).text()).toContain('Team figures');
    // The facilitator who scores has not submitted: still blind.
    expectBlind('f1', await sweep(f, 'f1', paths));
  }, 60_000);

  test('review: every member who may read sees everything', async () => {
    let res = await api(f.app, f.people.f1.token, 'POST', `/api/v1/evaluations/${f.id}/status`, { status: 'review' });
    if (res.status === 409) res = await api(f.app, f.people.f1.token, 'POST', `/api/v1/evaluations/${f.id}/status`, { status: 'review', force: true });
    expect(res.status, res.text).toBe(200);
    for (const who of ['a', 'b', 'f1', 'f2', 's', 'o'] as const) await expectSeesTeam(f, who);
  });
});
