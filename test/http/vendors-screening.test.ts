import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet, pagePost } from '../setup/pages.js';

// Issue 6: the vendors page at landscape scale (paging, filters) and screening (bulk knock-out).

let app: TestApp;
let db: Db;
let owner: Awaited<ReturnType<typeof signupUser>>;
let cookie: string;

const HX = { 'hx-request': 'true', 'hx-request-type': 'partial' };
const rowsOf = (html: string) => [...html.matchAll(/<tr id="vendor-(\d+)"/g)].map((x) => x[1]!);
const CATEGORIES = ['Data', 'Advertising', 'Content'];

/** A 120-vendor longlist through the import API: Vendor 001…120, categories in turn, every tenth mentions GDPR. */
async function landscape(): Promise<{ id: string; base: string }> {
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  const lines = ['name,category,description,price'];
  for (let i = 1; i <= 120; i++) {
    lines.push(`Vendor ${String(i).padStart(3, '0')},${CATEGORIES[i % 3]},${i % 10 === 0 ? 'Strong on gdpr tooling' : 'A platform'},${1000 + i}`);
  }
  const res = await app.request(`/api/v1/evaluations/${id}/vendors/import`, {
    method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'text/csv' }, body: `${lines.join('\n')}\n`,
  });
  expect(await res.json()).toEqual({ created: 120, updated: 0, unchanged: 0, rejected: [] });
  return { id, base: `/evaluations/${id}/vendors` };
}

const auditOf = (id: string, action: string) =>
  db.selectFrom('audit_entries').selectAll().where('evaluation_id', '=', Number(id)).where('action', '=', action).orderBy('id').execute();
