import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// POST /api/v1/evaluations/:id/vendors/import (API.md "Criteria and vendors").

let app: TestApp;
let db: Db;
let owner: Awaited<ReturnType<typeof signupUser>>;

const path = (id: string) => `/api/v1/evaluations/${id}/vendors/import`;

/** Sends a CSV body as a script would: Bearer token, text/csv. */
async function importCsv(id: string, body: string | Uint8Array, opts: { token?: string; type?: string } = {}) {
  const res = await app.request(path(id), {
    method: 'POST',
    headers: { authorization: `Bearer ${opts.token ?? owner.token}`, 'content-type': opts.type ?? 'text/csv' },
    body,
  });
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}

const vendorsOf = async (id: string) =>
  db.selectFrom('vendors').select(['name', 'website', 'category', 'description', 'price']).where('evaluation_id', '=', Number(id)).orderBy('name_key').execute();

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  // Until server/app.ts mounts the import route, mount it here; once mounted, the first registration answers.
  owner = await signupUser(app);
});

describe('a longlist file', () => {
  let id: string;
  beforeAll(async () => {
    id = await createEvaluation(app, owner.token, { template: 'blank' });
  });

  test('quotes, embedded newlines and a BOM: 200 {created, updated, unchanged, rejected}', async () => {
    const csv = '\uFEFFName,Website,Category,Description,Price\r\n'
      + '"Acme, Inc.",https://acme.io,Journeys,"Line one\r\nline ""two""",1200\r\n'
      + 'Braze,braze.com,Engagement,,\r\n';
    const res = await importCsv(id, csv);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: [] });
    expect(await vendorsOf(id)).toEqual([
      { name: 'Acme, Inc.', website: 'https://acme.io', category: 'Journeys', description: 'Line one\nline "two"', price: 1200 },
      { name: 'Braze', website: 'https://braze.com', category: 'Engagement', description: '', price: null },
    ]);
  });

  test('re-importing the same file creates nothing and updates nothing', async () => {
    const csv = 'name;website\nZeta;https://zeta.io\nEta;\n';
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    expect((await importCsv(e, csv)).json).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: [] });
    const before = await vendorsOf(e);
    expect((await importCsv(e, csv)).json).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: [] });
    expect(await vendorsOf(e)).toEqual(before);
    // A changed field counts as updated; columns the file lacks are left alone.
    const res = await importCsv(e, 'NAME;WEBSITE\nzeta;https://zeta.io/new\nEta;\n');
    expect(res.json).toEqual({ created: 0, updated: 1, unchanged: 1, rejected: [] });
    expect((await vendorsOf(e)).map((v) => [v.name, v.website])).toEqual([['Eta', ''], ['zeta', 'https://zeta.io/new']]);
  });

  test('semicolon separator with European prices', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const res = await importCsv(e, 'name;price;category\nSAP CX;1.234,50;Suite\n"Medallia; Ltd";99;Feedback\n');
    expect(res.json).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: [] });
    expect((await vendorsOf(e)).map((v) => [v.name, v.price, v.category])).toEqual([['Medallia; Ltd', 99, 'Feedback'], ['SAP CX', 1234.5, 'Suite']]);
  });

  test('bad lines are reported with their line and skipped; the rest is written', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const csv = [
      'name,website,price', // 1
      'Zendesk,zendesk.com,', // 2
      '"HubSpot","hubspot.com","a lot"', // 3 bad price
      ',https://nameless.io,', // 4 missing name
      'ZENDESK,,', // 5 duplicate of line 2
      '"Infobip","javascript:alert(1)",', // 6 bad website
      '"Multi', 'line",,', // 7–8 fine
    ].join('\n');
    const res = await importCsv(e, csv);
    expect(res.status).toBe(200);
    expect(res.json.created).toBe(2);
    expect(res.json.updated).toBe(0);
    expect(res.json.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6]);
    for (const r of res.json.rejected) expect(Object.keys(r).sort()).toEqual(['error', 'line']);
    expect(res.json.rejected[2].error).toMatch(/Duplicate/);
    expect((await vendorsOf(e)).map((v) => v.name)).toEqual(['Multi line', 'Zendesk']);
  });

  test('formula-looking cells are stored as plain text', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const res = await importCsv(e, 'name,category,description\n"=HYPERLINK(""http://evil"",""x"")",+SUM(1),@cmd\n-2+3,=1,"=A1"\n');
    expect(res.json).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: [] });
    expect((await vendorsOf(e)).map((v) => [v.name, v.category, v.description])).toEqual([
      ['-2+3', '=1', '=A1'],
      ['=HYPERLINK("http://evil","x")', '+SUM(1)', '@cmd'],
    ]);
    // And the API hands them back as the same text.
    const listed = await api(app, owner.token, 'GET', `/api/v1/evaluations/${e}/vendors`);
    expect(listed.json.vendors.map((v: { name: string }) => v.name).sort()).toEqual(['-2+3', '=HYPERLINK("http://evil","x")']);
  });

  test('one audit entry summarising the counts', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    await importCsv(e, 'name\nA\nB\n\n,\nB\n');
    const rows = await db.selectFrom('audit_entries').select(['action', 'entity', 'after']).where('evaluation_id', '=', Number(e)).where('action', '=', 'import').execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.after ?? '{}')).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 1 });
  });
});

