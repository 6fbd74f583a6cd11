import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { m } from '../../views/messages/index.js';
import { addCriterion, addVendor, api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet } from '../setup/pages.js';

/**
 * Issue 11, "not scored is not ranked", read through every door. Scale 0–5; Service and Platform
 * 50 % each; a must-have "Gate".
 *   Alpha   Service 5, Platform 5       → 100, rank 1
 *   Bravo   Service 4                   → 40, provisional, rank 2 (tie)
 *   Delta   Service 2, Platform 2       → 40, rank 2 (tie)
 *   Gated   fails the gate, no score    → excluded, not "not yet scored"
 *   Omega   N/A on Service from everyone → not yet scored
 *   nova    nothing at all              → not yet scored (listed by name, case-insensitively)
 */
let app: TestApp;
let owner: Awaited<ReturnType<typeof signupUser>>;
let cookie: string;
let id: string;
let base: string;
let service: string;
let platform: string;
const v: Record<string, string> = {};
const REASON = 'Failed must-have "Gate" (1 of 1 evaluators)';

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await signupUser(app);
  cookie = await formLogin(app, owner.email, owner.password);
  id = await createEvaluation(app, owner.token, { name: 'Unscored', template: 'blank' });
  base = `/evaluations/${id}`;
  service = await addCriterion(app, owner.token, id, { name: 'Service' });
  platform = await addCriterion(app, owner.token, id, { name: 'Platform' });
  const gate = await addCriterion(app, owner.token, id, { name: 'Gate', kind: 'must-have' });
  expect((await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/weights`, { weights: { [service]: 50, [platform]: 50 } })).status).toBe(200);
  for (const name of ['Alpha', 'Bravo', 'Delta', 'Gated', 'Omega', 'nova']) v[name] = await addVendor(app, owner.token, id, { name });
  const scores = [
    ['Alpha', service, 5], ['Alpha', platform, 5], ['Bravo', service, 4], ['Delta', service, 2], ['Delta', platform, 2],
    ['Gated', gate, 0], ['Omega', service, null],
  ] as const;
  const batch = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/scores/batch`, { scores: scores.map(([name, criterionId, value]) => ({ vendorId: v[name], criterionId, value })) });
  expect(batch.status, batch.text).toBe(200);
});

type Ranking = { rows: { rank: number; vendorId: string; name: string; total: number; provisional: boolean }[]; excluded: { vendorId: string }[]; unscored: { vendorId: string; name: string }[] };
const ranking = async (query = '') => {
  const res = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/ranking${query}`);
  expect(res.status, res.text).toBe(200);
  return res.json as Ranking;
};

describe('GET /api/v1/evaluations/:id/ranking', () => {
  test('unscored vendors leave `rows` for `unscored` without a rank; ranks count only the scored', async () => {
    const r = await ranking();
    expect(r.rows.map((x) => [x.rank, x.name, x.provisional])).toEqual([[1, 'Alpha', false], [2, 'Bravo', true], [2, 'Delta', false]]);
    expect(r.unscored).toEqual([{ vendorId: v.nova, name: 'nova' }, { vendorId: v.Omega, name: 'Omega' }]);
    expect(r.excluded.map((x) => x.vendorId)).toEqual([v.Gated]);
    expect(r.unscored[0]).not.toHaveProperty('rank');
  });

  test('a limit cuts the rows only; every unscored vendor is still listed', async () => {
    const r = await ranking('?limit=1');
    expect(r.rows.map((x) => x.name)).toEqual(['Alpha']);
    expect(r.unscored.map((x) => x.name)).toEqual(['nova', 'Omega']);
  });

  test('the OpenAPI document describes `unscored` on the ranking', async () => {
    const doc = (await app.request('/api/v1/openapi.json')).json() as Promise<{ paths: Record<string, { get?: unknown }> }>;
    const op = (await doc).paths['/api/v1/evaluations/{id}/ranking']?.get;
    const schema = JSON.stringify(op);
    expect(schema).toContain('"unscored"');
    expect(schema).toMatch(/"unscored":\{[^]*"required":\["vendorId","name"\]/);
  });

  test('sensitivity gives an unscored vendor no share of first place or the top three', async () => {
    const res = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/sensitivity?samples=50`);
    expect(res.status, res.text).toBe(200);
    const { acceptability } = res.json as { acceptability: Record<string, { first: number; top3: number }> };
    expect(Object.keys(acceptability).sort()).toEqual([v.Alpha, v.Bravo, v.Delta].sort());
  });
});