const screenedCount = async (id: string) =>
  Number((await db.selectFrom('vendors').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', Number(id)).where('screened_out', 'is not', null).executeTakeFirst())?.n);
type Named = { vendorId: string; name: string };
const ranking = async (id: string) =>
  (await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/ranking`)).json as { rows: Named[]; unscored: Named[]; excluded: (Named & { reason: string })[] };
/** The vendors in the running as the ranking lists them: ranked, or not yet scored (issue 11). */
const running = async (id: string): Promise<Named[]> => {
  const r = await ranking(id);
  return [...r.rows, ...r.unscored];
};

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  owner = await signupUser(app);
  cookie = await formLogin(app, owner.email, owner.password);
});

describe('the vendors page at scale', () => {
  let e: { id: string; base: string };
  beforeAll(async () => {
    e = await landscape();
  });

  test('pages of 50: page 1 has 50 rows, page 3 the last 20; the total is shown', async () => {
    const first = await (await pageGet(app, cookie, e.base)).text();
    expect(first).toContain('<h1>Vendors (120)</h1>');
    expect(rowsOf(first)).toHaveLength(50);
    expect(first).toContain('Page 1 of 3 · 1–50 of 120');
    expect(first.indexOf('>Vendor 001<')).toBeLessThan(first.indexOf('>Vendor 050<'));
    expect(first).not.toContain('>Vendor 051<');
    expect(first).toContain(`href="${e.base}?page=2"`);

    const third = await (await pageGet(app, cookie, `${e.base}?page=3`)).text();
    expect(rowsOf(third)).toHaveLength(20);
    expect(third).toContain('Page 3 of 3 · 101–120 of 120');
    expect(third).toContain('>Vendor 120<');
    expect(third).not.toContain(`href="${e.base}?page=4"`);

    // Past the end is the last page; nonsense is the first.
    expect(rowsOf(await (await pageGet(app, cookie, `${e.base}?page=99`)).text())).toHaveLength(20);
    expect(rowsOf(await (await pageGet(app, cookie, `${e.base}?page=-2`)).text())).toHaveLength(50);
  });

  test('htmx gets one page of the list only, and the pager keeps the filters', async () => {
    const res = await pageGet(app, cookie, `${e.base}?category=Data&page=2`, HX);
    const html = await res.text();
    expect(html.startsWith('<div id="vendor-list">')).toBe(true);
    expect(html).not.toContain('<html');
    // 40 Data vendors fit one page: page 2 clamps to page 1, and there is no pager.
    expect(rowsOf(html)).toHaveLength(40);
    expect(html).not.toContain('class="pager');
    // The address bar gets the tidy URL: the search box replaces the entry, other controls push one.
    const typed = await pageGet(app, cookie, `${e.base}?q=GDPR&category=&status=all`, { ...HX, 'hx-source': 'input#vendor-q' });
    expect(typed.headers.get('hx-replace-url')).toBe(`${e.base}?q=GDPR`);
    const chosen = await pageGet(app, cookie, `${e.base}?q=&category=Data&status=in&page=7`, { ...HX, 'hx-source': 'select#vendor-category' });
    expect(chosen.headers.get('hx-push-url')).toBe(`${e.base}?category=Data&status=in`);
    const searched = await (await pageGet(app, cookie, `${e.base}?q=vendor&page=2`, HX)).text();
    expect(rowsOf(searched)).toHaveLength(50);
    expect(searched).toContain(`href="${e.base}?q=vendor&amp;page=3"`);
    expect(searched).toContain(esc('120 of 120 vendors match “vendor”.'));
  });

  test('the category select lists each category with its count; choosing one filters', async () => {
    const html = await (await pageGet(app, cookie, `${e.base}?category=Advertising`)).text();
    expect(html).toContain('<option value="">All categories (120)</option>');
    expect(html).toContain('<option value="Advertising" selected="">Advertising (40)</option>');
    expect(html).toContain('<option value="Content">Content (40)</option>');
    expect(rowsOf(html)).toHaveLength(40);
    expect(html).toContain('40 of 120 vendors match these filters.');
  });

  test('text search covers descriptions, case-insensitively, with % and _ taken literally', async () => {
    const gdpr = await (await pageGet(app, cookie, `${e.base}?q=GDPR`)).text();
    expect(rowsOf(gdpr)).toHaveLength(12);
    const both = await (await pageGet(app, cookie, `${e.base}?q=GDPR&category=Data`)).text();
    expect(rowsOf(both)).toHaveLength(4);

    const f = await createEvaluation(app, owner.token, { template: 'blank' });
    for (const name of ['100% Cloud', '1000 Clouds', 'Under_score', 'Underscore', 'Back\\slash']) await addVendor(app, owner.token, f, { name });
    const names = async (q: string) => [...(await (await pageGet(app, cookie, `/evaluations/${f}/vendors?q=${encodeURIComponent(q)}`)).text()).matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((x) => x[1]);
    expect(await names('%')).toEqual(['100% Cloud']);
    expect(await names('_')).toEqual(['Under_score']);
    expect(await names('\\')).toEqual(['Back\\slash']);
    expect(await names('UNDER')).toEqual(['Under_score', 'Underscore']);
  });
});

describe('screening', () => {
  test('bulk screen-out by filter: confirmation with the count, one transaction, one audit entry, out of the ranking', async () => {
    const e = await landscape();
    const confirm = await pageGet(app, cookie, `${e.base}/screen?category=Advertising&q=gdpr`);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('Screen out 4 vendors?');
    expect(html).toContain(esc('text “gdpr”, category “Advertising”'));
    expect(html).toContain('<input type="hidden" name="category" value="Advertising"/>');

    // Without a reason nothing happens.
    const blank = await pagePost(app, cookie, `${e.base}/screen`, { q: 'gdpr', category: 'Advertising', reason: '  ' });
    expect(blank.status).toBe(422);
    expect(await blank.text()).toContain('Say why');
    expect(await screenedCount(e.id)).toBe(0);

    const before = (await running(e.id)).length;
    expect(before).toBe(120);
    const res = await pagePost(app, cookie, `${e.base}/screen`, { q: '', category: 'Advertising', reason: 'No ad tech this round' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${e.base}?category=Advertising&status=out&screened=40`);
    expect(await screenedCount(e.id)).toBe(40);
    const entries = await auditOf(e.id, 'screen-out');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: 'vendor', entity_id: 'filter' });
    expect(JSON.parse(entries[0]!.after!)).toEqual({ count: 40, reason: 'No ad tech this round', filter: { category: 'Advertising' } });

    // The ranking leaves them out; they stay listed under "Screened out" with the reason.
    const r = await ranking(e.id);
    const inRunning = [...r.rows, ...r.unscored];
    expect(inRunning).toHaveLength(80);
    const out = new Set((await db.selectFrom('vendors').select('id').where('evaluation_id', '=', Number(e.id)).where('screened_out', 'is not', null).execute()).map((v) => String(v.id)));
    expect(inRunning.some((row) => out.has(row.vendorId))).toBe(false);
    expect(r.excluded).toEqual([]);
    const list = await (await pageGet(app, cookie, `${e.base}?status=out&screened=40`)).text();
    expect(list).toContain('40 vendors screened out.');
    expect(list).toContain('Screened out (40)');
    expect(list).toContain('In the running (80)');
    expect(list).toContain('All (120)');
    expect(rowsOf(list)).toHaveLength(40);
    expect(list).toContain('No ad tech this round');
    expect(list).toContain('class="row-out"');
    expect(list).toContain('Bring these 40 back…');
    expect(rowsOf(await (await pageGet(app, cookie, `${e.base}?status=in`)).text())).toHaveLength(50);
    expect((await (await pageGet(app, cookie, e.base)).text())).toContain('<h1>Vendors (120)</h1>');

    // A second bulk pass over the same filter finds nobody left to screen out.
    expect(await (await pageGet(app, cookie, `${e.base}/screen?category=Advertising`)).text()).toContain('there is nothing to screen out');
  });

  test('one vendor out and back in from its row (htmx swaps the row); bulk back in by filter', async () => {
    const e = await landscape();
    const vid = rowsOf(await (await pageGet(app, cookie, e.base)).text())[0]!;
    const out = await pagePost(app, cookie, `${e.base}/${vid}/screen-out`, { reason: 'Acquired, product retired' }, HX);
    expect(out.status).toBe(200);
    const row = await out.text();
    expect(row.startsWith(`<tr id="vendor-${vid}" class="row-out">`)).toBe(true);
    expect(row).toContain('Acquired, product retired');
    expect(row).toContain(`action="${e.base}/${vid}/screen-in"`);
    expect((await running(e.id)).some((x) => x.vendorId === vid)).toBe(false);

    const refused = await pagePost(app, cookie, `${e.base}/${vid}/screen-out`, { reason: '' }, HX);
    expect(refused.status).toBe(422);

    const back = await pagePost(app, cookie, `${e.base}/${vid}/screen-in`, {}, HX);
    expect(back.status).toBe(200);
    const backRow = await back.text();
    expect(backRow.startsWith(`<tr id="vendor-${vid}">`)).toBe(true);
    expect(backRow).toContain('Screen out…');
    expect((await running(e.id)).some((x) => x.vendorId === vid)).toBe(true);
    const single = await auditOf(e.id, 'screen-out');
    expect(single.map((x) => [x.entity_id, JSON.parse(x.after!)])).toEqual([[vid, { count: 1, reason: 'Acquired, product retired' }]]);
    expect((await auditOf(e.id, 'screen-in')).map((x) => x.entity_id)).toEqual([vid]);

    // Without htmx the forms redirect back to the list.
    const plain = await pagePost(app, cookie, `${e.base}/${vid}/screen-out`, { reason: 'Too small' });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe(`${e.base}#vendor-${vid}`);

    // Bulk: screen out the Content category, then bring back the GDPR ones among them.
    await pagePost(app, cookie, `${e.base}/screen`, { category: 'Content', reason: 'Not now' });
    expect(await screenedCount(e.id)).toBe(41);
    const confirm = await (await pageGet(app, cookie, `${e.base}/screen-in?category=Content&q=gdpr`)).text();
    expect(confirm).toContain('Bring 4 vendors back?');
    const res = await pagePost(app, cookie, `${e.base}/screen-in`, { category: 'Content', q: 'gdpr' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${e.base}?q=gdpr&category=Content&status=in&restored=4`);
    expect(await screenedCount(e.id)).toBe(37);
    const entry = (await auditOf(e.id, 'screen-in')).at(-1)!;
    expect(JSON.parse(entry.after!)).toEqual({ count: 4, filter: { q: 'gdpr', category: 'Content' } });
    expect(JSON.parse(entry.before!)).toEqual({ reasons: { 'Not now': 4 } });
    expect(await running(e.id)).toHaveLength(83);
  });

  test('must-have failures (consensus or majority) are screened out exactly as the ranking excludes them', async () => {
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const base = `/evaluations/${id}/vendors`;
    const quality = await addCriterion(app, owner.token, id, { name: 'Quality' });
    const gdpr = await addCriterion(app, owner.token, id, { name: 'GDPR', kind: 'must-have' });
    const sso = await addCriterion(app, owner.token, id, { name: 'SSO', kind: 'must-have' });
    const v: Record<string, string> = {};
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot']) v[name] = await addVendor(app, owner.token, id, { name });
    const eva = await signupUser(app);
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
    await declareNoConflict(app, eva.token, id);
    const score = async (token: string, vendor: string, criterionId: string, value: number) => {
      const res = await api(app, token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: v[vendor], criterionId, value });
      expect(res.status, res.text).toBe(200);
    };
    // Alpha: both fail GDPR (2 of 2). Bravo: a 1–1 tie (no fail). Charlie: passes GDPR, fails SSO 1 of 1.
    // Delta: the evaluators pass it, the consensus fails it. Echo: clean. Foxtrot: fails, but screened out by hand first.
    await score(owner.token, 'Alpha', gdpr, 0); await score(eva.token, 'Alpha', gdpr, 0);
    await score(owner.token, 'Bravo', gdpr, 0); await score(eva.token, 'Bravo', gdpr, 1);
    await score(owner.token, 'Charlie', gdpr, 1); await score(owner.token, 'Charlie', sso, 0);
    await score(owner.token, 'Delta', gdpr, 1); await score(eva.token, 'Delta', gdpr, 1);
    await score(owner.token, 'Echo', quality, 4);
    await score(owner.token, 'Foxtrot', sso, 0);
    // Eva has not submitted, so closing scoring is forced (issue 11).
    for (const status of ['scoring', 'review']) expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/status`, { status, force: status === 'review' })).status).toBe(200);
    const consensus = await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/consensus`, { vendorId: v.Delta, criterionId: gdpr, value: 0, rationale: 'No EU data processing agreement' });
    expect(consensus.status, consensus.text).toBe(200);
    await pagePost(app, cookie, `${base}/${v.Foxtrot}/screen-out`, { reason: 'Out of budget' });

    const excluded = (await ranking(id)).excluded;
    expect(excluded.map((x) => x.name)).toEqual(['Alpha', 'Charlie', 'Delta']);

    const confirm = await pageGet(app, cookie, `${base}/screen-must-haves`);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('3 vendors in the running fail a must-have.');
    for (const x of excluded) expect(html).toContain(`<tr><th scope="row">${x.name}</th><td>${esc(x.reason)}</td></tr>`);
    expect(html).toContain('Failed must-have &quot;GDPR&quot; (consensus): No EU data processing agreement');

    const res = await pagePost(app, cookie, `${base}/screen-must-haves`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}?status=out&screened=3`);
    // Each screened vendor carries the very reason the ranking gave (names sort the same way).
    const rows = await db.selectFrom('vendors').select(['id', 'screened_out']).where('evaluation_id', '=', Number(id)).where('screened_out', 'is not', null).orderBy('name_key').execute();
    expect(rows.map((r) => [String(r.id), r.screened_out])).toEqual([...excluded.map((x) => [x.vendorId, x.reason]), [v.Foxtrot, 'Out of budget']]);
    const after = await ranking(id);
    expect(after.excluded).toEqual([]);
    // Bravo's only marks are tied must-have votes, so it is in the running but not yet scored.
    expect(after.rows.map((r) => r.name)).toEqual(['Echo']);
    expect(after.unscored.map((r) => r.name)).toEqual(['Bravo']);
    const entry = (await auditOf(id, 'screen-out')).at(-1)!;
    expect(entry.entity_id).toBe('must-haves');
    expect(JSON.parse(entry.after!)).toEqual({ count: 3, reason: 'Failed a must-have, by consensus or by a majority of evaluators', byCriterion: { GDPR: 2, SSO: 1 } });

    // Nothing left to knock out.
    expect(await (await pageGet(app, cookie, `${base}/screen-must-haves`)).text()).toContain('No vendor in the running fails a must-have');
  });

  test('an evaluation without must-haves says how to get some', async () => {
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    expect(await (await pageGet(app, cookie, `/evaluations/${id}/vendors/screen-must-haves`)).text()).toContain('has no must-have criteria yet');
  });
});

