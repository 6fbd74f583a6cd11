import { describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT } from '../../server/security/login-throttle.js';
import { api, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { FORM, formLogin, pageGet, pagePost, sessionCookieOf } from '../setup/pages.js';

// Issue 15, promise 7: cookies, cross-origin posts, revocation, sign-in limits, no enumeration.

async function appWith(env: Record<string, string>, path = ':memory:'): Promise<{ app: TestApp; db: Db }> {
  const db = openSqlite(path);
  await migrateToLatest(db);
  return { app: createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0', ...env }) }), db };
}

const tokenLogin = (app: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  app.request('/api/v1/auth/token', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });

describe('session cookie flags', () => {
  test('over plain HTTP: cxb_session, HttpOnly, SameSite=Lax, Path=/, not Secure', async () => {
    const { app } = await makeTestApp();
    const u = await signupUser(app);
    const res = await pagePost(app, null, '/login', { email: u.email, password: u.password, next: '/' });
    const header = res.headers.get('set-cookie') ?? '';
    console.log(`plain HTTP Set-Cookie flags: ${header.replace(/=[^;]+;/, '=…;')}`);
    expect(header).toMatch(/^cxb_session=/);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//i);
    expect(header).not.toMatch(/Secure/i);
  });

  test('with COOKIE_SECURE=1: __Host-cxb_session, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain; the plain name is not read', async () => {
    const { app } = await appWith({ COOKIE_SECURE: '1' });
    const u = await signupUser(app);
    const origin = 'https://localhost';
    const res = await app.request(`${origin}/login`, { method: 'POST', headers: { origin, 'content-type': FORM }, body: new URLSearchParams({ email: u.email, password: u.password, next: '/' }).toString() });
    expect(res.status).toBe(303);
    const header = res.headers.get('set-cookie') ?? '';
    console.log(`HTTPS Set-Cookie flags: ${header.replace(/=[^;]+;/, '=…;')}`);
    expect(header).toMatch(/^__Host-cxb_session=/);
    for (const flag of [/; Secure/i, /HttpOnly/i, /SameSite=Lax/i, /Path=\//i]) expect(header).toMatch(flag);
    expect(header).not.toMatch(/Domain=/i);
    const secret = /^__Host-cxb_session=([^;]+)/.exec(header)![1]!;
    const signedIn = await app.request(`${origin}/account`, { headers: { cookie: `__Host-cxb_session=${secret}` } });
    expect(signedIn.status).toBe(200);
    // The same secret under the plain name (which a sibling subdomain could set) signs nobody in.
    const tossed = await app.request(`${origin}/account`, { headers: { cookie: `cxb_session=${secret}` } });
    expect(tossed.status).toBe(303);
    const out = await app.request(`${origin}/logout`, { method: 'POST', headers: { origin, cookie: `__Host-cxb_session=${secret}`, 'content-type': FORM }, body: '' });
    expect(out.headers.get('set-cookie') ?? '').toMatch(/^__Host-cxb_session=;.*Max-Age=0.*Secure/i);
  });
});

describe('cross-origin form posts', () => {
  test('a signed-in browser tricked into posting from another site gets 403 on pages and the API, and nothing changes', async () => {
    const { app } = await makeTestApp();
    const u = await signupUser(app);
    const cookie = await formLogin(app, u.email, u.password);
    const evil = { origin: 'https://evil.example' };
    const change = await pagePost(app, cookie, '/account/password', { currentPassword: u.password, newPassword: 'attacker password 1' }, evil);
    expect(change.status).toBe(403);
    const create = await pagePost(app, cookie, '/evaluations', { name: 'Forged', template: 'blank', scaleMin: '0', scaleMax: '5' }, evil);
    expect(create.status).toBe(403);
    const sameSitePort = await pagePost(app, cookie, '/evaluations', { name: 'Forged', template: 'blank', scaleMin: '0', scaleMax: '5' }, { origin: 'http://localhost:8081' });
    expect(sameSitePort.status).toBe(403);
    const apiForm = await app.request('http://localhost/api/v1/evaluations', { method: 'POST', headers: { ...evil, cookie, 'content-type': FORM }, body: 'name=Forged' });
    expect(apiForm.status).toBe(403);
    expect((await api(app, u.token, 'GET', '/api/v1/auth/tokens')).json.tokens.every((t: { revokedAt: unknown }) => t.revokedAt === null)).toBe(true);
    expect((await tokenLogin(app, u.email, u.password)).status).toBe(200);
  });
});

describe('password change revokes sessions and tokens', () => {
  test('API: POST /api/v1/auth/password answers a new token; every older token and session stops working', async () => {
    const { app } = await makeTestApp();
    const u = await signupUser(app);
    const second = ((await tokenLogin(app, u.email, u.password)).json() as Promise<{ token: string }>);
    const { token: other } = await second;
    const cookie = await formLogin(app, u.email, u.password);
    const wrong = await api(app, u.token, 'POST', '/api/v1/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new password' });
    expect(expectApiError(wrong, 400, 'wrong_password').fields).toHaveProperty('currentPassword');
    const weak = await api(app, u.token, 'POST', '/api/v1/auth/password', { currentPassword: u.password, newPassword: '          ' });
    expect(expectApiError(weak, 400).fields).toHaveProperty('newPassword');
    const anonymous = await api(app, null, 'POST', '/api/v1/auth/password', { currentPassword: u.password, newPassword: 'a brand new password' });
    expectApiError(anonymous, 401);

    const res = await api(app, u.token, 'POST', '/api/v1/auth/password', { currentPassword: u.password, newPassword: 'a brand new password' });
    expect(res.status, res.text).toBe(200);
    const fresh = res.json.token as string;
    for (const old of [u.token, other]) expectApiError(await api(app, old, 'GET', '/api/v1/auth/tokens'), 401);
    expect((await pageGet(app, cookie, '/account')).status).toBe(303);
    expect((await api(app, fresh, 'GET', '/api/v1/auth/tokens')).status).toBe(200);
    expect((await tokenLogin(app, u.email, u.password)).status).toBe(401);
    expect((await tokenLogin(app, u.email, 'a brand new password')).status).toBe(200);
  });

  test('page: /account changes the password, keeps this browser signed in with a new cookie, and ends the other sessions', async () => {
    const { app } = await makeTestApp();
    const u = await signupUser(app);
    const here = await formLogin(app, u.email, u.password);
    const elsewhere = await formLogin(app, u.email, u.password);
    const form = await (await pageGet(app, here, '/account')).text();
    expect(form).toContain('action="/account/password"');
    const bad = await pagePost(app, here, '/account/password', { currentPassword: 'wrong wrong wrong', newPassword: 'a brand new password' });
    expect(bad.status).toBe(422);
    const res = await pagePost(app, here, '/account/password', { currentPassword: u.password, newPassword: 'a brand new password' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account?changed=1');
    const renewed = sessionCookieOf(res)!;
    expect(renewed).not.toBe(here);
    expect((await pageGet(app, renewed, '/account?changed=1')).status).toBe(200);
    for (const old of [here, elsewhere]) expect((await pageGet(app, old, '/account')).status).toBe(303);
    expectApiError(await api(app, u.token, 'GET', '/api/v1/auth/tokens'), 401);
  });
});

describe('sign-in limits', () => {
  test(`per account: after ${ACCOUNT_FAILURE_LIMIT} failures, 429 with Retry-After even for the right password, for a real and an unknown e-mail alike, on the API and the form`, async () => {
    const { app } = await makeTestApp();
    const u = await signupUser(app);
    const ghost = `nobody-${Date.now()}@example.test`;
    for (const email of [u.email, ghost]) {
      for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i += 1) expect((await tokenLogin(app, email, `wrong ${i} password`)).status).toBe(401);
    }
    for (const email of [u.email, ghost]) {
      const res = await tokenLogin(app, email, u.password);
      expect(res.status).toBe(429);
      const retry = Number(res.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(800);
      expect(retry).toBeLessThanOrEqual(900);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
      const page = await pagePost(app, null, '/login', { email, password: u.password, next: '/' });
      expect(page.status).toBe(429);
      expect(page.headers.get('retry-after')).not.toBeNull();
      expect(sessionCookieOf(page)).toBeNull();
    }
    // Another account is not affected.
    const v = await signupUser(app);
    expect((await tokenLogin(app, v.email, v.password)).status).toBe(200);
    console.log(`account limit: ${ACCOUNT_FAILURE_LIMIT} failures, then 429 for the known and the unknown e-mail alike`);
  });

  test('a success clears the account\'s count', async () => {
    const { app } = await makeTestApp();
    const u = await signupUser(app);
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i += 1) expect((await tokenLogin(app, u.email, 'wrong password!')).status).toBe(401);
      expect((await tokenLogin(app, u.email, u.password)).status).toBe(200);
    }
  });

  test(`per client address (TRUST_PROXY=1, last X-Forwarded-For hop): ${ADDRESS_FAILURE_LIMIT} failures over many accounts, then 429 for that address only`, async () => {
    const { app } = await appWith({ TRUST_PROXY: '1' });
    const u = await signupUser(app);
    const from = (ip: string) => ({ 'x-forwarded-for': `203.0.113.99, ${ip}` });
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i += 1) expect((await tokenLogin(app, `spray${i}@example.test`, 'Winter2026!!', from('198.51.100.7'))).status).toBe(401);
    const blocked = await tokenLogin(app, u.email, u.password, from('198.51.100.7'));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    // The forged first hop does not matter; another address signs in.
    expect((await tokenLogin(app, u.email, u.password, from('198.51.100.8'))).status).toBe(200);
  });

  test('the counts live in the database: a second process on the same file sees them', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cxbench-throttle-')), 'test.db');
    const first = await appWith({}, file);
    const u = await signupUser(first.app);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i += 1) expect((await tokenLogin(first.app, u.email, 'wrong password!')).status).toBe(401);
    const second = await appWith({}, file);
    expect((await tokenLogin(second.app, u.email, u.password)).status).toBe(429);
    await first.db.destroy();
    await second.db.destroy();
  });
});

