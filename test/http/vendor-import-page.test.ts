import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, ORIGIN, pageGet, pagePost } from '../setup/pages.js';

// Issue 6: the import page — upload, preview with a column mapping, import with SSE progress, report.

let app: TestApp;
let db: Db;
let owner: Awaited<ReturnType<typeof signupUser>>;
let cookie: string;

/** A multipart upload as the browser sends it from the form. */
function upload(who: string, id: string, content: string | Uint8Array, name = 'longlist.csv') {
  const form = new FormData();
  form.set('file', new File([content], name, { type: 'text/csv' }));
  return app.request(`${ORIGIN}/evaluations/${id}/vendors/import`, { method: 'POST', headers: { origin: ORIGIN, cookie: who }, body: form });
}

/** Uploads and returns the preview page's address. */
async function uploaded(id: string, content: string, who = cookie): Promise<string> {
  const res = await upload(who, id, content);
  expect(res.status, await res.clone().text()).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(new RegExp(`^/evaluations/${id}/vendors/import/[\\w-]{20,}$`));
  return location;
}

/** The SSE stream's events, parsed. */
async function events(path: string, who = cookie) {
  const res = await pageGet(app, who, path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await res.text();
  return text.split('\n\n').filter((b) => b.trim() !== '').map((block) => {
    const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
    const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
    return { event, data: JSON.parse(data) as Record<string, unknown> };
  });
}

const vendorsOf = (id: string) =>
  db.selectFrom('vendors').select(['name', 'website', 'category', 'description', 'price']).where('evaluation_id', '=', Number(id)).orderBy('name_key').execute();

// European spreadsheet export: BOM, semicolons, decimal commas, titles the aliases only partly know.
const CSV = '\uFEFFCompany;Homepage;Segment;Notes;Cost\r\n'
  + 'Acme;acme.io;Data;"Two\r\nlines";1.200,50\r\n'
  + 'Beta;;Ads;Plain;900\r\n'
  + ';nobody.io;Data;No name;1\r\n'
  + 'Gamma;javascript:alert(1);Data;Bad site;5\r\n'
  + 'acme;;Data;Again;3\r\n'
  + 'Delta;delta.com;Content;"=1+1";7\r\n'
  + 'Echo;echo.io;Content;Fine;12\r\n'
  + 'Foxtrot;;Content;x;lots\r\n';
const REJECTED = [
  { line: 5, error: 'The name is missing.' },
  { line: 6, error: 'The website "javascript:alert(1)" is not a web address (http:// or https://).' },
  { line: 7, error: 'Duplicate name "acme" (first on line 2).' },
  { line: 10, error: 'The price "lots" is not a number ≥ 0.' },
];
const MAPPING = { col0: 'name', col1: 'website', col2: 'category', col3: 'description', col4: 'price' };

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  owner = await signupUser(app);
  cookie = await formLogin(app, owner.email, owner.password);
});

