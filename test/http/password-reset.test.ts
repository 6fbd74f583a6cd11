import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { formLogin, pageGet, pagePost } from '../setup/pages.js';
import { makeMailApp, startSmtp } from '../setup/smtp.js';
import { closeTransports } from '../../server/mail/transport.js';
import type { Db } from '../../db/client.js';
import { operatorResetLink } from '../../server/services/password-reset.js';

/** Issue 15, promise 7: password reset by e-mail, through a real SMTP server in this process. */

const linkIn = (text: string) => /https:\/\/cx\.example\.test(\/password-reset\/(cxp_[\w-]+))/.exec(text);
const tokenLogin = (app: TestApp, email: string, password: string) => api(app, null, 'POST', '/api/v1/auth/token', { email, password });
const auditActions = async (db: Db, userId: string) => (await db.selectFrom('audit_entries').select('action').where('actor_id', '=', Number(userId)).orderBy('id').execute()).map((r) => r.action);
const NEW = 'a fresh long password';

describe('password reset by e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => { smtp = await startSmtp(); });
  afterAll(async () => { closeTransports(); await smtp.close(); });

  /** Asks for a link on the page and returns the path and token of the mail that arrives for `email`. */
  async function mailedLink(app: TestApp, email: string): Promise<{ path: string; token: string }> {
    const before = smtp.received.length;
    const res = await pagePost(app, null, '/password-reset', { email });
    expect(res.status).toBe(200);
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(mail.to).toEqual([email.toLowerCase()]);
    const m = linkIn(mail.text)!;
    return { path: m[1]!, token: m[2]! };
  }

  test('pages: the same answer for every address; the link sets a password once, ends every session and token, and is audited', async () => {
    const { app, db } = await makeMailApp(smtp.url);
    const u = await signupUser(app);
    const cookie = await formLogin(app, u.email, u.password);
    expect(await (await pageGet(app, null, '/login')).text()).toContain('href="/password-reset"');
    expect(await (await pageGet(app, null, '/password-reset')).text()).toContain('action="/password-reset"');

    const before = smtp.received.length;
    const unknown = await pagePost(app, null, '/password-reset', { email: 'nobody.here@example.test' });
    const known = await pagePost(app, null, '/password-reset', { email: u.email });
    expect([unknown.status, known.status]).toEqual([200, 200]);
    // The same page but for the address it repeats back.
    const strip = (html: string, email: string) => html.replaceAll(email, 'ADDRESS');
    expect(strip(await known.text(), u.email)).toBe(strip(await unknown.text(), 'nobody.here@example.test'));
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toEqual([u.email]);
    expect(mail!.subject).toBe('Reset your cxbench password');
    expect(mail!.html).toContain('<a href="https://cx.example.test/password-reset/cxp_');
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.length, 'no mail for an address without an account').toBe(before + 1);
    const [, path, token] = linkIn(mail!.text)!;

    // At rest: the link's hash only, and the sent mail's body blanked in the outbox.
    const rows = await db.selectFrom('password_resets').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token!);
    await expect.poll(async () => JSON.stringify(await db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'password-reset').execute())).not.toContain(token!);

    const form = await pageGet(app, null, path!);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(u.email);
    const blank = await pagePost(app, null, path!, { password: '          ' });
    expect(blank.status).toBe(422);
    expect(await blank.text()).toContain('A password of only spaces is not accepted');
    const done = await pagePost(app, null, path!, { password: NEW });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/login?reset=done');
    expect(await (await pageGet(app, null, '/login?reset=done')).text()).toContain('Your new password is set');

    expect((await pageGet(app, cookie, '/account')).status, 'the old session is over').toBe(303);
    expectApiError(await api(app, u.token, 'GET', '/api/v1/auth/tokens'), 401);
    expect((await tokenLogin(app, u.email, u.password)).status).toBe(401);
    expect((await tokenLogin(app, u.email, NEW)).status).toBe(200);

    const again = await pageGet(app, null, path!);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('has been used already');
    expect((await pagePost(app, null, path!, { password: 'yet another password' })).status).toBe(410);
    expect((await tokenLogin(app, u.email, 'yet another password')).status).toBe(401);
    expect(await auditActions(db, u.userId)).toEqual(['signup', 'password_reset_request', 'password_reset']);
  });

  test('expired, replaced and tampered links are refused, on the pages and the API', async () => {
    const { app, db } = await makeMailApp(smtp.url);
    const u = await signupUser(app);
    const first = await mailedLink(app, u.email);
    const second = await mailedLink(app, u.email);
    expect((await pageGet(app, null, first.path)).status, 'a newer link retires the older').toBe(410);
    expect(await (await pageGet(app, null, first.path)).text()).toContain('replaced by a newer one');

    const tampered = second.token.slice(0, -1) + (second.token.endsWith('A') ? 'B' : 'A');
    expect((await pageGet(app, null, `/password-reset/${tampered}`)).status).toBe(404);
    expect((await pagePost(app, null, `/password-reset/${tampered}`, { password: NEW })).status).toBe(404);
    expect(expectApiError(await api(app, null, 'POST', '/api/v1/auth/password-reset/confirm', { token: tampered, newPassword: NEW }), 400, 'invalid_reset_link').fields).toHaveProperty('token');

    // Thirty minutes later: the stored expiry is in the past.
    await db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const expired = await pageGet(app, null, second.path);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('has expired');
    expect((await pagePost(app, null, second.path, { password: NEW })).status).toBe(410);
    expectApiError(await api(app, null, 'POST', '/api/v1/auth/password-reset/confirm', { token: second.token, newPassword: NEW }), 400, 'invalid_reset_link');
    expect((await tokenLogin(app, u.email, u.password)).status, 'the password is unchanged').toBe(200);
  });

  test('API: 202 with the same body for any address; confirm once (of two racing, one wins); tokens revoked', async () => {
    const { app } = await makeMailApp(smtp.url);
    const u = await signupUser(app);
    const before = smtp.received.length;
    const unknown = await api(app, null, 'POST', '/api/v1/auth/password-reset', { email: 'not.a.user@example.test' });
    const known = await api(app, null, 'POST', '/api/v1/auth/password-reset', { email: u.email.toUpperCase() });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(known.text).toBe(unknown.text);
    expect(expectApiError(await api(app, null, 'POST', '/api/v1/auth/password-reset', { email: 'not an address' }), 400).fields).toHaveProperty('email');
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    const token = linkIn(mail.text)![2]!;

    const weak = await api(app, null, 'POST', '/api/v1/auth/password-reset/confirm', { token, newPassword: 'short' });
    expect(expectApiError(weak, 400).fields).toHaveProperty('newPassword');
    const race = await Promise.all([0, 1, 2].map((i) => api(app, null, 'POST', '/api/v1/auth/password-reset/confirm', { token, newPassword: `${NEW} ${i}` })));
    expect(race.map((r) => r.status).sort()).toEqual([204, 400, 400]);
    const winner = race.findIndex((r) => r.status === 204);
    expectApiError(await api(app, u.token, 'GET', '/api/v1/auth/tokens'), 401);
    expect((await tokenLogin(app, u.email, `${NEW} ${winner}`)).status).toBe(200);
    expect((await tokenLogin(app, u.email, `${NEW} ${(winner + 1) % 3}`)).status).toBe(401);
  });

  test('requests are limited per address typed, whether or not it has an account (429 with Retry-After)', async () => {
    const { app } = await makeMailApp(smtp.url);
    const u = await signupUser(app);
    for (const email of [u.email, 'ghost@example.test']) {
      for (let i = 0; i < 3; i++) expect((await pagePost(app, null, '/password-reset', { email })).status).toBe(200);
      const page = await pagePost(app, null, '/password-reset', { email });
      expect(page.status).toBe(429);
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await page.text()).toContain('Too many reset requests');
      const res = await api(app, null, 'POST', '/api/v1/auth/password-reset', { email });
      expectApiError(res, 429, 'too_many_requests');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  test('without SMTP the page says reset by e-mail is unavailable and whom to ask; the API answers 404', async () => {
    const { app } = await makeTestApp();
    const u = await signupUser(app);
    const page = await pageGet(app, null, '/password-reset');
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('sends no e-mail');
    expect(text).toContain('Ask whoever runs this server');
    expect(text).not.toContain('action="/password-reset"');
    expect((await pagePost(app, null, '/password-reset', { email: u.email })).status).toBe(404);
    expectApiError(await api(app, null, 'POST', '/api/v1/auth/password-reset', { email: u.email }), 404, 'password_reset_unavailable');
    expectApiError(await api(app, null, 'POST', '/api/v1/auth/password-reset/confirm', { token: 'x', newPassword: NEW }), 404, 'password_reset_unavailable');
  });

  test('without SMTP, the link the operator makes (npm run reset-link) sets the password once', async () => {
    const { app, db } = await makeTestApp();
    const u = await signupUser(app);
    expect(await operatorResetLink(db, 'nobody@example.test', 'http://localhost:3000')).toBeNull();
    const made = (await operatorResetLink(db, u.email, 'http://localhost:3000'))!;
    const path = new URL(made.link).pathname;
    expect((await pagePost(app, null, path, { password: NEW })).status).toBe(303);
    expect((await pagePost(app, null, path, { password: NEW })).status).toBe(410);
    expect((await tokenLogin(app, u.email, NEW)).status).toBe(200);
    expectApiError(await api(app, u.token, 'GET', '/api/v1/auth/tokens'), 401);
  });
});
