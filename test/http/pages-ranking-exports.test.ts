import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { m } from '../../views/messages/index.js';
import { parseLonglist } from '../../server/domain/csv-longlist.js';
import { applyMapping } from '../../server/domain/csv-mapping.js';
import { addCriterion, addVendor, api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet } from '../setup/pages.js';

/**
 * One evaluation, built through the API and only read by the tests below:
 * scale 0–10; Service 60 % and Platform 40 %; a must-have "Security gate".
 *   +SUM(A1)            Service 8, Platform 3, gate pass → 48 + 12 = 60, fully scored
 *   =cmd|' /C calc'!A0  Service 10, Platform unscored   → 60 + 0 = 60, coverage 0.6 (provisional)
 *   Acme CX             Service 5, Platform 5           → 30 + 20 = 50
 *   @Zeta Suite         10, 10, but fails the gate      → excluded
 */
const CMD = "=cmd|' /C calc'!A0";
const SUM = '+SUM(A1)';
const ACME = 'Acme CX';
const ZETA = '@Zeta Suite';
const REASON = 'Failed must-have "Security gate" (1 of 1 evaluators)';
const EVAL_NAME = 'Board "shortlist" 2027/Q1';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupUser>>;
let cookie: string;
let id: string;
let base: string;
let service: string;
let platform: string;
const v: Record<string, string> = {};

type ApiRow = { rank: number; vendorId: string; name: string; total: number; coverage: number; provisional: boolean; breakdown: Record<string, number> };

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await signupUser(app);
  cookie = await formLogin(app, owner.email, owner.password);
  id = await createEvaluation(app, owner.token, { name: EVAL_NAME, template: 'blank', scale: { min: 0, max: 10 } });
  base = `/evaluations/${id}`;
  service = await addCriterion(app, owner.token, id, { name: 'Service' });
  platform = await addCriterion(app, owner.token, id, { name: 'Platform' });
  const gate = await addCriterion(app, owner.token, id, { name: 'Security gate', kind: 'must-have' });
  const w = await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/weights`, { weights: { [service]: 60, [platform]: 40 } });
  expect(w.status, w.text).toBe(200);
  for (const name of [CMD, SUM, ACME, ZETA]) v[name] = await addVendor(app, owner.token, id, { name });
  const scores = [
    [SUM, service, 8], [SUM, platform, 3], [SUM, gate, 1],
    [CMD, service, 10],
    [ACME, service, 5], [ACME, platform, 5],
    [ZETA, service, 10], [ZETA, platform, 10], [ZETA, gate, 0],
  ] as const;
  const batch = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/scores/batch`, { scores: scores.map(([name, criterionId, value]) => ({ vendorId: v[name], criterionId, value })) });
  expect(batch.status, batch.text).toBe(200);
});