describe('no user enumeration', () => {
  test('login: an unknown e-mail and a wrong password read the same (their times are printed)', async () => {
    const { app } = await makeTestApp();
    const u = await signupUser(app);
    const time = async (email: string) => {
      const t0 = performance.now();
      const res = await tokenLogin(app, email, 'not the password');
      return { ms: performance.now() - t0, status: res.status, body: await res.text() };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    let a, b;
    for (let i = 0; i < 9; i += 1) {
      a = await time(u.email);
      b = await time(`ghost${i}-${Date.now()}@example.test`);
      known.push(a.ms);
      unknown.push(b.ms);
    }
    expect(a!.status).toBe(401);
    expect(b!.status).toBe(401);
    expect(a!.body).toBe(b!.body);
    // The fastest of each: the least disturbed by other work on a shared machine (medians flaked under load).
    const fastest = (xs: number[]) => Math.min(...xs);
    console.log(`login timing: wrong password fastest ${fastest(known).toFixed(1)} ms, unknown e-mail ${fastest(unknown).toFixed(1)} ms`);
    // Times are printed, not asserted (they flake on a shared machine): test/http/login-equal-work.test.ts
    // asserts the equal work instead, one scrypt run at the same cost for either mistake.
    const formKnown = await (await pagePost(app, null, '/login', { email: u.email, password: 'nope nope', next: '/' })).text();
    const formUnknown = await (await pagePost(app, null, '/login', { email: 'ghost@example.test', password: 'nope nope', next: '/' })).text();
    expect(formKnown.replace(u.email, 'X')).toBe(formUnknown.replace('ghost@example.test', 'X'));
  });
});