describe('who may screen', () => {
  test('a non-facilitator member gets 403 and no screening controls; another team 404', async () => {
    const e = await landscape();
    const vid = rowsOf(await (await pageGet(app, cookie, e.base)).text())[0]!;
    const eva = await signupUser(app);
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${e.id}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
    const evaCookie = await formLogin(app, eva.email, eva.password);
    const page = await (await pageGet(app, evaCookie, e.base)).text();
    expect(rowsOf(page)).toHaveLength(50);
    expect(page).not.toContain('screen-menu');
    expect(page).not.toContain('Screening</h2>');
    expect(page).not.toContain('/vendors/import');

    const stranger = await signupUser(app);
    const strangerCookie = await formLogin(app, stranger.email, stranger.password);
    const gets = ['/screen?category=Data', '/screen-in', '/screen-must-haves'];
    const posts: [string, Record<string, string>][] = [['/screen', { category: 'Data', reason: 'x' }], ['/screen-in', {}], ['/screen-must-haves', {}], [`/${vid}/screen-out`, { reason: 'x' }], [`/${vid}/screen-in`, {}]];
    for (const path of gets) {
      expect((await pageGet(app, evaCookie, `${e.base}${path}`)).status, path).toBe(403);
      expect((await pageGet(app, strangerCookie, `${e.base}${path}`)).status, path).toBe(404);
    }
    for (const [path, form] of posts) {
      expect((await pagePost(app, evaCookie, `${e.base}${path}`, form)).status, path).toBe(403);
      expect((await pagePost(app, strangerCookie, `${e.base}${path}`, form)).status, path).toBe(404);
    }
    expect(await screenedCount(e.id)).toBe(0);
    // A vendor of another evaluation is not found through this one.
    const other = await landscape();
    const foreign = rowsOf(await (await pageGet(app, cookie, other.base)).text())[0]!;
    expect((await pagePost(app, cookie, `${e.base}/${foreign}/screen-out`, { reason: 'x' })).status).toBe(404);
  });

  test('sealed prices stay sealed on every page of the list', async () => {
    const e = await landscape();
    await db.updateTable('evaluations').set({ hide_prices: 1 }).where('id', '=', Number(e.id)).execute();
    const eva = await signupUser(app);
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${e.id}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
    const evaCookie = await formLogin(app, eva.email, eva.password);
    for (const path of ['', '?page=3', '?category=Data']) {
      const html = await (await pageGet(app, evaCookie, `${e.base}${path}`)).text();
      expect(html, path).not.toMatch(/<td class="num" data-label="Price">\d/);
    }
    expect(await (await pageGet(app, cookie, `${e.base}?page=3`)).text()).toContain('<td class="num" data-label="Price">1,120</td>');
  });
});