const apiRanking = async () => {
  const res = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/ranking`);
  expect(res.status).toBe(200);
  return res.json as { rows: ApiRow[]; excluded: { vendorId: string; name: string; reason: string }[]; weights: Record<string, number> };
};

describe('the ranking the exports are built from', () => {
  test('the API ranks the tie first (by name), the provisional row beside it, and excludes the gate failure', async () => {
    const r = await apiRanking();
    expect(r.rows.map((x) => [x.rank, x.name, x.provisional])).toEqual([[1, SUM, false], [1, CMD, true], [3, ACME, false]]);
    expect(r.rows.map((x) => x.total)).toEqual([expect.closeTo(60, 9), expect.closeTo(60, 9), expect.closeTo(50, 9)]);
    expect(r.rows.map((x) => x.coverage)).toEqual([expect.closeTo(1, 9), expect.closeTo(0.6, 9), expect.closeTo(1, 9)]);
    expect(r.excluded).toEqual([{ vendorId: v[ZETA], name: ZETA, reason: REASON }]);
  });
});

describe('GET /evaluations/:id/ranking (page)', () => {
  let html: string;
  beforeAll(async () => {
    const res = await pageGet(app, cookie, `${base}/ranking`);
    expect(res.status).toBe(200);
    html = await res.text();
  });

  test('rows in rank order, the tie sharing rank 1, totals and coverage', () => {
    expect([...html.matchAll(/<tr data-vendor-id="(\d+)">/g)].map((x) => x[1])).toEqual([v[SUM], v[CMD], v[ACME]]);
    expect([...html.matchAll(/<td class="num rank-cell">(\d+)<\/td>/g)].map((x) => x[1])).toEqual(['1', '1', '3']);
    expect([...html.matchAll(/<td class="num total-cell">([\d.]+)<\/td>/g)].map((x) => x[1])).toEqual(['60.0', '60.0', '50.0']);
    // Issue 14: each vendor's name opens its working.
    expect(html).toContain(`<th scope="row"><a href="/evaluations/${id}/vendors/${v[SUM]}/working" title="${esc(m.working.title(SUM))}">${esc(SUM)}</a></th>`);
    expect(html).toContain(`<td class="num">60%</td>`);
    expect(html).toContain(esc(m.ranking.showing(3, 3)));
  });

  test("'provisional' marks only the partly scored vendor, with a warning above the table", () => {
    const badge = `<span class="badge badge-warn" title="${esc(m.ranking.provisionalNote)}">${m.ranking.provisional}</span>`;
    expect(html.split(badge)).toHaveLength(2);
    expect(html).toContain(`<th scope="row"><a href="/evaluations/${id}/vendors/${v[CMD]}/working" title="${esc(m.working.title(CMD))}">${esc(CMD)}</a>${badge}</th>`);
    expect(html).toContain(`<div class="alert alert-warn">${esc(m.ranking.anyProvisional(1))}</div>`);
  });

  test('the excluded vendor is listed apart with its reason, and not in the table', () => {
    expect(html).toContain(`<h2>${esc(m.ranking.excluded)}</h2>`);
    expect(html).toContain(`<li><strong>${esc(ZETA)}</strong> — ${esc(REASON)}</li>`);
    expect(html).not.toContain(`data-vendor-id="${v[ZETA]}"`);
  });

  test('the explanation section gives the method and the leaf weights in force', () => {
    expect(html).toContain(`<details class="card explain"><summary><h2>${esc(m.ranking.howTitle)}</h2></summary>`);
    for (const line of m.ranking.how) expect(html).toContain(`<li>${esc(line)}</li>`);
    expect(html).toContain(`<h3>${esc(m.ranking.leafWeights)}</h3>`);
    expect(html).toContain('<tr><td>Service</td><td class="num">60%</td></tr>');
    expect(html).toContain('<tr><td>Platform</td><td class="num">40%</td></tr>');
    expect(html).not.toContain('<tr><td>Security gate</td>');
  });

  test('each ranked row has an SVG stacked bar with one titled segment per contributing criterion', () => {
    expect(html.match(/<svg class="stacked-bar"/g)).toHaveLength(3);
    expect(html).toContain(`<svg class="stacked-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(SUM)}: 60.0 of 100"`);
    expect(html).toContain(`<title>${esc(m.ranking.points('48.0', 'Service'))}</title>`);
    expect(html).toContain(`<title>${esc(m.ranking.points('12.0', 'Platform'))}</title>`);
    // A zero contribution draws nothing: the provisional vendor has no Platform segment.
    expect(html.match(/<title>Platform: /g)).toHaveLength(2);
    expect(html).toContain('<li><svg width="12" height="12" aria-hidden="true"><rect class="seg seg-0" width="12" height="12" rx="2"></rect></svg>Service (60%)</li>');
  });

  test('the formula-looking names are escaped text, and the page links both exports', () => {
    expect(html).toContain(esc(CMD));
    expect(html).not.toContain(CMD);
    expect(html).toContain(`<a class="button" href="${base}/shortlist.csv" download="">${m.ranking.exportCsv}</a>`);
    expect(html).toContain(`<a class="button" href="${base}/shortlist.json" download="">${m.ranking.exportJson}</a>`);
    expect(html).toContain(`<a class="button" href="${base}/shortlist.xlsx" download="" title="${esc(m.ranking.exportXlsxHint)}">${m.ranking.exportXlsx}</a>`);
  });

  test('?limit=1 shows the top row and offers the rest', async () => {
    const page = await (await pageGet(app, cookie, `${base}/ranking?limit=1`)).text();
    expect(page.match(/<tr data-vendor-id=/g)).toHaveLength(1);
    expect(page).toContain(esc(m.ranking.showing(1, 3)));
    expect(page).toContain(`<a href="${base}/ranking?limit=all">${m.ranking.showAll}</a>`);
  });
});

describe('GET /evaluations/:id/shortlist.csv', () => {
  test('an attachment of text/csv: header, ranked rows with the shared rank, excluded last, formulas defused', async () => {
    const res = await pageGet(app, cookie, `${base}/shortlist.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Board-shortlist-2027Q1-shortlist.csv"');
    // A UTF-8 byte-order mark first, so spreadsheets read accents right (Response.text() drops it).
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(
      '\uFEFF' +
        [
          'rank,vendor,total,coverage,Service,Platform,status,reason',
          "1,'+SUM(A1),60,1,48,12,ranked,",
          "1,'=cmd|' /C calc'!A0,60,0.6,60,0,provisional,",
          '3,Acme CX,50,1,30,20,ranked,',
          ",'@Zeta Suite,,,,,excluded,\"Failed must-have \"\"Security gate\"\" (1 of 1 evaluators)\"",
        ].join('\n') +
        '\n',
    );
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['rank', 'vendor', 'total', 'coverage', 'Service', 'Platform', 'status', 'reason']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[6], r[7]])).toEqual([
      ['1', `'${SUM}`, 'ranked', ''],
      ['1', `'${CMD}`, 'provisional', ''],
      ['3', ACME, 'ranked', ''],
      ['', `'${ZETA}`, 'excluded', REASON],
    ]);
    // No cell a spreadsheet would evaluate.
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('in German (issue 16): German headings, `;` and decimal commas; the longlist import reads it back', async () => {
    const res = await pageGet(app, `${cookie}; cxb_lang=de`, `${base}/shortlist.csv`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    expect(lines[0]).toBe('Rang;Anbieter;Summe;Abdeckung;Service;Platform;Status;Grund');
    expect(lines[2]).toBe("1;'=cmd|' /C calc'!A0;60;0,6;60;0;vorläufig;");
    expect(lines[4]).toBe(";'@Zeta Suite;;;;;ausgeschlossen;Muss-Kriterium „Security gate“ nicht erfüllt (1 von 1 Bewerter:innen)");
    // Re-import as a longlist, the coverage column mapped to the price: the decimal comma reads back.
    const parsed = parseLonglist(applyMapping(text, [null, 'name', null, 'price', null, null, null, null]));
    expect(parsed.separator).toBe(';');
    expect(parsed.records.slice(0, 3).map((r) => [r.name, r.price])).toEqual([[`'${SUM}`, 1], [`'${CMD}`, 0.6], [ACME, 1]]);
  });

  test('works with a Bearer token too, byte for byte the same', async () => {
    const viaCookie = await (await pageGet(app, cookie, `${base}/shortlist.csv`)).text();
    const res = await app.request(`${base}/shortlist.csv`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await res.text()).toBe(viaCookie);
  });
});

