import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

type Json = Record<string, any>;

let app: TestApp;
let doc: Json;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  const res = await app.request('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Json;
});

/** `#/components/schemas/Error` → the object it points at, or undefined. */
const resolvePointer = (ref: string): unknown =>
  ref.startsWith('#/') ? ref.slice(2).split('/').reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc) : undefined;

function* refsIn(node: unknown): Generator<string> {
  if (Array.isArray(node)) for (const x of node) yield* refsIn(x);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') yield v;
      else yield* refsIn(v);
    }
  }
}

const operations = () =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).filter(([m]) => ['get', 'put', 'post', 'patch', 'delete'].includes(m)).map(([method, op]) => ({ path, method, op: op as Json })));

/**
 * The documented error shape, checked strictly: zod's reading of the JSON Schema, and no keys the
 * schema does not declare (the generator leaves additionalProperties open).
 */
function matchesErrorSchema(body: unknown) {
  const schema = doc.components.schemas.Error as Json;
  const parsed = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(body);
  const declaredOnly = (s: Json, v: unknown): boolean =>
    !s.properties || (typeof v === 'object' && v !== null && Object.entries(v).every(([k, x]) => k in s.properties && declaredOnly(s.properties[k], x)));
  return parsed.success && declaredOnly(schema, body);
}

describe('GET /api/v1/openapi.json', () => {
  it('is public and valid OpenAPI 3.1 in the basics', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(operations().length).toBeGreaterThan(30);
    for (const { path, method, op } of operations()) {
      expect(Object.keys(op.responses ?? {}).length, `${method} ${path} has responses`).toBeGreaterThan(0);
      const declared = new Set((op.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name));
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) expect(declared.has(name), `${method} ${path} declares {${name}}`).toBe(true);
    }
    const refs = [...refsIn(doc)];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => resolvePointer(r) === undefined), 'unresolved $refs').toEqual([]);
  });

  it('documents every API route the app serves', () => {
    // Middleware shows up as ALL; the document and the page describing it are not part of the API they describe.
    const served = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && r.path !== '/api/v1/openapi.json' && r.path !== '/api/v1/docs');
    expect(served.length).toBeGreaterThan(30);
    const missing = served
      .map((r) => ({ method: r.method.toLowerCase(), path: r.path.replace(/:([^/]+)/g, '{$1}') }))
      .filter((r) => !doc.paths[r.path]?.[r.method])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('describes the error shape the API really answers, and each error response refers to it', async () => {
    const user = await signupUser(app);
    const answers = {
      400: await api(app, user.token, 'POST', '/api/v1/evaluations', { name: '' }),
      401: await api(app, null, 'GET', '/api/v1/evaluations/1'),
      404: await api(app, user.token, 'GET', '/api/v1/evaluations/999999'),
      409: await api(app, null, 'POST', '/api/v1/auth/signup', { email: user.email, password: 'another long password', name: 'Twin', teamName: 'Twins' }),
    };
    for (const [status, res] of Object.entries(answers)) {
      expect(res.status).toBe(Number(status));
      expect(matchesErrorSchema(res.json), `${status} body ${res.text}`).toBe(true);
    }
    expect(Object.keys(answers[400].json.error.fields ?? {})).toContain('name');
    // The check itself must refuse another shape.
    expect(matchesErrorSchema({ error: { code: 'x' } })).toBe(false);
    expect(matchesErrorSchema({ error: { code: 'x', message: 'y', detail: 'z' } })).toBe(false);
    expect(matchesErrorSchema({ code: 'x', message: 'y' })).toBe(false);

    const errorRef = { $ref: '#/components/schemas/Error' };
    expect(doc.paths['/api/v1/evaluations'].post.responses['400'].content['application/json'].schema).toEqual(errorRef);
    expect(doc.paths['/api/v1/evaluations/{id}'].get.responses['401'].content['application/json'].schema).toEqual(errorRef);
    expect(doc.paths['/api/v1/evaluations/{id}'].get.responses['404'].content['application/json'].schema).toEqual(errorRef);
    expect(doc.paths['/api/v1/auth/signup'].post.responses['409'].content['application/json'].schema).toEqual(errorRef);
    for (const { path, method, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses as Json)) {
        if (Number(status) >= 400) expect((r as Json).content?.['application/json']?.schema, `${method} ${path} ${status}`).toEqual(errorRef);
      }
    }
  });

  it('documents the CSV import with its content type', () => {
    expect(Object.keys(doc.paths['/api/v1/evaluations/{id}/vendors/import'].post.requestBody.content)).toEqual(['text/csv']);
  });
});

describe('GET /api/v1/docs', () => {
  it('renders the reference from the document, without signing in', async () => {
    const res = await app.request('/api/v1/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/api/v1/openapi.json"');
    for (const { path, method } of operations()) expect(html, `${method} ${path}`).toContain(`id="${`${method} ${path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}"`);
    expect(html).not.toMatch(/<script(?![^>]*src=)/);
  });
});
