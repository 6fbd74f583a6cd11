import { describe, test, expect, beforeAll } from 'vitest';
import { api, createEvaluation, expectApiError, makeTestApp, signupUser, type ApiResult, type TestApp } from '../setup/app.js';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupUser>>;
let evalId: string;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await signupUser(app);
  evalId = await createEvaluation(app, owner.token, { template: 'blank' });
});

/** A raw request, for bodies and headers the JSON helper would not send. */
async function raw(path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<ApiResult> {
  const res = await app.request(path, init);
  const text = await res.text();
  let json: any;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}

const auth = () => ({ authorization: `Bearer ${owner.token}` });
const evaluationStatus = async () => (await api(app, owner.token, 'GET', `/api/v1/evaluations/${evalId}`)).status;

describe('malformed requests → 400 in the error shape', () => {
  test('malformed JSON', async () => {
    for (const body of ['{"name": ', '{name: "x"}', "{'name': 'x'}", '', 'null', '[]', '"just a string"']) {
      const res = await raw('/api/v1/evaluations', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body });
      const err = expectApiError(res, 400);
      expect(err.message.length, body).toBeGreaterThan(0);
      // Issue 15: every 400 names its problem.
      expect(Object.keys(err.fields ?? {}).length, body).toBeGreaterThan(0);
    }
    // The signup door too, before any auth.
    const signup = await raw('/api/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expectApiError(signup, 400);
  });

  test('malformed JSON is reported as such, its `fields` naming the body (issue 15: every 400 names its problem)', async () => {
    const res = await raw('/api/v1/evaluations', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"name": ' });
    const err = expectApiError(res, 400, 'malformed_json');
    expect(Object.keys(err.fields ?? {})).toEqual(['body']);
  });

  test('JSON in another charset than UTF-8 → 400 unsupported_charset naming the content type', async () => {
    const res = await raw('/api/v1/evaluations', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json; charset=utf-16' }, body: Buffer.from('{"name":"x"}', 'utf16le') });
    const err = expectApiError(res, 400, 'unsupported_charset');
    expect(Object.keys(err.fields ?? {})).toEqual(['content-type']);
    const utf8 = await raw('/api/v1/evaluations', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json; charset=UTF-8' }, body: '{"name":"UTF-8 is fine","template":"blank"}' });
    expect(utf8.status, utf8.text).toBe(201);
  });

  test('a wrong content type → 400, and nothing is created', async () => {
    const body = JSON.stringify({ name: 'Sent as something else', template: 'blank' });
    for (const type of ['application/xml', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await raw('/api/v1/evaluations', { method: 'POST', headers: { ...auth(), 'content-type': type }, body });
      expect(res.status, `${type}: ${res.text}`).toBe(400);
      expect(Object.keys(expectApiError(res, 400, 'unsupported_content_type').fields ?? {})).toEqual(['content-type']);
    }
    const none = await raw('/api/v1/evaluations', { method: 'POST', headers: auth(), body });
    expect(Object.keys(expectApiError(none, 400).fields ?? {})).toEqual(['content-type']);
  });

  test('a wrong content type on a PATCH is not taken as an empty change', async () => {
    const v = await api(app, owner.token, 'POST', `/api/v1/evaluations/${evalId}/vendors`, { name: 'Typed vendor' });
    const res = await raw(`/api/v1/evaluations/${evalId}/vendors/${v.json.id}`, {
      method: 'PATCH', headers: { ...auth(), 'content-type': 'application/xml' }, body: '<vendor><name>Renamed</name></vendor>',
    });
    expectApiError(res, 400);
  });

  test('ids in bodies: junk → 400 naming the field; a well-formed unknown id → 404, never 500', async () => {
    const res = await api(app, owner.token, 'PUT', `/api/v1/evaluations/${evalId}/scores`, { vendorId: 'x', criterionId: 1.5, value: 1 });
    expect(Object.keys(expectApiError(res, 400).fields ?? {}).sort()).toEqual(['criterionId', 'vendorId']);
    expectApiError(await api(app, owner.token, 'PUT', `/api/v1/evaluations/${evalId}/scores`, { vendorId: '999999999999999', criterionId: 1, value: 1 }), 404);
    const huge = await api(app, owner.token, 'PUT', `/api/v1/evaluations/${evalId}/scores`, { vendorId: '9999999999999999999', criterionId: 1, value: 1 });
    expect(Object.keys(expectApiError(huge, 400).fields ?? {})).toEqual(['vendorId']);
  });
});

describe('never a 500 for bad input', () => {
  test('odd JSON bodies on every write endpoint answer 4xx in the error shape', async () => {
    const c = (await api(app, owner.token, 'POST', `/api/v1/evaluations/${evalId}/criteria`, { name: 'Fuzzed criterion' })).json.id as string;
    const v = (await api(app, owner.token, 'POST', `/api/v1/evaluations/${evalId}/vendors`, { name: 'Fuzzed vendor' })).json.id as string;
    const e = `/api/v1/evaluations/${evalId}`;
    const endpoints: [string, string][] = [
      ['POST', '/api/v1/auth/signup'], ['POST', '/api/v1/auth/token'], ['POST', '/api/v1/evaluations'],
      ['POST', `${e}/criteria`], ['PATCH', `${e}/criteria/${c}`], ['PUT', `${e}/weights`],
      ['POST', `${e}/vendors`], ['PATCH', `${e}/vendors/${v}`], ['PUT', `${e}/scores`], ['POST', `${e}/scores/batch`],
    ];
    const bodies: unknown[] = [
      null, 42, 'text', [], [{}], { name: {} }, { name: 'x'.repeat(10_000) }, { parentId: -1, name: 'x' }, { parentId: '1e3', name: 'y' },
      { weights: [] }, { weights: { [c]: null } }, { weights: { [c]: 1e400 } }, { scores: 'x' }, { scores: [null] },
      { vendorId: v, criterionId: c, value: 1, version: -1 }, { vendorId: v, criterionId: c, value: 1, version: 1.5 },
      { vendorId: 0, criterionId: c, value: 1 }, { vendorId: v, criterionId: c, value: 1, comment: 7 },
      { email: ['a'], password: { x: 1 } }, { name: 'ok', price: 'free' }, { name: 'ok', website: 42 }, { scale: null, name: 'n' },
      { name: 'ok', kind: null }, { __proto__: { name: 'x' } }, { constructor: { prototype: { polluted: true } } },
    ];
    for (const [method, path] of endpoints) {
      for (const body of bodies) {
        const res = await api(app, owner.token, method, path, JSON.stringify(body));
        expect(res.status, `${method} ${path} ${JSON.stringify(body)} → ${res.text}`).toBeLessThan(500);
        if (res.status >= 400) expectApiError(res, res.status);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 30_000);
});

describe('413 for a body over 12 MB', () => {
  test('a 13 MB JSON body', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(13 * 1024 * 1024) });
    const res = await raw('/api/v1/evaluations', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body });
    expectApiError(res, 413, 'payload_too_large');
  });

  test('a 13 MB body announced by content-length, even without credentials', async () => {
    const body = 'x'.repeat(13 * 1024 * 1024);
    const res = await raw('/api/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body });
    expectApiError(res, 413, 'payload_too_large');
  });

  test('a body just under the limit is read (and fails validation instead)', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024) });
    const res = await raw('/api/v1/evaluations', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body });
    expect(Object.keys(expectApiError(res, 400, 'validation_failed').fields ?? {})).toEqual(['name']);
  });
});

