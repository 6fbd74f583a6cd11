import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { api, makeTestApp, signupUser, type TestApp, declareNoConflict } from '../setup/app.js';

const ORIGIN = 'http://localhost';
const FORM = 'application/x-www-form-urlencoded';

let app: TestApp;
let db: Db;

beforeEach(async () => {
  ({ app, db } = await makeTestApp());
});

/** Signs in through the HTML form, as a browser would, and returns the session cookie. */
async function login(email: string, password: string): Promise<string> {
  const res = await app.request(`${ORIGIN}/login`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': FORM },
    body: new URLSearchParams({ email, password, next: '/' }).toString(),
  });
  expect(res.status).toBe(303);
  const cookie = /cxb_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

const get = (cookie: string, path: string, headers: Record<string, string> = {}) => app.request(`${ORIGIN}${path}`, { headers: { cookie, ...headers } });

const post = (cookie: string, path: string, form: Record<string, string>, headers: Record<string, string> = { origin: ORIGIN }) =>
  app.request(`${ORIGIN}${path}`, { method: 'POST', headers: { cookie, 'content-type': FORM, ...headers }, body: new URLSearchParams(form).toString() });

async function createEvaluation(cookie: string, template: 'cxm-core' | 'blank' = 'cxm-core'): Promise<number> {
  const res = await post(cookie, '/evaluations', { name: 'CXM selection', template, scaleMin: '0', scaleMax: '5' });
  expect(res.status).toBe(303);
  const id = /^\/evaluations\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1];
  if (!id) throw new Error(`unexpected redirect ${res.headers.get('location')}`);
  return Number(id);
}

/** A facilitator with a session, a token for API set-up, and a CXM evaluation. */
async function facilitator(template: 'cxm-core' | 'blank' = 'cxm-core') {
  const u = await signupUser(app);
  const cookie = await login(u.email, u.password);
  const id = await createEvaluation(cookie, template);
  await declareNoConflict(app, u.token, String(id));
  return { ...u, cookie, id, base: `/evaluations/${id}` };
}

const criteriaJson = async (token: string, id: number) =>
  (await api(app, token, 'GET', `/api/v1/evaluations/${id}/criteria`)).json.criteria as { id: string; name: string; parentId: string | null; weight: number }[];
const vendorsJson = async (token: string, id: number) =>
  (await api(app, token, 'GET', `/api/v1/evaluations/${id}/vendors`)).json.vendors as { id: string; name: string; price?: number; category: string }[];