describe('refusals', () => {
  let id: string;
  beforeAll(async () => {
    id = await createEvaluation(app, owner.token, { template: 'blank' });
  });

  test('a body over 10 MB → 413 with the error shape; nothing is written', async () => {
    const row = 'Vendor,https://example.com,A longish description to fill the file\n';
    const big = `name,website,description\n${row.repeat(Math.ceil((10 * 1024 * 1024) / row.length) + 10)}`;
    const res = await importCsv(id, big);
    expect(expectApiError(res, 413, 'payload_too_large').message).toMatch(/10 MB/);
    expect(await vendorsOf(id)).toEqual([]);
  });

  test('a 10 MB file of short rows (1.7 million) → 400 naming the file and the row limit, nothing written; 10,000 rows are imported', async () => {
    const rows = Array.from({ length: 1_800_000 }, (_, i) => `V${i.toString(36)}`);
    let csv = `name\n${rows.join('\n')}\n`;
    csv = csv.slice(0, csv.lastIndexOf('\n', 10 * 1024 * 1024 - 1) + 1);
    const err = expectApiError(await importCsv(id, csv), 400);
    expect(err.fields?.file).toMatch(/more than 100,000 rows/);
    expect(await vendorsOf(id)).toEqual([]);
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const res = await importCsv(e, `name\n${rows.slice(0, 10_000).join('\n')}\n`);
    expect(res.status).toBe(200);
    expect(res.json.created).toBe(10_000);
    expect(res.json.rejected).toEqual([]);
  });

  test('exactly 10 MB is accepted', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const head = 'name,description\nOnly,';
    const body = head + 'x'.repeat(10 * 1024 * 1024 - head.length);
    const res = await importCsv(e, body);
    // Accepted by the size gate; the 10 MB description is then rejected per line, not by the limit.
    expect(res.status).toBe(200);
    expect(res.json.rejected).toEqual([{ line: 2, error: 'The description is longer than 2000 characters.' }]);
  });

  test('a non-facilitator member → 403; another team → 404; no token → 401', async () => {
    const evaluator = await signupUser(app);
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: evaluator.email, role: 'evaluator' })).status).toBe(201);
    expectApiError(await importCsv(id, 'name\nX\n', { token: evaluator.token }), 403, 'forbidden');
    const stranger = await signupUser(app);
    expectApiError(await importCsv(id, 'name\nX\n', { token: stranger.token }), 404, 'not_found');
    const anonymous = await app.request(path(id), { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'name\nX\n' });
    expect(anonymous.status).toBe(401);
    expect(await vendorsOf(id)).toEqual([]);
  });

  test.each([
    ['no name column', 'website\nhttps://a.io\n', 'validation_failed', /"name" column/],
    ['an empty body', '', 'validation_failed', /empty/],
    ['a never-closed quote', 'name\n"Acme\n', 'validation_failed', /never closed/],
  ])('%s → 400 with the error shape', async (_what, body, code, message) => {
    const err = expectApiError(await importCsv(id, body), 400, code);
    expect(err.message).toMatch(message);
    expect(Object.keys(err.fields ?? {}).length).toBeGreaterThan(0);
  });

  test('JSON instead of CSV → 400 unsupported_content_type naming the content type', async () => {
    const err = expectApiError(await importCsv(id, '{"name":"x"}', { type: 'application/json' }), 400, 'unsupported_content_type');
    expect(Object.keys(err.fields ?? {})).toEqual(['content-type']);
  });

  test('UTF-16 (declared, or by its byte-order mark) is read as such; an unknown charset → 400 naming the content type', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const utf16 = Buffer.from('name\nMüller GmbH\n', 'utf16le');
    expect((await importCsv(e, utf16, { type: 'text/csv; charset=utf-16' })).json).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: [] });
    const marked = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\nZoë Systems\n', 'utf16le')]);
    expect((await importCsv(e, marked)).json).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: [] });
    expect((await vendorsOf(e)).map((v) => v.name)).toEqual(['Müller GmbH', 'Zoë Systems']);
    const unknown = expectApiError(await importCsv(id, 'name\nX\n', { type: 'text/csv; charset=klingon' }), 400, 'unsupported_charset');
    expect(Object.keys(unknown.fields ?? {})).toEqual(['content-type']);
    // An odd number of bytes is not UTF-16.
    expect(Object.keys(expectApiError(await importCsv(id, Buffer.from('name\nX\n'), { type: 'text/csv; charset=utf-16' }), 400, 'invalid_encoding').fields ?? {})).toEqual(['file']);
  });

  test('a binary file sent as CSV (valid UTF-8 with NULs, or not UTF-8 at all) → 400 invalid_encoding naming the file; nothing written', async () => {
    const nuls = Buffer.from('name\nAc\0me\n');
    const noise = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256);
    for (const body of [nuls, noise, Buffer.from('name\nX\n', 'utf16le')]) {
      const err = expectApiError(await importCsv(id, body), 400, 'invalid_encoding');
      expect(Object.keys(err.fields ?? {})).toEqual(['file']);
    }
    expect(await vendorsOf(id)).toEqual([]);
  });

  test('bytes that are not UTF-8 → 400 invalid_encoding; a declared windows-1252 file is read as such', async () => {
    const latin = Uint8Array.from([...Buffer.from('name\nM'), 0xfc, ...Buffer.from('ller GmbH\n')]);
    expect(Object.keys(expectApiError(await importCsv(id, latin), 400, 'invalid_encoding').fields ?? {})).toEqual(['file']);
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    const res = await importCsv(e, latin, { type: 'text/csv; charset=windows-1252' });
    expect(res.json).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: [] });
    expect((await vendorsOf(e))[0]!.name).toBe('Müller GmbH');
  });

  test('a decided evaluation → 409 evaluation_locked', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    await db.updateTable('evaluations').set({ status: 'decided' }).where('id', '=', Number(e)).execute();
    expectApiError(await importCsv(e, 'name\nX\n'), 409, 'evaluation_locked');
  });
});