describe('404s', () => {
  test('unknown /api paths → 404 JSON', async () => {
    for (const path of ['/api/v1/nope', '/api/v2/evaluations', '/api/v1/auth/nope', '/api/', `/api/v1/evaluations/${evalId}/nope`]) {
      const res = await api(app, owner.token, 'GET', path);
      expectApiError(res, 404, 'not_found');
    }
    // A method the path does not take.
    expectApiError(await api(app, owner.token, 'GET', '/api/v1/auth/signup'), 404, 'not_found');
  });

  test('an unknown page → 404 HTML', async () => {
    const res = await app.request('/no-such-page', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html.toLowerCase()).toMatch(/^<!doctype html>/);
    expect(html).toContain('404');
    // Without an Accept header too.
    const bare = await app.request('/definitely/not/here');
    expect(bare.status).toBe(404);
    expect(bare.headers.get('content-type')).toMatch(/^text\/html/);
  });

  test('an unknown page asked for as JSON gets JSON', async () => {
    const res = await raw('/no-such-page', { headers: { accept: 'application/json' } });
    expectApiError(res, 404, 'not_found');
  });
});

describe('every error has exactly the API.md shape', () => {
  test('a sample of 400, 401, 404, 409 and 413 answers', async () => {
    const samples: [ApiResult, number][] = [
      [await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: '' }), 400],
      [await api(app, null, 'GET', `/api/v1/evaluations/${evalId}`), 401],
      [await api(app, 'cxb_garbage', 'GET', `/api/v1/evaluations/${evalId}`), 401],
      [await api(app, null, 'POST', '/api/v1/auth/token', { email: 'nobody@example.test', password: 'whatever it is' }), 401],
      [await api(app, owner.token, 'GET', '/api/v1/evaluations/424242'), 404],
      [await api(app, null, 'POST', '/api/v1/auth/signup', { email: owner.email, password: 'long enough pw', name: 'N', teamName: 'T' }), 409],
    ];
    for (const [res, status] of samples) expectApiError(res, status);
    // 400s from validation carry fields; the rest do not.
    expect(samples[0]![0].json.error.fields).toEqual({ name: expect.any(String) });
    for (const [res] of samples.slice(1)) expect(res.json.error).not.toHaveProperty('fields');
    // The evaluation is still there and readable.
    expect(await evaluationStatus()).toBe(200);
  });

  test('errors never leak a stack trace or SQL', async () => {
    const res = await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: 'x', scale: { min: 'a', max: {} } });
    const err = expectApiError(res, 400);
    expect(res.text).not.toMatch(/at \w+ \(|sqlite|SELECT|node_modules/i);
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['scale.max', 'scale.min']);
  });
});
