import { describe, test, expect, beforeAll } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { api, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

let app: TestApp;
beforeAll(async () => {
  ({ app } = await makeTestApp());
});

const signupBody = (over: Record<string, unknown> = {}) => ({
  email: 'ada@example.test', password: 'correct horse battery', name: 'Ada Lovelace', teamName: 'Procurement', ...over,
});

describe('GET /healthz', () => {
  test('answers 200 {ok: true} once the database is migrated, saying the database answered', async () => {
    const res = await api(app, null, 'GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, database: 'ok', engine: process.env.DATABASE_URL ? 'postgres' : 'sqlite', migrations: 'current' });
  });

  test('says migrations "pending" when the database lacks one this code knows (still 200: it answers)', async () => {
    const { app: behind, db } = await makeTestApp();
    const newest = Object.keys(migrations).sort().at(-1)!;
    await db.deleteFrom('kysely_migration' as any).where('name', '=', newest).execute();
    const res = await api(behind, null, 'GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual(expect.objectContaining({ ok: true, migrations: 'pending' }));
  });
});

describe('POST /api/v1/auth/signup', () => {
  test('201 with string ids and a token that works', async () => {
    const res = await api(app, null, 'POST', '/api/v1/auth/signup', signupBody({ email: 'first@example.test' }));
    expect(res.status).toBe(201);
    expect(Object.keys(res.json).sort()).toEqual(['teamId', 'token', 'userId']);
    expect(res.json.userId).toMatch(/^[1-9]\d*$/);
    expect(res.json.teamId).toMatch(/^[1-9]\d*$/);
    expect(res.json.token).toBeTypeOf('string');
    expect(res.json.token.length).toBeGreaterThanOrEqual(20);
    // The token authenticates: an absent evaluation is 404, not 401.
    const probe = await api(app, res.json.token, 'GET', '/api/v1/evaluations/999999');
    expectApiError(probe, 404, 'not_found');
  });

  test('409 for an email that exists, whatever its case', async () => {
    const first = await api(app, null, 'POST', '/api/v1/auth/signup', signupBody({ email: 'dup@example.test' }));
    expect(first.status).toBe(201);
    const same = await api(app, null, 'POST', '/api/v1/auth/signup', signupBody({ email: 'dup@example.test', teamName: 'Other' }));
    expectApiError(same, 409);
    const upper = await api(app, null, 'POST', '/api/v1/auth/signup', signupBody({ email: '  DUP@Example.TEST ', teamName: 'Other' }));
    expect(upper.json.error.code).toBe(same.json.error.code);
    expectApiError(upper, 409);
  });

  test('400 naming `password` for a 9-character password; 10 characters are enough', async () => {
    const short = await api(app, null, 'POST', '/api/v1/auth/signup', signupBody({ email: 'short@example.test', password: '123456789' }));
    const err = expectApiError(short, 400);
    expect(Object.keys(err.fields ?? {})).toEqual(['password']);
    const ok = await api(app, null, 'POST', '/api/v1/auth/signup', signupBody({ email: 'short@example.test', password: '1234567890' }));
    expect(ok.status).toBe(201);
  });

  test('400 naming `password` for a password of only whitespace (ten spaces, tabs, no-break and zero-width spaces); nothing created', async () => {
    for (const [i, password] of ['          ', '\t\t\t\t\t     ', '\u00a0'.repeat(10), '\u200b'.repeat(12), ' \n'.repeat(6)].entries()) {
      const res = await api(app, null, 'POST', '/api/v1/auth/signup', signupBody({ email: `blank${i}@example.test`, password }));
      const err = expectApiError(res, 400);
      expect(err.fields).toEqual({ password: 'A password of only spaces is not accepted; use letters, digits or symbols.' });
    }
    const token = await api(app, null, 'POST', '/api/v1/auth/token', { email: 'blank0@example.test', password: '          ' });
    expect(token.status).toBe(401);
  });

  test('400 naming `email` for a malformed email', async () => {
    const res = await api(app, null, 'POST', '/api/v1/auth/signup', signupBody({ email: 'not-an-email' }));
    const err = expectApiError(res, 400);
    expect(Object.keys(err.fields ?? {})).toEqual(['email']);
  });

  test('400 naming every missing field', async () => {
    const res = await api(app, null, 'POST', '/api/v1/auth/signup', {});
    const err = expectApiError(res, 400);
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['email', 'name', 'password', 'teamName']);
  });
});

describe('POST /api/v1/auth/token', () => {
  test('200 {token} for the right credentials (email in any case); the token works', async () => {
    const u = await signupUser(app, { email: 'tok@example.test', password: 'a long enough password' });
    const res = await api(app, null, 'POST', '/api/v1/auth/token', { email: 'TOK@example.test', password: 'a long enough password' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(['token']);
    expect(res.json.token).not.toBe(u.token);
    const create = await api(app, res.json.token, 'POST', '/api/v1/evaluations', { name: 'With a fresh token', template: 'blank' });
    expect(create.status).toBe(201);
  });

  test('401 for a wrong password and for an unknown email, alike', async () => {
    await signupUser(app, { email: 'wrong@example.test', password: 'the right password' });
    const wrongPassword = await api(app, null, 'POST', '/api/v1/auth/token', { email: 'wrong@example.test', password: 'the wrong password' });
    const unknown = await api(app, null, 'POST', '/api/v1/auth/token', { email: 'nobody@example.test', password: 'the right password' });
    const a = expectApiError(wrongPassword, 401);
    const b = expectApiError(unknown, 401);
    expect(a).toEqual(b);
  });
});

describe('Bearer tokens', () => {
  test('no credentials → 401 on an evaluation', async () => {
    const res = await api(app, null, 'GET', '/api/v1/evaluations/1');
    expectApiError(res, 401, 'unauthorized');
  });

  test('an unknown, garbage or malformed Bearer → 401 in the error shape', async () => {
    for (const header of ['Bearer cxb_not-a-real-token', 'Bearer ', 'Bearer a b c', 'Basic dXNlcjpwYXNz', 'garbage']) {
      const raw = await app.request('/api/v1/evaluations/1', { headers: { authorization: header } });
      const text = await raw.text();
      const res = { status: raw.status, json: JSON.parse(text), text, headers: raw.headers };
      expectApiError(res, 401, 'unauthorized');
    }
  });

  test('a revoked token is listed, answers 204 once, then 401 everywhere', async () => {
    const u = await signupUser(app);
    const spare = await api(app, null, 'POST', '/api/v1/auth/token', { email: u.email, password: u.password });
    expect(spare.status).toBe(200);

    const list = await api(app, u.token, 'GET', '/api/v1/auth/tokens');
    expect(list.status).toBe(200);
    expect(list.json.tokens).toHaveLength(2);
    for (const t of list.json.tokens) {
      expect(t.id).toMatch(/^[1-9]\d*$/);
      expect(t.revokedAt).toBeNull();
      expect(JSON.stringify(t)).not.toContain(u.token);
    }
    const signupToken = list.json.tokens.find((t: { label: string }) => t.label === 'signup');
    expect(signupToken).toBeDefined();

    const del = await api(app, u.token, 'DELETE', `/api/v1/auth/tokens/${signupToken.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');

    expectApiError(await api(app, u.token, 'GET', '/api/v1/auth/tokens'), 401, 'unauthorized');
    expectApiError(await api(app, u.token, 'POST', '/api/v1/evaluations', { name: 'x' }), 401, 'unauthorized');

    // The other token still works and sees the revocation.
    const after = await api(app, spare.json.token, 'GET', '/api/v1/auth/tokens');
    expect(after.status).toBe(200);
    const revoked = after.json.tokens.find((t: { id: string }) => t.id === signupToken.id);
    expect(revoked.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    // Revoking twice, or another user's token, is 404.
    expectApiError(await api(app, spare.json.token, 'DELETE', `/api/v1/auth/tokens/${signupToken.id}`), 404, 'not_found');
    const other = await signupUser(app);
    const spareId = after.json.tokens.find((t: { id: string }) => t.id !== signupToken.id).id;
    expectApiError(await api(app, other.token, 'DELETE', `/api/v1/auth/tokens/${spareId}`), 404, 'not_found');
    expect((await api(app, spare.json.token, 'GET', '/api/v1/auth/tokens')).status).toBe(200);
  });

  test('token listing needs credentials', async () => {
    expectApiError(await api(app, null, 'GET', '/api/v1/auth/tokens'), 401, 'unauthorized');
  });
});
