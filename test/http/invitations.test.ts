import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, createEvaluation, expectApiError, signupUser } from '../setup/app.js';
import { formLogin, pageGet, pagePost, sessionCookieOf } from '../setup/pages.js';
import { makeMailApp, startSmtp } from '../setup/smtp.js';
import { closeTransports } from '../../server/mail/transport.js';

const linkIn = (text: string) => /https:\/\/cx\.example\.test(\/join\/[\w-]+)/.exec(text)?.[1];

describe('invitations by e-mail, through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => { smtp = await startSmtp(); });
  afterAll(async () => { closeTransports(); await smtp.close(); });

  test('an e-mail without an account is invited, listed as pending, joins through the pages once', async () => {
    const { app } = await makeMailApp(smtp.url);
    const fac = await signupUser(app, { name: 'Fay Facilitator' });
    const id = await createEvaluation(app, fac.token, { name: 'CX platform 2027' });
    const res = await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'New.Person@Example.test', role: 'evaluator' });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toEqual({ status: 'invited', emailed: true });

    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['new.person@example.test']);
    expect(mail!.subject).toContain('CX platform 2027');
    expect(mail!.text).toContain('Fay Facilitator has added you as an evaluator');
    expect(mail!.html).toContain('<a href="https://cx.example.test/join/');
    const path = linkIn(mail!.text)!;
    expect(path).toBeDefined();

    const listed = await api(app, fac.token, 'GET', `/api/v1/evaluations/${id}/members`);
    expect(listed.status).toBe(200);
    expect(listed.json.members).toContainEqual(expect.objectContaining({ userId: null, email: 'new.person@example.test', role: 'evaluator', status: 'invited' }));
    expect(listed.json.members).toContainEqual(expect.objectContaining({ userId: fac.userId, name: 'Fay Facilitator', role: 'facilitator', status: 'active' }));

    const page = await pageGet(app, null, path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Choose the name the panel will see');
    const short = await pagePost(app, null, path, { name: 'Nia New', password: 'short' });
    expect(short.status).toBe(422);
    const joined = await pagePost(app, null, path, { name: 'Nia New', password: 'a good long password' });
    expect(joined.status).toBe(303);
    expect(joined.headers.get('location')).toBe(`/evaluations/${id}`);
    const cookie = sessionCookieOf(joined)!;
    const overview = await pageGet(app, cookie, `/evaluations/${id}`);
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('Nia New');

    const after = await api(app, fac.token, 'GET', `/api/v1/evaluations/${id}/members`);
    expect(after.json.members).toContainEqual(expect.objectContaining({ email: 'new.person@example.test', name: 'Nia New', status: 'active', role: 'evaluator' }));
    expect(after.json.members.filter((m: { status: string }) => m.status === 'invited')).toEqual([]);

    const again = await pageGet(app, null, path);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('has been used already');
    const reuse = await pagePost(app, null, path, { name: 'Mallory', password: 'another long password' });
    expect(reuse.status).toBe(410);
    const audit = await api(app, fac.token, 'GET', `/api/v1/evaluations/${id}/audit`);
    expect(audit.json.entries.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`)).toEqual(expect.arrayContaining(['invite member-invitation', 'accept member']));
  });

  test('a stakeholder vote link created on the voting page is e-mailed, not shown', async () => {
    const { app } = await makeMailApp(smtp.url);
    const fac = await signupUser(app, { name: 'Fay Facilitator' });
    const cookie = await formLogin(app, fac.email, fac.password);
    const id = await createEvaluation(app, fac.token, { name: 'Vote mail 2027' });
    const before = smtp.received.length;
    const res = await pagePost(app, cookie, `/evaluations/${id}/voting/invites`, { email: 'finance.lead@example.test', name: 'Fin Lead', group: '' });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('Voting link e-mailed to finance.lead@example.test');
    expect(body).not.toContain('/invite/cxs_');
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(mail.to).toEqual(['finance.lead@example.test']);
    expect(mail.subject).toContain('Vote mail 2027');
    const path = /https:\/\/cx\.example\.test(\/invite\/[\w-]+)/.exec(mail.text)?.[1];
    expect(path).toBeDefined();
    expect((await pageGet(app, null, path!)).status).toBeLessThan(400);
  });

  test('a second invitation withdraws the first link, which then says so', async () => {
    const { app } = await makeMailApp(smtp.url);
    const fac = await signupUser(app);
    const id = await createEvaluation(app, fac.token);
    const before = smtp.received.length;
    await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'twice@example.test', role: 'observer' });
    await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'twice@example.test', role: 'observer' });
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const first = linkIn(mails[0]!.text)!;
    const res = await pageGet(app, null, first);
    expect(res.status).toBe(410);
    const text = await res.text();
    expect(text).toContain('withdrawn');
    expect(text).not.toContain('not yet');
    expect((await pageGet(app, null, linkIn(mails[1]!.text)!)).status).toBe(200);
    expect((await pageGet(app, null, '/join/cxs_nonsense')).status).toBe(404);
  });

  test('non-facilitators cannot invite or list; bad bodies are 400 with fields', async () => {
    const { app } = await makeMailApp(smtp.url);
    const fac = await signupUser(app);
    const ev = await signupUser(app);
    const id = await createEvaluation(app, fac.token);
    await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: ev.email, role: 'evaluator' });
    expectApiError(await api(app, ev.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'x@example.test', role: 'evaluator' }), 403);
    expectApiError(await api(app, ev.token, 'GET', `/api/v1/evaluations/${id}/members`), 403);
    const bad = expectApiError(await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'nope', role: 'boss' }), 400);
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(['email', 'role']));
  });
});

describe('e-mail off', () => {
  test('the invitation answers the link to copy, and nothing is sent', async () => {
    const { app } = await makeMailApp(null);
    const fac = await signupUser(app);
    const id = await createEvaluation(app, fac.token);
    const res = await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'off@example.test', role: 'stakeholder', group: 'IT' });
    expect(res.status).toBe(201);
    expect(res.json.status).toBe('invited');
    expect(res.json.emailed).toBe(false);
    expect(res.json.link).toMatch(/^http:\/\/localhost\/join\/cxs_/);
    const path = new URL(res.json.link).pathname;
    const joined = await pagePost(app, null, path, { name: 'Otto Off', password: 'a good long password' });
    expect(joined.status).toBe(303);
    expect(sessionCookieOf(joined)).toBeTruthy();
  });

  test('a vote link made on the voting page is shown once to copy, and the page says e-mail is off', async () => {
    const { app } = await makeMailApp(null);
    const fac = await signupUser(app);
    const cookie = await formLogin(app, fac.email, fac.password);
    const id = await createEvaluation(app, fac.token);
    const res = await pagePost(app, cookie, `/evaluations/${id}/voting/invites`, { email: 'copy.me@example.test', group: '' });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('E-mail is off on this server');
    expect(body).toMatch(/value="http:\/\/localhost\/invite\/cxs_/);
  });
});