describe('criteria page', () => {
  test('lists the five CXM criteria with kind, weight share and rubric levels', async () => {
    const f = await facilitator();
    const res = await get(f.cookie, `${f.base}/criteria`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const name of ['Omnichannel', 'Real-time data', 'Integration', 'Analytics', 'Privacy &amp; trust']) expect(html).toContain(`<span>${name}</span>`);
    expect(html).toContain('Channel coverage');
    expect(html).toContain('badge badge-kind-scored');
    expect(html).toContain('20%');
    expect(html).toContain('<details class="rubric-details">');
    expect(html).toContain('Every channel, online and offline, works from one shared customer context');
    expect(html).toContain('id="add-criterion"');
  });

  test('the blank template shows an empty state that says what to add', async () => {
    const f = await facilitator('blank');
    const html = await (await get(f.cookie, `${f.base}/criteria`)).text();
    expect(html).toContain('class="empty"');
    expect(html).toContain('No criteria yet');
    expect(html).not.toContain('<table');
  });

  test('adding a criterion through the form redirects back and lists it; a duplicate re-renders with 422', async () => {
    const f = await facilitator();
    const omni = (await criteriaJson(f.token, f.id)).find((c) => c.name === 'Omnichannel')!;
    const res = await post(f.cookie, `${f.base}/criteria`, { name: 'Consent & preferences', parentId: omni.id, kind: 'must-have', description: 'Records consent per channel.' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${f.base}/criteria#criterion-\\d+$`));
    const html = await (await get(f.cookie, `${f.base}/criteria`)).text();
    expect(html).toContain('Consent &amp; preferences');
    expect(html).toContain('badge badge-kind-must-have');
    expect((await criteriaJson(f.token, f.id)).find((c) => c.name === 'Consent & preferences')?.parentId).toBe(omni.id);

    const dup = await post(f.cookie, `${f.base}/criteria`, { name: '  omnichannel ', parentId: '', kind: 'scored', description: '' });
    expect(dup.status).toBe(422);
    const dupHtml = await dup.text();
    expect(dupHtml).toContain('There is already a criterion called “omnichannel” at that level.');
    expect(dupHtml).toContain('field field-error');
    expect(dupHtml).toContain('value="  omnichannel "');
  });

  test('form and service refusals come back as 422 with the message, never an error page', async () => {
    const f = await facilitator();
    const empty = await post(f.cookie, `${f.base}/criteria`, { name: '   ', parentId: '', kind: 'scored' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Required.');

    const sub = (await criteriaJson(f.token, f.id)).find((c) => c.name === 'Channel coverage')!;
    const tooDeep = await post(f.cookie, `${f.base}/criteria`, { name: 'Third level', parentId: sub.id, kind: 'scored' });
    expect(tooDeep.status).toBe(422);
    expect(await tooDeep.text()).toContain('Sub-criteria go one level deep');
  });

  test('edit shows the form with rubric lines and saves a re-parented, renamed criterion', async () => {
    const f = await facilitator();
    const all = await criteriaJson(f.token, f.id);
    const sub = all.find((c) => c.name === 'Channel coverage')!;
    const analytics = all.find((c) => c.name === 'Analytics')!;
    const form = await get(f.cookie, `${f.base}/criteria/${sub.id}/edit`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('name="rubric5"');
    expect(formHtml).toContain('value="Single channel only"');
    expect(formHtml).toMatch(/<option value="\d+" selected="">Omnichannel<\/option>/);

    const rubric = Object.fromEntries(['Nothing', 'Little', 'Some', 'Much', 'Most', 'All'].map((a, i) => [`rubric${i}`, a]));
    const res = await post(f.cookie, `${f.base}/criteria/${sub.id}`, { name: 'Channel reach', parentId: analytics.id, kind: 'scored', description: 'Moved.', ...rubric });
    expect(res.status).toBe(303);
    const moved = (await criteriaJson(f.token, f.id)).find((c) => c.id === sub.id)!;
    expect(moved).toMatchObject({ name: 'Channel reach', parentId: analytics.id });
    const html = await (await get(f.cookie, `${f.base}/criteria`)).text();
    expect(html).toContain('Channel reach');
    expect(html).toContain('<span>All</span>');

    // A criterion with sub-criteria cannot become must-have: the service's 400 comes back as the form at 422.
    const bad = await post(f.cookie, `${f.base}/criteria/${analytics.id}`, { name: 'Analytics', parentId: '', kind: 'must-have', description: '' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Only leaves can be must-have or cost.');
  });

  test('delete asks first, naming the sub-criteria and scores that go, then removes', async () => {
    const f = await facilitator();
    const all = await criteriaJson(f.token, f.id);
    const omni = all.find((c) => c.name === 'Omnichannel')!;
    const leaf = all.find((c) => c.parentId === omni.id)!;
    const vendor = (await vendorsJson(f.token, f.id))[0]!;
    const scored = await api(app, f.token, 'PUT', `/api/v1/evaluations/${f.id}/scores`, { vendorId: vendor.id, criterionId: leaf.id, value: 4 });
    expect(scored.status).toBe(200);

    const confirm = await get(f.cookie, `${f.base}/criteria/${omni.id}/delete`);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('Delete “Omnichannel”?');
    expect(html).toContain('<li>Channel coverage</li>');
    expect(html).toMatch(/Its \d+ sub-criteria go with it/);
    expect(html).toContain('1 score given against it will be deleted too.');
    expect(html).toContain(`action="${f.base}/criteria/${omni.id}/delete"`);

    const res = await post(f.cookie, `${f.base}/criteria/${omni.id}/delete`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${f.base}/criteria`);
    const after = await (await get(f.cookie, `${f.base}/criteria`)).text();
    expect(after).not.toContain('<span>Omnichannel</span>');
    expect(after).not.toContain('Channel coverage');
    expect((await criteriaJson(f.token, f.id)).some((c) => c.id === omni.id)).toBe(false);
  });

  test('an unknown criterion is 404', async () => {
    const f = await facilitator();
    expect((await get(f.cookie, `${f.base}/criteria/999999/edit`)).status).toBe(404);
    expect((await get(f.cookie, `${f.base}/criteria/abc/delete`)).status).toBe(404);
  });
});

describe('vendors page', () => {
  test('lists the catalogue vendors with the count in the heading and safe website links', async () => {
    const f = await facilitator();
    const total = (await vendorsJson(f.token, f.id)).length;
    const res = await get(f.cookie, `${f.base}/vendors`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<h1>Vendors (${total})</h1>`);
    for (const name of ['Adobe Experience Manager', 'Medallia', 'Zendesk']) expect(html).toContain(name);
    expect(html).toMatch(/<a href="https:\/\/[^"]+" rel="noopener noreferrer" target="_blank">Zendesk<\/a>/);
    expect(html).toContain('id="vendor-list"');
  });

  test('the blank template shows an empty state', async () => {
    const f = await facilitator('blank');
    const html = await (await get(f.cookie, `${f.base}/vendors`)).text();
    expect(html).toContain('<h1>Vendors (0)</h1>');
    expect(html).toContain('No vendors yet');
  });

  test('add, edit and remove a vendor through the forms', async () => {
    const f = await facilitator();
    const added = await post(f.cookie, `${f.base}/vendors`, { name: 'Qualtrics XM', website: 'https://www.qualtrics.com', category: 'Feedback', description: 'Surveys.', price: '12500.5' });
    expect(added.status).toBe(303);
    let html = await (await get(f.cookie, `${f.base}/vendors`)).text();
    expect(html).toContain('Qualtrics XM');
    expect(html).toContain('12,500.5');
    const v = (await vendorsJson(f.token, f.id)).find((x) => x.name === 'Qualtrics XM')!;
    expect(v.price).toBe(12500.5);

    const form = await get(f.cookie, `${f.base}/vendors/${v.id}/edit`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('value="12500.5"');
    const edited = await post(f.cookie, `${f.base}/vendors/${v.id}`, { name: 'Qualtrics', website: '', category: 'Feedback', description: '', price: '' });
    expect(edited.status).toBe(303);
    const after = (await vendorsJson(f.token, f.id)).find((x) => x.id === v.id)!;
    expect(after.name).toBe('Qualtrics');
    expect(after.price).toBeUndefined();
    html = await (await get(f.cookie, `${f.base}/vendors`)).text();
    expect(html).toContain('<th scope="row">Qualtrics</th>');

    const badPrice = await post(f.cookie, `${f.base}/vendors/${v.id}`, { name: 'Qualtrics', website: 'javascript:alert(1)', price: 'lots' });
    expect(badPrice.status).toBe(422);
    const badHtml = await badPrice.text();
    expect(badHtml).toContain('Start the address with http:// or https://');
    expect(badHtml).toContain('A number.');

    const confirm = await get(f.cookie, `${f.base}/vendors/${v.id}/delete`);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(confirmHtml).toContain('Remove “Qualtrics”?');
    expect(confirmHtml).toContain('No scores have been given to it yet.');
    const removed = await post(f.cookie, `${f.base}/vendors/${v.id}/delete`, {});
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe(`${f.base}/vendors`);
    expect((await vendorsJson(f.token, f.id)).some((x) => x.id === v.id)).toBe(false);
  });

  test('the remove confirmation counts the scores that go with the vendor', async () => {
    const f = await facilitator();
    const vendor = (await vendorsJson(f.token, f.id)).find((x) => x.name === 'Braze')!;
    const leaf = (await criteriaJson(f.token, f.id)).find((c) => c.name === 'Channel coverage')!;
    await api(app, f.token, 'PUT', `/api/v1/evaluations/${f.id}/scores`, { vendorId: vendor.id, criterionId: leaf.id, value: 3 });
    const html = await (await get(f.cookie, `${f.base}/vendors/${vendor.id}/delete`)).text();
    expect(html).toContain('1 score given to it will be deleted too.');
  });

  test('a duplicate name re-renders the form with the message at 422', async () => {
    const f = await facilitator();
    const res = await post(f.cookie, `${f.base}/vendors`, { name: ' zendesk ', website: '', category: '', description: '', price: '' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('A vendor called “zendesk” is already on this longlist.');
    expect(html).toContain('value=" zendesk "');

    const braze = (await vendorsJson(f.token, f.id)).find((x) => x.name === 'Braze')!;
    const rename = await post(f.cookie, `${f.base}/vendors/${braze.id}`, { name: 'Medallia', website: '', category: '', description: '', price: '' });
    expect(rename.status).toBe(422);
    expect(await rename.text()).toContain('A vendor called “Medallia” is already on this longlist.');
  });

  test('a vendor name with markup is escaped everywhere it is shown', async () => {
    const f = await facilitator();
    const evil = '<img src=x onerror=alert(1)>';
    expect((await post(f.cookie, `${f.base}/vendors`, { name: evil, category: '<b>cat</b>' })).status).toBe(303);
    const v = (await vendorsJson(f.token, f.id)).find((x) => x.name === evil)!;
    for (const path of [`${f.base}/vendors`, `${f.base}/vendors/${v.id}/edit`, `${f.base}/vendors/${v.id}/delete`]) {
      const html = await (await get(f.cookie, path)).text();
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>cat');
    }
  });

  test('?q= filters by name or category, case-insensitively; htmx gets just the list', async () => {
    const f = await facilitator();
    const all = await vendorsJson(f.token, f.id);
    const byName = await (await get(f.cookie, `${f.base}/vendors?q=ZEN`)).text();
    expect(byName).toContain('Zendesk');
    expect(byName).not.toContain('Medallia');
    expect(byName).toContain(`1 of ${all.length} vendors match “ZEN”.`);

    const category = all.find((x) => x.name === 'Medallia')!.category;
    const byCategory = await (await get(f.cookie, `${f.base}/vendors?q=${encodeURIComponent(category.toLowerCase())}`)).text();
    for (const v of all) expect(byCategory.includes(`>${v.name}</a>`)).toBe(v.category === category || v.name.toLowerCase().includes(category.toLowerCase()));

    const none = await (await get(f.cookie, `${f.base}/vendors?q=nothing-like-this`)).text();
    expect(none).toContain('No vendor name or category matches “nothing-like-this”.');

    const partial = await get(f.cookie, `${f.base}/vendors?q=zen`, { 'hx-request': 'true', 'hx-request-type': 'partial' });
    const fragment = await partial.text();
    expect(fragment.startsWith('<div id="vendor-list">')).toBe(true);
    expect(fragment).toContain('Zendesk');
    expect(fragment).not.toContain('<html');
  });
});

describe('access', () => {
  test("another team's evaluation pages are 404", async () => {
    const f = await facilitator();
    const vendor = (await vendorsJson(f.token, f.id))[0]!;
    const crit = (await criteriaJson(f.token, f.id))[0]!;
    const other = await signupUser(app);
    const cookie = await login(other.email, other.password);
    for (const path of ['/criteria', `/criteria/${crit.id}/edit`, `/criteria/${crit.id}/delete`, '/vendors', `/vendors/${vendor.id}/edit`, `/vendors/${vendor.id}/delete`]) {
      expect((await get(cookie, `${f.base}${path}`)).status, path).toBe(404);
    }
    expect((await post(cookie, `${f.base}/vendors`, { name: 'Sneaky' })).status).toBe(404);
    expect((await post(cookie, `${f.base}/criteria/${crit.id}/delete`, {})).status).toBe(404);
    expect((await vendorsJson(f.token, f.id)).some((v) => v.name === 'Sneaky')).toBe(false);
  });

  test('a form post without Origin is refused with 403', async () => {
    const f = await facilitator();
    const res = await post(f.cookie, `${f.base}/vendors`, { name: 'No origin' }, {});
    expect(res.status).toBe(403);
    const cross = await post(f.cookie, `${f.base}/criteria`, { name: 'Cross site' }, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect((await vendorsJson(f.token, f.id)).some((v) => v.name === 'No origin')).toBe(false);
  });

  test('other roles read without forms and cannot write', async () => {
    const f = await facilitator();
    const observer = await signupUser(app);
    await db.insertInto('evaluation_members').values({ evaluation_id: f.id, user_id: Number(observer.userId), role: 'observer', group_id: null, added_at: new Date().toISOString(), removed_at: null }).execute();
    const cookie = await login(observer.email, observer.password);
    const crit = await (await get(cookie, `${f.base}/criteria`)).text();
    expect(crit).toContain('Only the facilitator changes criteria');
    expect(crit).toContain('Omnichannel');
    expect(crit).not.toContain('id="add-criterion"');
    expect(crit).not.toContain('/edit"');
    const vend = await (await get(cookie, `${f.base}/vendors`)).text();
    expect(vend).toContain('Only the facilitator changes the longlist');
    expect(vend).not.toContain('id="add-vendor"');
    expect((await get(cookie, `${f.base}/vendors/1/edit`)).status).toBe(403);
    expect((await post(cookie, `${f.base}/vendors`, { name: 'Observer pick' })).status).toBe(403);
  });

  test('a decided evaluation is locked: read-only note, and writes are 409', async () => {
    const f = await facilitator();
    await db.updateTable('evaluations').set({ status: 'decided' }).where('id', '=', f.id).execute();
    const html = await (await get(f.cookie, `${f.base}/criteria`)).text();
    expect(html).toContain('This evaluation is decided and locked: it can be read and exported, but nothing in it can change.');
    expect(html).not.toContain('id="add-criterion"');
    expect((await post(f.cookie, `${f.base}/criteria`, { name: 'Late', parentId: '', kind: 'scored' })).status).toBe(409);
    expect((await post(f.cookie, `${f.base}/vendors`, { name: 'Late vendor' })).status).toBe(409);
  });
});