describe('the import page', () => {
  test('is linked from the vendors page and asks for a file', async () => {
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    expect(await (await pageGet(app, cookie, `/evaluations/${id}/vendors`)).text()).toContain(`href="/evaluations/${id}/vendors/import"`);
    const res = await pageGet(app, cookie, `/evaluations/${id}/vendors/import`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<form method="post" action="/evaluations/${id}/vendors/import" enctype="multipart/form-data"`);
    expect(html).toContain('type="file" name="file"');
  });

  test('upload → preview with a guessed mapping → import with a renamed column → SSE progress and result → report', async () => {
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const preview = await uploaded(id, CSV);
    const page = await (await pageGet(app, cookie, preview)).text();
    // The header, the first rows, and one select per column with the alias guesses chosen.
    expect(page).toContain('longlist.csv');
    expect(page).toContain('separated by semicolons');
    for (const title of ['Company', 'Homepage', 'Segment', 'Notes', 'Cost']) expect(page).toContain(`<th scope="col">${title}</th>`);
    expect(page).toContain('<td class="small">1.200,50</td>');
    expect(page).toMatch(/<select id="col-0" name="col0">.*?<option value="name" selected="">Name<\/option>/);
    expect(page).toMatch(/<select id="col-1" name="col1">.*?<option value="website" selected="">Website<\/option>/);
    expect(page).toMatch(/<select id="col-2" name="col2"><option value="" selected="">Ignore<\/option>/);
    expect(page).toMatch(/<select id="col-4" name="col4"><option value="" selected="">Ignore<\/option>/);

    // Two columns as one field, or none as the name, is sent back with the reason.
    const twice = await pagePost(app, cookie, preview, { col0: 'name', col1: 'website', col2: 'category', col3: 'category', col4: '' });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain('Only one column can be imported as category.');
    const nameless = await pagePost(app, cookie, preview, { col0: '', col1: 'website' });
    expect(nameless.status).toBe(422);
    expect(await nameless.text()).toContain('Choose the column that holds the vendor names.');

    // Segment → category, Notes → description, Cost → price.
    const start = await pagePost(app, cookie, preview, { col0: 'name', col1: 'website', col2: 'category', col3: 'description', col4: 'price' });
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toBe(preview);
    const running = await (await pageGet(app, cookie, preview)).text();
    expect(running).toContain(`data-import-events="${preview}/events"`);
    expect(running).toContain('<progress class="import-bar"');

    const stream = await events(`${preview}/events`);
    const progress = stream.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)!.data).toMatchObject({ done: 4, total: 4, rejected: 4, label: '4 of 4 vendors written' });
    expect(stream.at(-1)).toEqual({ event: 'result', data: { created: 4, updated: 0, unchanged: 0, rejected: 4, lines: REJECTED } });

    // The page now shows the report: counts and every rejected line with its number.
    const report = await (await pageGet(app, cookie, preview)).text();
    expect(report).toContain('Import finished');
    expect(report).toContain('<dd id="import-created">4</dd>');
    expect(report).toContain('<dd id="import-rejected">4</dd>');
    for (const r of REJECTED) expect(report).toContain(`<tr><td class="num">${r.line}</td><td>${esc(r.error)}</td></tr>`);
    // htmx (public/app.js at the end of the stream) gets just the report.
    const partial = await (await pageGet(app, cookie, preview, { 'hx-request': 'true', 'hx-request-type': 'partial' })).text();
    expect(partial.startsWith('<section id="import-run"')).toBe(true);

    expect(await vendorsOf(id)).toEqual([
      { name: 'Acme', website: 'https://acme.io', category: 'Data', description: 'Two\nlines', price: 1200.5 },
      { name: 'Beta', website: '', category: 'Ads', description: 'Plain', price: 900 },
      { name: 'Delta', website: 'https://delta.com', category: 'Content', description: '=1+1', price: 7 },
      { name: 'Echo', website: 'https://echo.io', category: 'Content', description: 'Fine', price: 12 },
    ]);
    const audit = await db.selectFrom('audit_entries').selectAll().where('evaluation_id', '=', Number(id)).where('action', '=', 'import').execute();
    expect(audit).toHaveLength(1);

    // The same file again, same mapping: nothing new, nothing changed.
    const again = await uploaded(id, CSV);
    expect((await pagePost(app, cookie, again, MAPPING)).status).toBe(303);
    const second = await events(`${again}/events`);
    expect(second.at(-1)).toEqual({ event: 'result', data: { created: 0, updated: 0, unchanged: 4, rejected: 4, lines: REJECTED } });
    expect(await vendorsOf(id)).toHaveLength(4);

    // A finished import's stream replays the end at once; a second submit of the mapping changes nothing.
    expect((await events(`${preview}/events`)).map((e) => e.event)).toEqual(['progress', 'result']);
    expect((await pagePost(app, cookie, preview, MAPPING)).headers.get('location')).toBe(preview);
  });

  test('an import nobody watches starts on its own', async () => {
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const preview = await uploaded(id, 'name,website\nSolo,solo.io\n');
    expect((await pagePost(app, cookie, preview, { col0: 'name', col1: 'website' })).status).toBe(303);
    await new Promise((r) => setTimeout(r, 1800));
    const report = await (await pageGet(app, cookie, preview)).text();
    expect(report).toContain('<dd id="import-created">1</dd>');
    expect(report).toContain('Every line of the file was read.');
  });
});

describe('refused uploads', () => {
  let id: string;
  beforeAll(async () => {
    id = await createEvaluation(app, owner.token, { template: 'blank' });
  });

  test('no file, an empty file, a file that is not UTF-8, or one with no usable header: 422 on the upload page', async () => {
    const none = await app.request(`${ORIGIN}/evaluations/${id}/vendors/import`, { method: 'POST', headers: { origin: ORIGIN, cookie }, body: new FormData() });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Choose a CSV file to upload.');
    const empty = await upload(cookie, id, '\uFEFF');
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('The file is empty');
    const latin1 = await upload(cookie, id, new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]));
    expect(latin1.status).toBe(422);
    expect(await latin1.text()).toContain('not valid UTF-8');
    expect(await vendorsOf(id)).toEqual([]);
  });

  test('more than 10 MB: 413 with the page', async () => {
    const big = `name\n${'x'.repeat(10 * 1024 * 1024)}\n`;
    const res = await upload(cookie, id, big);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('larger than 10 MB');
  });

  test('an upload key works only for its own evaluation and user; an unknown one says to upload again', async () => {
    const preview = await uploaded(id, 'name\nOne\n');
    const key = preview.split('/').at(-1)!;
    const other = await createEvaluation(app, owner.token, { template: 'blank' });
    const elsewhere = await pageGet(app, cookie, `/evaluations/${other}/vendors/import/${key}`);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toContain('Upload the file again.');
    expect((await pageGet(app, cookie, `/evaluations/${other}/vendors/import/${key}/events`)).status).toBe(404);
    expect((await pageGet(app, cookie, `/evaluations/${id}/vendors/import/not-a-real-key-at-all-xyz`)).status).toBe(404);
  });
});

describe('who may import', () => {
  test('a non-facilitator member gets 403 at every step; another team 404', async () => {
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const preview = await uploaded(id, 'name\nOne\n');
    const eva = await signupUser(app);
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
    const evaCookie = await formLogin(app, eva.email, eva.password);
    const stranger = await signupUser(app);
    const strangerCookie = await formLogin(app, stranger.email, stranger.password);
    for (const [who, status] of [[evaCookie, 403], [strangerCookie, 404]] as const) {
      expect((await pageGet(app, who, `/evaluations/${id}/vendors/import`)).status).toBe(status);
      expect((await upload(who, id, 'name\nSneaky\n')).status).toBe(status);
      expect((await pageGet(app, who, preview)).status).toBe(status);
      expect((await pagePost(app, who, preview, { col0: 'name' })).status).toBe(status);
      expect((await pageGet(app, who, `${preview}/events`)).status).toBe(status);
    }
    expect(await vendorsOf(id)).toEqual([]);
  });
});