describe('GET /evaluations/:id/shortlist.json', () => {
  test('rows in the API ranking order with the same ranks and totals; excluded last with the reason', async () => {
    const res = await app.request(`${base}/shortlist.json`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Board-shortlist-2027Q1-shortlist.json"');
    const body = (await res.json()) as {
      evaluation: { id: string; name: string; scale: { min: number; max: number } };
      weightSetVersion: number;
      criteria: { id: string; name: string }[];
      rows: { rank: number | null; vendor: string; total: number | null; coverage: number | null; status: string; reason: string; points: Record<string, number | null> }[];
    };
    expect(body.evaluation).toMatchObject({ id, name: EVAL_NAME, scale: { min: 0, max: 10 } });
    expect(body.criteria).toEqual([{ id: service, name: 'Service' }, { id: platform, name: 'Platform' }]);

    const ranking = await apiRanking();
    const ranked = body.rows.filter((r) => r.status !== 'excluded');
    expect(ranked.map((r) => r.vendor)).toEqual(ranking.rows.map((r) => r.name));
    expect(ranked.map((r) => r.rank)).toEqual(ranking.rows.map((r) => r.rank));
    ranked.forEach((r, i) => {
      const a = ranking.rows[i]!;
      expect(r.total).toBeCloseTo(a.total, 2);
      expect(r.coverage).toBeCloseTo(a.coverage, 4);
      expect(r.points[service]).toBeCloseTo(a.breakdown[service]!, 2);
      expect(r.points[platform]).toBeCloseTo(a.breakdown[platform]!, 2);
      expect(r.status).toBe(a.provisional ? 'provisional' : 'ranked');
    });
    expect(body.rows.map((r) => r.vendor)).toEqual([SUM, CMD, ACME, ZETA]);
    expect(body.rows[3]).toEqual({ rank: null, vendor: ZETA, total: null, coverage: null, status: 'excluded', reason: REASON, points: { [service]: null, [platform]: null } });

    // The ranking page says which weight set it used; the export records the same one.
    const page = await (await pageGet(app, cookie, `${base}/ranking`)).text();
    expect(body.weightSetVersion).toBeGreaterThanOrEqual(2);
    expect(page).toContain(esc(m.ranking.weightsVersion(body.weightSetVersion)));
  });

  test('the cookie gets the same rows as the token', async () => {
    const a = (await (await pageGet(app, cookie, `${base}/shortlist.json`)).json()) as { rows: unknown[] };
    const b = (await (await app.request(`${base}/shortlist.json`, { headers: { authorization: `Bearer ${owner.token}` } })).json()) as { rows: unknown[] };
    expect(a.rows).toEqual(b.rows);
  });
});

describe('access to the ranking and exports', () => {
  test("another team gets 404 on the page and both exports, by cookie and by token, and learns nothing", async () => {
    const other = await signupUser(app);
    const otherCookie = await formLogin(app, other.email, other.password);
    for (const path of ['/ranking', '/shortlist.csv', '/shortlist.json']) {
      const byCookie = await pageGet(app, otherCookie, `${base}${path}`);
      expect(byCookie.status, path).toBe(404);
      expect(await byCookie.text()).not.toContain('Acme CX');
      const byToken = await app.request(`${base}${path}`, { headers: { authorization: `Bearer ${other.token}` } });
      expect(byToken.status, path).toBe(404);
      expect(byToken.headers.get('content-disposition')).toBeNull();
    }
    const json = await app.request(`${base}/shortlist.json`, { headers: { authorization: `Bearer ${other.token}` } });
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  test('a bad token is 401, and no credentials at all sends a browser to sign in', async () => {
    const bad = await app.request(`${base}/shortlist.csv`, { headers: { authorization: 'Bearer not-a-real-token' } });
    expect(bad.status).toBe(401);
    const anon = await pageGet(app, null, `${base}/shortlist.csv`);
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`${base}/shortlist.csv`)}`);
  });

  test('an observer member may read the ranking and export it', async () => {
    const obs = await signupUser(app);
    const added = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: obs.email, role: 'observer' });
    expect(added.status).toBe(201);
    const res = await app.request(`${base}/shortlist.csv`, { headers: { authorization: `Bearer ${obs.token}` } });
    expect(res.status).toBe(200);
    expect((await res.text()).split('\n')[1]).toBe("1,'+SUM(A1),60,1,48,12,ranked,");
    const obsCookie = await formLogin(app, obs.email, obs.password);
    expect((await pageGet(app, obsCookie, `${base}/ranking`)).status).toBe(200);
  });
});
