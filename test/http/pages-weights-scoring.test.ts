import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { m } from '../../views/messages/index.js';
import { addCriterion, addVendor, api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formById, formLogin, inputValues, pageGet, pagePost } from '../setup/pages.js';

let app: TestApp;
let db: Db;

beforeEach(async () => {
  ({ app, db } = await makeTestApp());
});

type Crit = { id: string; name: string; parentId: string | null; kind: string; weight: number };
const TOP = ['Omnichannel', 'Real-time data', 'Integration', 'Analytics', 'Privacy & trust'];

const criteriaJson = async (token: string, id: string) => {
  const res = await api(app, token, 'GET', `/api/v1/evaluations/${id}/criteria`);
  expect(res.status).toBe(200);
  return res.json.criteria as Crit[];
};
const vendorsJson = async (token: string, id: string) => (await api(app, token, 'GET', `/api/v1/evaluations/${id}/vendors`)).json.vendors as { id: string; name: string }[];
const weightSetCount = async (id: string) =>
  Number((await db.selectFrom('weight_sets').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', Number(id)).executeTakeFirstOrThrow()).n);

/** A facilitator signed in through the form, with a fresh evaluation (cxm-core unless told). */
async function facilitator(body: Record<string, unknown> = {}) {
  const u = await signupUser(app);
  const cookie = await formLogin(app, u.email, u.password);
  const id = await createEvaluation(app, u.token, { name: 'CXM selection', ...body });
  return { ...u, cookie, id, base: `/evaluations/${id}` };
}

/** Another existing user added to the evaluation with `role`, signed in through the form. */
async function member(f: { token: string; id: string }, role: 'evaluator' | 'stakeholder' | 'observer') {
  const u = await signupUser(app);
  const added = await api(app, f.token, 'POST', `/api/v1/evaluations/${f.id}/members`, { email: u.email, role, ...(role === 'stakeholder' ? { group: 'Marketing' } : {}) });
  expect(added.status, added.text).toBe(201);
  return { ...u, cookie: await formLogin(app, u.email, u.password) };
}

/** The weights form as the page renders it: every `w.<id>` field with its current value. */
async function weightForm(cookie: string, base: string): Promise<Record<string, string>> {
  const res = await pageGet(app, cookie, `${base}/weights`);
  expect(res.status).toBe(200);
  return Object.fromEntries(Object.entries(inputValues(await res.text())).filter(([k]) => k.startsWith('w.')));
}

describe('weights page', () => {
  test('a fresh CXM evaluation shows the five top-level criteria at 20% each, and each split', async () => {
    const f = await facilitator();
    const crits = await criteriaJson(f.token, f.id);
    const top = crits.filter((c) => c.parentId === null);
    expect(top.map((c) => c.name)).toEqual(TOP);
    const res = await pageGet(app, f.cookie, `${f.base}/weights`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<h1>${esc(m.weights.title)}</h1>`);
    expect(html).toContain(`<legend>${esc(m.weights.topLevel)}</legend>`);
    const values = inputValues(html);
    for (const c of top) {
      expect(html).toContain(`<label for="n-${c.id}" class="weight-label">${esc(c.name)}</label>`);
      expect(values[`w.${c.id}`], c.name).toBe('20');
    }
    expect(html).toContain(`<output data-sum-of="top">100</output>`);
    expect(html).toContain(`<legend>${esc(m.weights.splitOf('Omnichannel'))}</legend>`);
    // Every sub-criterion's field holds its equal share of its parent.
    for (const p of top) {
      const kids = crits.filter((c) => c.parentId === p.id);
      for (const k of kids) expect(Number(values[`w.${k.id}`])).toBeCloseTo(100 / kids.length, 1);
    }
    expect(html).toContain(`<button type="submit" class="button button-primary">${esc(m.weights.save)}</button>`);
    expect(html).toContain(`${esc(m.weights.version(1))}</strong></a> · ${esc(m.weights.sources.template)}`);
  });

  test('saving Omnichannel 50 and the rest 12.5 → 303 to ?saved=2; the API shows the new weights', async () => {
    const f = await facilitator();
    const top = (await criteriaJson(f.token, f.id)).filter((c) => c.parentId === null);
    const form = await weightForm(f.cookie, f.base);
    for (const c of top) form[`w.${c.id}`] = c.name === 'Omnichannel' ? '50' : '12.5';
    const res = await pagePost(app, f.cookie, `${f.base}/weights`, form);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`${f.base}/weights?saved=2`);
    expect(await weightSetCount(f.id)).toBe(2);

    const after = await criteriaJson(f.token, f.id);
    for (const c of after.filter((x) => x.parentId === null)) expect(c.weight, c.name).toBeCloseTo(c.name === 'Omnichannel' ? 0.5 : 0.125, 9);
    // The session sees the same through the API.
    const viaCookie = await app.request(`http://localhost/api/v1/evaluations/${f.id}/criteria`, { headers: { cookie: f.cookie } });
    const omni = ((await viaCookie.json()) as { criteria: Crit[] }).criteria.find((c) => c.name === 'Omnichannel')!;
    expect(omni.weight).toBeCloseTo(0.5, 9);

    const page = await pageGet(app, f.cookie, `${f.base}/weights?saved=2`);
    const html = await page.text();
    expect(html).toContain(`<div class="alert alert-success" role="status">${esc(m.weights.saved(2))}</div>`);
    const values = inputValues(html);
    expect(values[`w.${omni.id}`]).toBe('50');
    expect(values[`w.${top.find((c) => c.name === 'Analytics')!.id}`]).toBe('12.5');
    expect(html).toContain(`${esc(m.weights.version(2))}</strong></a> · ${esc(m.weights.sources.direct)}`);
  });

  test('an earlier version stays viewable, read-only, with its own numbers', async () => {
    const f = await facilitator();
    const page = await (await pageGet(app, f.cookie, `${f.base}/weights`)).text();
    const fields = inputValues(page);
    const omni = (await criteriaJson(f.token, f.id)).find((c) => c.name === 'Omnichannel')!;
    fields[`w.${omni.id}`] = '60';
    expect((await pagePost(app, f.cookie, `${f.base}/weights`, fields)).status).toBe(303);
    const old = await (await pageGet(app, f.cookie, `${f.base}/weights?version=1`)).text();
    expect(old).toContain(esc(m.weights.viewing(1, m.weights.sources.template, '')).slice(0, 40));
    expect(inputValues(old)[`w.${omni.id}`]).toBe('20');
    expect(old).not.toContain(esc(m.weights.save));
    expect((await pageGet(app, f.cookie, `${f.base}/weights?version=9`)).status).toBe(404);
  });

  test('a negative, non-numeric or over-100 value → 422 with the message on that field; nothing saved (issue 12: 500 was rescaled)', async () => {
    const f = await facilitator();
    const top = (await criteriaJson(f.token, f.id)).filter((c) => c.parentId === null);
    const before = await criteriaJson(f.token, f.id);
    for (const bad of ['-5', 'abc', '', '500', '100.5']) {
      const form = await weightForm(f.cookie, f.base);
      form[`w.${top[1]!.id}`] = bad;
      const res = await pagePost(app, f.cookie, `${f.base}/weights`, form);
      expect(res.status, JSON.stringify(bad)).toBe(422);
      const html = await res.text();
      expect(html).toContain(esc(m.formHasErrors));
      // The message sits in the row of the bad field, and the typed value is kept.
      const row = html.slice(html.indexOf(`<label for="n-${top[1]!.id}"`));
      expect(row.slice(0, row.indexOf('</div>'))).toContain(`<p class="error-text" role="alert">${esc(m.weights.notNumber)}</p>`);
      expect(inputValues(html)[`w.${top[1]!.id}`]).toBe(bad);
    }
    expect(await weightSetCount(f.id)).toBe(1);
    expect(await criteriaJson(f.token, f.id)).toEqual(before);
  });

  test('all zeros in a group → 422 with the group message; nothing saved', async () => {
    const f = await facilitator();
    const crits = await criteriaJson(f.token, f.id);
    const form = await weightForm(f.cookie, f.base);
    for (const c of crits.filter((x) => x.parentId === null)) form[`w.${c.id}`] = '0';
    const res = await pagePost(app, f.cookie, `${f.base}/weights`, form);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<fieldset class="weight-group field-error" data-weight-group="top">');
    expect(html).toContain(`<p class="error-text" role="alert">${esc(m.weights.allZero)}</p>`);

    // A sub-criterion split of zeros is refused the same way.
    const omni = crits.find((c) => c.name === 'Omnichannel')!;
    const form2 = await weightForm(f.cookie, f.base);
    for (const c of crits.filter((x) => x.parentId === omni.id)) form2[`w.${c.id}`] = '0,0';
    const res2 = await pagePost(app, f.cookie, `${f.base}/weights`, form2);
    expect(res2.status).toBe(422);
    expect(await res2.text()).toContain(`<fieldset class="weight-group field-error" data-weight-group="${omni.id}">`);
    expect(await weightSetCount(f.id)).toBe(1);
  });

  test('a non-facilitator reads the weights without a form and gets 403 on POST', async () => {
    const f = await facilitator();
    const ev = await member(f, 'evaluator');
    const page = await pageGet(app, ev.cookie, `${f.base}/weights`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<div class="alert">${esc(m.weights.readOnly)}</div>`);
    expect(html).not.toContain(esc(m.weights.save));
    expect(html).toMatch(/name="w\.\d+" inputmode="decimal"[^>]*disabled=""/);

    const form = await weightForm(f.cookie, f.base);
    for (const k of Object.keys(form)) form[k] = '1';
    const res = await pagePost(app, ev.cookie, `${f.base}/weights`, form);
    expect(res.status).toBe(403);
    expect(await weightSetCount(f.id)).toBe(1);
    // Someone outside the team cannot even tell the evaluation exists.
    const stranger = await signupUser(app);
    const strangerCookie = await formLogin(app, stranger.email, stranger.password);
    expect((await pageGet(app, strangerCookie, `${f.base}/weights`)).status).toBe(404);
    expect((await pagePost(app, strangerCookie, `${f.base}/weights`, form)).status).toBe(404);
    expect(await weightSetCount(f.id)).toBe(1);
  });
});

describe('scoring grid', () => {
  /** A facilitator's CXM evaluation with one vendor and one leaf picked out for cell posts. */
  async function grid() {
    const f = await facilitator();
    const crits = await criteriaJson(f.token, f.id);
    const vendors = await vendorsJson(f.token, f.id);
    const leaf = crits.find((c) => c.name === 'Channel coverage')!;
    const vendor = vendors.find((v) => v.name === 'Zendesk')!;
    expect(leaf).toBeDefined();
    expect(vendor).toBeDefined();
    return { ...f, crits, vendors, leaf, vendor, cellId: `cell-${vendor.id}-${leaf.id}` };
  }
  const HX = { 'hx-request': 'true' };
  const cellPost = (cookie: string, base: string, form: Record<string, string>, headers: Record<string, string> = HX) =>
    pagePost(app, cookie, `${base}/scoring/cell`, form, headers);
  const scoreRows = (vendorId: string, criterionId: string) =>
    db.selectFrom('scores').selectAll().where('vendor_id', '=', Number(vendorId)).where('criterion_id', '=', Number(criterionId)).execute();

  test('without hx-request a bad value is not silently dropped: 422 with the message', async () => {
    const g = await grid();
    const res = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '9' }, {});
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(esc(m.scoring.badValue(0, 5)));
    expect(await scoreRows(g.vendor.id, g.leaf.id)).toHaveLength(0);
  });

  test('a comment on an empty cell is kept and explained, not discarded under "Saved"', async () => {
    const g = await grid();
    const res = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '', comment: 'need demo' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).not.toContain(`<span class="cell-saved" role="status">${m.scoring.saved}</span>`);
    expect(html).toContain('>need demo</textarea>');
    expect(html).toContain(esc(m.scoring.commentNeedsValue));
  });

  test.each(['0x4', '0b11', '1e0', 'Infinity'])('a cell value of %s is refused (only plain decimals)', async (value) => {
    const g = await grid();
    const res = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value });
    expect(res.status).toBe(422);
    expect(await scoreRows(g.vendor.id, g.leaf.id)).toHaveLength(0);
  });

  test('GET lists every vendor as a row and every leaf (not the parents) as a column', async () => {
    const g = await grid();
    const res = await pageGet(app, g.cookie, `${g.base}/scoring`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(esc(m.scoring.intro(0, 5)));
    const leaves = g.crits.filter((c) => !g.crits.some((x) => x.parentId === c.id));
    expect(leaves).toHaveLength(16);
    for (const v of g.vendors) expect(html).toContain(`<th scope="row" class="sticky-col">${esc(v.name)}</th>`);
    for (const c of leaves) expect(html).toContain(`<th scope="col" id="crit-${c.id}" data-criterion="${c.id}" data-name="${esc(c.name)}"`);
    for (const name of TOP) expect(html).toContain(`<th colspan="${g.crits.filter((x) => x.parentId === g.crits.find((p) => p.name === name)!.id).length}" class="group-head" scope="colgroup">${esc(name)}</th>`);
    for (const c of g.crits.filter((x) => x.parentId === null)) expect(html).not.toContain(`id="crit-${c.id}"`);
    expect(html.match(/<td class="cell">/g)?.length).toBe(g.vendors.length * leaves.length);
    expect(html).toContain(esc(m.scoring.progress(0, g.vendors.length * leaves.length)));
    expect(formById(html, g.cellId)).toContain('<input type="hidden" name="version" value="0"/>');
  });

  test('an htmx cell post saves: 200 fragment with version 1 and the value; the row keeps the comment', async () => {
    const g = await grid();
    const res = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '4', comment: 'solid' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<form ')).toBe(true);
    expect(html).not.toContain('<html');
    expect(html).toMatch(new RegExp(`^<form method="post" action="${g.base}/scoring/cell" class="cell-form cell-filled state-saved" id="${g.cellId}"`));
    expect(html).toContain('<input type="hidden" name="version" value="1"/>');
    expect(html).toMatch(/<input name="value" class="score-input"[^>]* value="4"/);
    expect(html).toContain('>solid</textarea>');
    expect(html).toContain(`<span class="cell-saved" role="status">${m.scoring.saved}</span>`);

    const rows = await scoreRows(g.vendor.id, g.leaf.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 4, comment: 'solid', version: 1, evaluator_id: Number(g.userId), evaluation_id: Number(g.id) });
    // The grid now shows it too.
    const cell = formById(await (await pageGet(app, g.cookie, `${g.base}/scoring`)).text(), g.cellId)!;
    expect(cell).toContain('<input type="hidden" name="version" value="1"/>');
    expect(cell).toMatch(/name="value"[^>]* value="4"/);
  });

  test("'N/A' stores null; '' deletes the score row", async () => {
    const g = await grid();
    const first = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: 'N/A', comment: '' });
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toMatch(new RegExp(`name="value"[^>]* value="${m.scoring.na.replace('/', '\\/')}"`));
    expect(html).toContain('<input type="hidden" name="version" value="1"/>');
    let rows = await scoreRows(g.vendor.id, g.leaf.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toBeNull();
    const cell = await db.selectFrom('score_cells').selectAll().where('vendor_id', '=', Number(g.vendor.id)).where('criterion_id', '=', Number(g.leaf.id)).executeTakeFirstOrThrow();
    expect(cell).toMatchObject({ n: 0, na: 1 });

    const cleared = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '1', value: '  ', comment: '' });
    expect(cleared.status).toBe(200);
    const clearedHtml = await cleared.text();
    expect(clearedHtml).toContain('<input type="hidden" name="version" value="0"/>');
    expect(clearedHtml).toMatch(/name="value"[^>]* value=""/);
    expect(clearedHtml).not.toContain('cell-filled');
    rows = await scoreRows(g.vendor.id, g.leaf.id);
    expect(rows).toHaveLength(0);
  });

  test("'7' on a 0–5 scale → 422 fragment with the message and the typed value; nothing stored", async () => {
    const g = await grid();
    for (const bad of ['7', '-1', 'lots']) {
      const res = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: bad, comment: 'too high' });
      expect(res.status, bad).toBe(422);
      const html = await res.text();
      expect(html.startsWith('<form ')).toBe(true);
      expect(html).toContain('state-error');
      expect(html).toContain(`<span class="cell-msg" id="cell-msg-${g.vendor.id}-${g.leaf.id}" role="alert">${esc(m.scoring.badValue(0, 5))}</span>`);
      expect(html).toMatch(new RegExp(`name="value"[^>]* value="${bad}"[^>]* aria-invalid="true"`));
    }
    expect(await scoreRows(g.vendor.id, g.leaf.id)).toHaveLength(0);
  });

  test('a stale version → 409 fragment that shows the value now stored and its version', async () => {
    const g = await grid();
    expect((await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '4', comment: 'solid' })).status).toBe(200);
    const stale = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '2', comment: 'weak' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('state-stale');
    expect(html).toContain(`id="${g.cellId}"`);
    expect(html).toContain(`<span class="cell-msg" id="cell-msg-${g.vendor.id}-${g.leaf.id}" role="alert">${esc(m.scoring.stale)}</span>`);
    expect(html).toMatch(/name="value"[^>]* value="4"/);
    expect(html).toContain('<input type="hidden" name="version" value="1"/>');
    expect(html).toContain('>solid</textarea>');
    // Clearing with a stale version is refused the same way.
    const staleClear = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '', comment: '' });
    expect(staleClear.status).toBe(409);
    const rows = await scoreRows(g.vendor.id, g.leaf.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 4, comment: 'solid', version: 1 });
  });

  test('without hx-request the post saves and sends the browser back to the grid (303)', async () => {
    const g = await grid();
    const res = await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '3,5', comment: '' }, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${g.base}/scoring`);
    const rows = await scoreRows(g.vendor.id, g.leaf.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toBe(3.5);
  });

  test('a must-have column is a pass/fail select and takes 0 or 1 only', async () => {
    const f = await facilitator({ template: 'blank' });
    const gate = await addCriterion(app, f.token, f.id, { name: 'GDPR data residency', kind: 'must-have' });
    await addCriterion(app, f.token, f.id, { name: 'Usability' });
    const vendor = await addVendor(app, f.token, f.id, { name: 'Acme CX' });
    const grid = await (await pageGet(app, f.cookie, `${f.base}/scoring`)).text();
    const cell = formById(grid, `cell-${vendor}-${gate}`)!;
    expect(cell).toContain('<select name="value" class="score-input"');
    expect(cell).toContain(`<option value="1">${m.scoring.pass}</option>`);
    const pass = await cellPost(f.cookie, f.base, { vendorId: vendor, criterionId: gate, version: '0', value: '1' });
    expect(pass.status).toBe(200);
    expect(await pass.text()).toContain(`<option value="1" selected="">${m.scoring.pass}</option>`);
    const bad = await cellPost(f.cookie, f.base, { vendorId: vendor, criterionId: gate, version: '1', value: '3' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('A must-have takes 0 (fail) or 1 (pass).');
    expect((await scoreRows(vendor, gate))[0]).toMatchObject({ value: 1, version: 1 });
  });

  test("a cell of another evaluation's vendor or a parent criterion is 404; nothing stored", async () => {
    const g = await grid();
    const other = await createEvaluation(app, g.token, { name: 'Other', template: 'blank' });
    const foreignVendor = await addVendor(app, g.token, other, { name: 'Foreign' });
    const parent = g.crits.find((c) => c.name === 'Omnichannel')!;
    expect((await cellPost(g.cookie, g.base, { vendorId: foreignVendor, criterionId: g.leaf.id, version: '0', value: '3' })).status).toBe(404);
    expect((await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: parent.id, version: '0', value: '3' })).status).toBe(404);
    expect(await db.selectFrom('scores').selectAll().execute()).toHaveLength(0);
  });

  test("another team's user gets 404 on the grid and on a cell post", async () => {
    const g = await grid();
    const stranger = await signupUser(app);
    const cookie = await formLogin(app, stranger.email, stranger.password);
    expect((await pageGet(app, cookie, `${g.base}/scoring`)).status).toBe(404);
    const res = await cellPost(cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '1' });
    expect(res.status).toBe(404);
    expect(await scoreRows(g.vendor.id, g.leaf.id)).toHaveLength(0);
  });

  test('a stakeholder sees no grid and gets 403 on a cell post; an evaluator scores only their own cells', async () => {
    const g = await grid();
    const sh = await member(g, 'stakeholder');
    const page = await pageGet(app, sh.cookie, `${g.base}/scoring`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(esc(m.scoring.noRole));
    expect(html).not.toContain('<table class="score-grid">');
    const res = await cellPost(sh.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '1' });
    expect(res.status).toBe(403);
    expect(await scoreRows(g.vendor.id, g.leaf.id)).toHaveLength(0);

    // Two people scoring the same cell each start from version 0: their rows are separate.
    const ev = await member(g, 'evaluator');
    // The evaluator declares through the page, as they would before the grid opens.
    expect((await pagePost(app, ev.cookie, `${g.base}/declaration`, { conflict: 'no' })).status).toBe(303);
    expect((await cellPost(g.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '5' })).status).toBe(200);
    expect((await cellPost(ev.cookie, g.base, { vendorId: g.vendor.id, criterionId: g.leaf.id, version: '0', value: '1' })).status).toBe(200);
    const rows = await scoreRows(g.vendor.id, g.leaf.id);
    expect(rows.map((r) => [r.evaluator_id, r.value, r.version]).sort()).toEqual([[Number(g.userId), 5, 1], [Number(ev.userId), 1, 1]].sort());
    const evGrid = formById(await (await pageGet(app, ev.cookie, `${g.base}/scoring`)).text(), g.cellId)!;
    expect(evGrid).toMatch(/name="value"[^>]* value="1"/);
  });
});