describe('GET /evaluations/:id/ranking (page)', () => {
  let html: string;
  beforeAll(async () => {
    const res = await pageGet(app, cookie, `${base}/ranking`);
    expect(res.status).toBe(200);
    html = await res.text();
  });

  test('the table holds the scored vendors only, and counts them', () => {
    expect([...html.matchAll(/<tr data-vendor-id="(\d+)">/g)].map((x) => x[1])).toEqual([v.Alpha, v.Bravo, v.Delta]);
    expect([...html.matchAll(/<td class="num rank-cell">(\d+)<\/td>/g)].map((x) => x[1])).toEqual(['1', '2', '2']);
    expect(html).toContain(esc(m.ranking.showing(3, 3)));
  });

  test('"Not yet scored" lists the unscored vendors by name, without a rank', () => {
    const section = html.slice(html.indexOf('<section class="card" id="unscored">'));
    expect(section).toContain(`<h2>${esc(m.ranking.unscored)}</h2>`);
    expect(section).toContain(esc(m.ranking.unscoredIntro(2)));
    // Each item is the name alone: no rank, total or coverage.
    const list = section.slice(section.indexOf('<ul'), section.indexOf('</ul>'));
    expect(list).toBe(`<ul class="plain-list unscored-list"><li data-vendor-id="${v.nova}">nova</li><li data-vendor-id="${v.Omega}">Omega</li>`);
  });

  test('the excluded vendor stays under "Excluded vendors", not under "Not yet scored"', () => {
    expect(html).toContain(`<li><strong>Gated</strong> — ${esc(REASON)}</li>`);
    expect(html).not.toContain(`<li data-vendor-id="${v.Gated}">`);
  });

  test('?limit=1 lists one unscored vendor and offers the rest', async () => {
    const page = await (await pageGet(app, cookie, `${base}/ranking?limit=1`)).text();
    expect(page.match(/<li data-vendor-id=/g)).toHaveLength(1);
    expect(page).toContain(esc(m.ranking.unscoredMore(1)));
    expect(page).toContain(`href="${base}/ranking?limit=all#unscored"`);
  });
});

describe('GET /evaluations/:id (overview)', () => {
  test('the leader is the first ranked vendor, and the counts keep the unscored apart', async () => {
    const html = await (await pageGet(app, cookie, base)).text();
    // The owner scores and has not submitted, so the overview speaks of their own scores (blind scoring).
    expect(html).toContain(esc(m.overview.stepRanking('Alpha', { ranked: 3, unscored: 2 }, true)));
    expect(m.overview.stepRanking('Alpha', { ranked: 3, unscored: 2 }, true)).toBe('Current leader (your scores only): Alpha. 3 vendors ranked, 2 not yet scored.');
    expect(m.overview.stepRanking('Alpha', { ranked: 3, unscored: 2 })).toBe('Current leader: Alpha. 3 vendors ranked, 2 not yet scored.');
  });
});

describe('the exports', () => {
  test('shortlist.csv: ranked (provisional labelled), excluded, then "not yet scored" last without figures', async () => {
    const res = await pageGet(app, cookie, `${base}/shortlist.csv`);
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['rank', 'vendor', 'total', 'coverage', 'Service', 'Platform', 'status', 'reason']);
    expect(rows.slice(1)).toEqual([
      ['1', 'Alpha', '100', '1', '50', '50', 'ranked', ''],
      ['2', 'Bravo', '40', '0.5', '40', '0', 'provisional', ''],
      ['2', 'Delta', '40', '1', '20', '20', 'ranked', ''],
      ['', 'Gated', '', '', '', '', 'excluded', REASON],
      ['', 'nova', '', '', '', '', 'not yet scored', ''],
      ['', 'Omega', '', '', '', '', 'not yet scored', ''],
    ]);
  });

  test('shortlist.json: the same lines, unscored last with no rank and no figures', async () => {
    const res = await app.request(`${base}/shortlist.json`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { rank: number | null; vendor: string; total: number | null; coverage: number | null; status: string; points: Record<string, number | null> }[] };
    expect(body.rows.map((r) => [r.rank, r.vendor, r.status])).toEqual([
      [1, 'Alpha', 'ranked'], [2, 'Bravo', 'provisional'], [2, 'Delta', 'ranked'], [null, 'Gated', 'excluded'], [null, 'nova', 'not yet scored'], [null, 'Omega', 'not yet scored'],
    ]);
    expect(body.rows[4]).toEqual({ rank: null, vendor: 'nova', total: null, coverage: null, status: 'not yet scored', reason: '', points: { [service]: null, [platform]: null } });
  });
});

describe('an evaluation nobody has scored', () => {
  test('ranks no one: the API has no rows, the page says so and lists everyone as not yet scored, the overview names no leader', async () => {
    const fresh = await createEvaluation(app, owner.token, { name: 'Fresh', template: 'blank' });
    await addCriterion(app, owner.token, fresh, { name: 'Only' });
    const ids = [await addVendor(app, owner.token, fresh, { name: 'One' }), await addVendor(app, owner.token, fresh, { name: 'Two' })];
    const r = (await api(app, owner.token, 'GET', `/api/v1/evaluations/${fresh}/ranking`)).json as Ranking;
    expect(r.rows).toEqual([]);
    expect(r.unscored.map((u) => u.vendorId)).toEqual(ids);
    const page = await (await pageGet(app, cookie, `/evaluations/${fresh}/ranking`)).text();
    expect(page).toContain(esc(m.ranking.noScores));
    expect(page).not.toContain('<tr data-vendor-id=');
    expect(page.match(/<li data-vendor-id=/g)).toHaveLength(2);
    expect(page).not.toContain(esc(m.ranking.empty));
    const overview = await (await pageGet(app, cookie, `/evaluations/${fresh}`)).text();
    expect(overview).toContain(esc(m.overview.stepRanking(null)));
    const csv = parse(await (await pageGet(app, cookie, `/evaluations/${fresh}/shortlist.csv`)).text(), { bom: true }) as string[][];
    expect(csv.slice(1).map((row) => [row[0], row[1], row.at(-2)])).toEqual([['', 'One', 'not yet scored'], ['', 'Two', 'not yet scored']]);
  });
});
