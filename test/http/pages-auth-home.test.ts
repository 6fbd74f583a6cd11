import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { m } from '../../views/messages/index.js';
import { api, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { cookieValue, esc, formLogin, pageGet, pagePost, sessionCookieOf, sha256Hex } from '../setup/pages.js';

let app: TestApp;
let db: Db;

beforeEach(async () => {
  ({ app, db } = await makeTestApp());
});

const countOf = async (table: 'users' | 'teams' | 'sessions' | 'evaluations') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const signupForm = (over: Record<string, string> = {}) => ({ name: 'Ada Lovelace', email: 'ada@example.test', password: 'analytical-engine', teamName: 'Procurement', ...over });

describe('home and sign-in', () => {
  test('GET / without a session shows the sign-in form that posts to /login and comes back to /', async () => {
    const res = await pageGet(app, null, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<h1>${esc(m.auth.loginTitle)}</h1>`);
    expect(html).toContain('<form method="post" action="/login"');
    expect(html).toContain('<input type="hidden" name="next" value="/"/>');
    expect(html).toContain('name="email"');
    expect(html).toContain('name="password" type="password"');
    expect(html).not.toContain(esc(m.home.title));
    expect(sessionCookieOf(res)).toBeNull();
  });

  test('every page carries security headers: a CSP with script-src self and no unsafe-inline', async () => {
    const u = await signupUser(app);
    const cookie = await formLogin(app, u.email, u.password);
    for (const [who, path] of [[null, '/'], [null, '/login'], [cookie, '/']] as const) {
      const res = await pageGet(app, who, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
      expect(csp).toMatch(/(^|;)\s*default-src 'self'(;|$)/);
      expect(csp).toMatch(/(^|;)\s*frame-ancestors 'none'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });
});

describe('POST /signup', () => {
  test('a 9-character password → 422 with the message, the values kept (never the password), nothing created', async () => {
    const res = await pagePost(app, null, '/signup', signupForm({ password: '123456789' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    // Issue 12: the hint once, and an error that says what is wrong with this password.
    expect(html.split('At least 10 characters.').length - 1).toBe(1);
    expect(html).toContain('Too short: 9 characters; the password needs at least 10.');
    expect(html).toContain(esc(m.formHasErrors));
    expect(html).toContain('value="ada@example.test"');
    expect(html).not.toContain('123456789');
    expect(sessionCookieOf(res)).toBeNull();
    expect(await countOf('users')).toBe(0);
    expect(await countOf('teams')).toBe(0);
    expect(await countOf('sessions')).toBe(0);
  });

  test('a password of ten spaces → 422 saying so, nothing created', async () => {
    const res = await pagePost(app, null, '/signup', signupForm({ password: ' '.repeat(10) }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('A password of only spaces is not accepted; use letters, digits or symbols.');
    expect(html.split('At least 10 characters.').length - 1).toBe(1);
    expect(await countOf('users')).toBe(0);
    expect(sessionCookieOf(res)).toBeNull();
  });

  test('success → 303 to / with an HttpOnly, SameSite=Lax session cookie whose value is stored only as a hash', async () => {
    const res = await pagePost(app, null, '/signup', signupForm());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^cxb_session=[^;]+;/);
    expect(setCookie).toMatch(/;\s*HttpOnly(;|$)/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax(;|$)/i);
    expect(setCookie).toMatch(/;\s*Path=\/(;|$)/);
    const pair = sessionCookieOf(res)!;
    const secret = cookieValue(pair);
    expect(secret.length).toBeGreaterThanOrEqual(40);

    const user = await db.selectFrom('users').select(['id', 'email', 'password_hash']).executeTakeFirstOrThrow();
    expect(user.email).toBe('ada@example.test');
    expect(user.password_hash).not.toContain('analytical-engine');
    const sessions = await db.selectFrom('sessions').selectAll().execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.user_id).toBe(user.id);
    expect(sessions[0]!.token_hash).not.toBe(secret);
    expect(sessions[0]!.token_hash).toBe(sha256Hex(secret));
    expect(JSON.stringify(sessions)).not.toContain(secret);

    // The cookie signs the person in: the home page lists (no) evaluations instead of the sign-in form.
    const home = await (await pageGet(app, pair, '/')).text();
    expect(home).toContain(`<h1>${esc(m.home.title)}</h1>`);
    expect(home).toContain(esc(m.home.empty));
    expect(home).toContain('Ada Lovelace');
    expect(home).not.toContain('action="/login"');
  });

  test('an email that is taken → 422 with the message; still one user', async () => {
    expect((await pagePost(app, null, '/signup', signupForm())).status).toBe(303);
    const again = await pagePost(app, null, '/signup', signupForm({ email: 'ADA@example.test', name: 'Someone else' }));
    expect(again.status).toBe(422);
    expect(await again.text()).toContain(esc(m.auth.emailTaken));
    expect(await countOf('users')).toBe(1);
  });
});

describe('POST /login', () => {
  test('a wrong password → 422 with the wrong-credentials message and no cookie; an unknown email reads the same', async () => {
    const u = await signupUser(app);
    const sessionsBefore = await countOf('sessions');
    const wrong = await pagePost(app, null, '/login', { email: u.email, password: 'not the password', next: '/' });
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain(esc(m.auth.wrongCredentials));
    expect(html).toContain(`value="${u.email}"`);
    expect(sessionCookieOf(wrong)).toBeNull();

    const unknown = await pagePost(app, null, '/login', { email: 'nobody@example.test', password: u.password, next: '/' });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain(esc(m.auth.wrongCredentials));
    expect(await countOf('sessions')).toBe(sessionsBefore);
  });

  test('next= only ever redirects on-site: //host and absolute URLs fall back to /, a local path is kept', async () => {
    const u = await signupUser(app);
    const cases: [string, string][] = [
      ['//evil.example', '/'],
      ['https://evil.example', '/'],
      ['//evil.example/evaluations/1', '/'],
      ['/\\evil.example', '/'],
      ['javascript:alert(1)', '/'],
      ['/evaluations/1', '/evaluations/1'],
      ['/evaluations/1/scoring?page=2', '/evaluations/1/scoring?page=2'],
    ];
    for (const [next, expected] of cases) {
      const res = await pagePost(app, null, '/login', { email: u.email, password: u.password, next });
      expect(res.status, next).toBe(303);
      expect(res.headers.get('location'), next).toBe(expected);
    }
    // The sign-in page puts only a safe next into its hidden field.
    const evil = await (await pageGet(app, null, `/login?next=${encodeURIComponent('//evil.example')}`)).text();
    expect(evil).toContain('<input type="hidden" name="next" value="/"/>');
    expect(evil).not.toContain('evil.example');
    const kept = await (await pageGet(app, null, `/login?next=${encodeURIComponent('/evaluations/1')}`)).text();
    expect(kept).toContain('<input type="hidden" name="next" value="/evaluations/1"/>');
  });

  test('a page behind sign-in sends the visitor to /login?next=<that page>', async () => {
    const res = await pageGet(app, null, '/evaluations/1/ranking');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fevaluations%2F1%2Franking');
  });

  test('a form post without our Origin is refused (403) and signs nobody in', async () => {
    const u = await signupUser(app);
    const res = await pagePost(app, null, '/login', { email: u.email, password: u.password, next: '/' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(sessionCookieOf(res)).toBeNull();
  });
});

describe('POST /logout', () => {
  test('ends the session: the row is gone, the cookie is cleared, and the old cookie no longer signs in', async () => {
    const u = await signupUser(app);
    const cookie = await formLogin(app, u.email, u.password);
    const id = (await api(app, u.token, 'POST', '/api/v1/evaluations', { name: 'Kept private' })).json.id as string;
    expect((await pageGet(app, cookie, `/evaluations/${id}`)).status).toBe(200);
    const hash = sha256Hex(cookieValue(cookie));
    expect(await db.selectFrom('sessions').select('id').where('token_hash', '=', hash).executeTakeFirst()).toBeDefined();

    const out = await pagePost(app, cookie, '/logout', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect(out.headers.get('set-cookie') ?? '').toMatch(/^cxb_session=;.*Max-Age=0/i);
    expect(await db.selectFrom('sessions').select('id').where('token_hash', '=', hash).executeTakeFirst()).toBeUndefined();

    // A copy of the old cookie (kept by an attacker, or a second tab) is now worthless.
    const after = await pageGet(app, cookie, `/evaluations/${id}`);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/evaluations/${id}`)}`);
    expect(await (await pageGet(app, cookie, '/')).text()).toContain(`<h1>${esc(m.auth.loginTitle)}</h1>`);
    // The API token is a separate credential and still works.
    expect((await api(app, u.token, 'GET', `/api/v1/evaluations/${id}`)).status).toBe(200);
  });

  test('signing out one browser leaves another session of the same person signed in', async () => {
    const u = await signupUser(app);
    const a = await formLogin(app, u.email, u.password);
    const b = await formLogin(app, u.email, u.password);
    expect(a).not.toBe(b);
    expect((await pagePost(app, a, '/logout', {})).status).toBe(303);
    expect(await (await pageGet(app, b, '/')).text()).toContain(`<h1>${esc(m.home.title)}</h1>`);
  });
});

describe('POST /evaluations (the home page form)', () => {
  async function signedIn() {
    const u = await signupUser(app);
    return { ...u, cookie: await formLogin(app, u.email, u.password) };
  }

  test('an empty name → 422 with the message on the form; nothing created', async () => {
    const u = await signedIn();
    const res = await pagePost(app, u.cookie, '/evaluations', { name: '   ', template: 'cxm-core', scaleMin: '0', scaleMax: '5' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(esc(m.formHasErrors));
    expect(html).toMatch(/<div class="field field-error">\s*<label for="f-name">Name<\/label>/);
    expect(html).toContain('Required.');
    expect(html).toContain(`<h1>${esc(m.home.title)}</h1>`);
    expect(await countOf('evaluations')).toBe(0);
  });

  test('a scale whose maximum is not above its minimum → 422 with the message; the typed values stay', async () => {
    const u = await signedIn();
    for (const [min, max] of [['5', '5'], ['10', '1']] as const) {
      const res = await pagePost(app, u.cookie, '/evaluations', { name: 'Odd scale', template: 'blank', scaleMin: min, scaleMax: max });
      expect(res.status, `${min}–${max}`).toBe(422);
      const html = await res.text();
      expect(html).toContain('<p class="error-text" role="alert">The scale maximum must be above its minimum.</p>');
      expect(html).toContain('<fieldset class="field field-error">');
      expect(html).toContain(`name="scaleMin" inputmode="decimal" autocomplete="off" class="input-short" value="${min}"`);
      expect(html).toContain(`name="scaleMax" inputmode="decimal" autocomplete="off" class="input-short" value="${max}"`);
      expect(html).toContain('value="Odd scale"');
    }
    expect(await countOf('evaluations')).toBe(0);
  });

  test('a valid form → 303 to /evaluations/:id with the chosen template and scale; it shows on the home page', async () => {
    const u = await signedIn();
    const res = await pagePost(app, u.cookie, '/evaluations', { name: '  CXM platform 2027 ', template: 'blank', scaleMin: '1', scaleMax: '10' });
    expect(res.status).toBe(303);
    const id = /^\/evaluations\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1];
    expect(id).toBeDefined();
    const row = await db.selectFrom('evaluations').selectAll().executeTakeFirstOrThrow();
    expect(String(row.id)).toBe(id);
    expect(row).toMatchObject({ name: 'CXM platform 2027', template: 'blank', scale_min: 1, scale_max: 10, status: 'draft', created_by: Number(u.userId) });
    const home = await (await pageGet(app, u.cookie, '/')).text();
    expect(home).toContain(`<a href="/evaluations/${id}" class="card-title">CXM platform 2027</a>`);
    expect(home).toContain(`${m.home.yourRole}: ${m.roles.facilitator}`);
  });

  test('without a session the form post goes to sign-in and creates nothing', async () => {
    const res = await pagePost(app, null, '/evaluations', { name: 'Anonymous', template: 'blank', scaleMin: '0', scaleMax: '5' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fevaluations');
    expect(await countOf('evaluations')).toBe(0);
  });
});

describe('GET /evaluations/:id (overview)', () => {
  test('a fresh CXM evaluation shows the next steps with its real counts', async () => {
    const u = await signupUser(app);
    const cookie = await formLogin(app, u.email, u.password);
    const created = await pagePost(app, cookie, '/evaluations', { name: 'CXM selection', template: 'cxm-core', scaleMin: '0', scaleMax: '5' });
    const base = created.headers.get('location')!;
    const id = base.split('/').pop()!;
    const criteria = (await api(app, u.token, 'GET', `/api/v1/evaluations/${id}/criteria`)).json.criteria as { id: string; parentId: string | null }[];
    const vendors = (await api(app, u.token, 'GET', `/api/v1/evaluations/${id}/vendors`)).json.vendors as { id: string; name: string }[];
    const leaves = criteria.filter((c) => !criteria.some((x) => x.parentId === c.id));
    expect(criteria.length).toBe(21);
    expect(leaves.length).toBe(16);
    expect(vendors.length).toBeGreaterThan(10);

    const res = await pageGet(app, cookie, base);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>CXM selection</h1>');
    expect(html).toContain(esc(m.overview.scale(0, 5)));
    expect(html).toContain(`<h2>${esc(m.overview.steps)}</h2>`);
    const steps: [string, string, boolean][] = [
      [m.overview.stepCriteria(21), `${base}/criteria`, true],
      [m.overview.stepVendors(vendors.length), `${base}/vendors`, true],
      [m.overview.stepWeights(1), `${base}/weights`, true],
      [m.overview.stepScoring(0, 16 * vendors.length), `${base}/scoring`, false],
      [m.overview.stepRanking(null), `${base}/ranking`, false],
    ];
    for (const [text, href, done] of steps) {
      expect(html).toContain(`<li class="${done ? 'step step-done' : 'step'}"><span>${esc(text)}</span><a href="${href}" class="button button-small">${m.overview.open}</a></li>`);
    }

    // One score later the scoring step counts it and a leader appears.
    const leaf = leaves[0]!;
    const vendor = vendors[0]!;
    expect((await api(app, u.token, 'PUT', `/api/v1/evaluations/${id}/declarations/me`, { conflict: false })).status).toBe(200);
    expect((await api(app, u.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: vendor.id, criterionId: leaf.id, value: 5 })).status).toBe(200);
    const after = await (await pageGet(app, cookie, base)).text();
    // One cell of many is not done: no ✓ until every cell is scored (issue 12).
    expect(after).toContain(`<li class="step"><span>${esc(m.overview.stepScoring(1, 16 * vendors.length))}</span>`);
    // Only the scored vendor is ranked, the rest are not yet scored; the facilitator has joined the
    // panel and not submitted, so the leader is by their own scores (issue 11).
    expect(after).toContain(`<li class="step step-done"><span>${esc(m.overview.stepRanking(vendor.name, { ranked: 1, unscored: vendors.length - 1 }, true))}</span>`);
  });

  test("another team's evaluation is 404 and an unknown id is 404", async () => {
    const owner = await signupUser(app);
    const id = (await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: 'Secret plans' })).json.id as string;
    const other = await signupUser(app);
    const cookie = await formLogin(app, other.email, other.password);
    const res = await pageGet(app, cookie, `/evaluations/${id}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Secret plans');
    expect((await pageGet(app, cookie, '/evaluations/999999')).status).toBe(404);
    expect((await pageGet(app, cookie, '/evaluations/abc')).status).toBe(404);
  });
});

test('signing in after a redirect returns to the page asked for, query string included', async () => {
  const { app } = await makeTestApp();
  const res = await app.request('http://localhost/evaluations/1/ranking?limit=all');
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/evaluations/1/ranking?limit=all')}`);
});
