import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, createEvaluation, signupUser } from '../setup/app.js';
import { formLogin, pageGet, pagePost } from '../setup/pages.js';
import { makeMailApp, startSmtp } from '../setup/smtp.js';
import { mailTick } from '../../server/mail/scheduler.js';
import { mailSettings } from '../../server/mail/settings.js';
import { closeTransports } from '../../server/mail/transport.js';
import { setUserLocale } from '../../db/queries/users.js';

const H = 3_600_000;
const GERMAN = { 'accept-language': 'de-DE,de;q=0.9' };

// Issue 16: mail written in a request speaks the sender's language and its link carries it to the
// invitee; mail the scheduler writes speaks the language each recipient picked.
describe('e-mail in the right language', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => { smtp = await startSmtp(); });
  afterAll(async () => { closeTransports(); await smtp.close(); });

  test('a German inviter’s invitation is German, and its link opens the pages in German until the invitee picks', async () => {
    const { app } = await makeMailApp(smtp.url);
    const fac = await signupUser(app, { name: 'Frieda Fischer' });
    const id = await createEvaluation(app, fac.token, { name: 'CX-Plattform 2027' });
    const before = smtp.received.length;
    const res = await app.request(`/api/v1/evaluations/${id}/members`, {
      method: 'POST', headers: { authorization: `Bearer ${fac.token}`, 'content-type': 'application/json', ...GERMAN },
      body: JSON.stringify({ email: 'neu@example.test', role: 'evaluator' }),
    });
    expect(res.status).toBe(201);
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(mail.subject).toBe('Frieda Fischer lädt Sie zu „CX-Plattform 2027“ auf cxbench ein');
    expect(mail.text).toContain('als Bewerter:in hinzugefügt');
    expect(mail.text).not.toContain('has added you');
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.text).toMatch(/bis \d{1,2}\. [A-Z][a-zä]+\.? \d{4}, \d\d:\d\d UTC/); // "bis 19. Dez. 2026, 06:40 UTC"
    const path = /https:\/\/cx\.example\.test(\/join\/[\w-]+\?lang=de)\b/.exec(mail.text)?.[1];
    expect(path, mail.text).toBeDefined();

    const page = await pageGet(app, null, path!, { 'accept-language': 'en' });
    expect(await page.text()).toContain('<html lang="de">');
    const joined = await pagePost(app, null, path!, { name: 'Nina Neu', password: 'a good long password' }, { 'accept-language': 'en' });
    expect(joined.status).toBe(303);
    expect(joined.headers.get('location')).toBe(`/evaluations/${id}?lang=de`);
  });

  test('an English inviter’s vote link mail stays English and carries lang=en', async () => {
    const { app } = await makeMailApp(smtp.url);
    const fac = await signupUser(app, { name: 'Fay' });
    const cookie = await formLogin(app, fac.email, fac.password);
    const id = await createEvaluation(app, fac.token, { name: 'Vote mail' });
    const before = smtp.received.length;
    expect((await pagePost(app, cookie, `/evaluations/${id}/voting/invites`, { email: 'fin@example.test', name: 'Fin', group: '' })).status).toBe(200);
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(mail.subject).toBe('Your vote on the criteria of “Vote mail”');
    const path = /https:\/\/cx\.example\.test(\/invite\/[\w-]+\?lang=en)\b/.exec(mail.text)?.[1];
    expect(path, mail.text).toBeDefined();
    const opened = await pageGet(app, null, path!);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`/evaluations/${id}/vote?lang=en`);
  });

  test('the scheduler writes each recipient’s notice and reminder in the language they picked', async () => {
    const { app, db, env } = await makeMailApp(smtp.url);
    const s = mailSettings(env);
    const fac = await signupUser(app, { name: 'Fay' });
    const stake = await signupUser(app, { name: 'Staszek' });
    const id = await createEvaluation(app, fac.token, { name: 'Wybór CX' });
    await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: stake.email, role: 'stakeholder', group: 'IT' });
    await setUserLocale(db, Number(stake.userId), 'pl');
    const start = Date.now();
    const deadline = new Date(start + 72 * H).toISOString();
    expect((await api(app, fac.token, 'PUT', `/api/v1/evaluations/${id}/deadlines`, { voting: deadline })).status).toBe(200);
    expect((await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'voting', force: true })).status).toBe(200);

    const base = smtp.received.length;
    expect(await mailTick(db, s, new Date(start + 60_000))).toMatchObject({ mailings: 1, sent: 2 });
    const opened = smtp.received.slice(base);
    const toStake = opened.find((m) => m.to[0] === stake.email)!;
    const toFac = opened.find((m) => m.to[0] === fac.email)!;
    expect(toStake.subject).toBe('Głosowanie otwarte: „Wybór CX”');
    expect(toStake.text).toContain(`https://cx.example.test/evaluations/${id}/vote?lang=pl`);
    expect(toFac.subject).toBe('Voting is open: “Wybór CX”');

    expect(await mailTick(db, s, new Date(start + 25 * H))).toMatchObject({ mailings: 1, sent: 2 });
    const reminder = smtp.received.slice(base + 2).find((m) => m.to[0] === stake.email)!;
    expect(reminder.subject).toBe('Przypomnienie: głos w ewaluacji „Wybór CX” trzeba oddać w ciągu 48 godzin');
    expect(reminder.text).toContain('Oddaj głos');
    expect(reminder.text).toMatch(/Termin: \d{1,2} [a-ząćęłńóśźż]+ \d{4}, \d\d:\d\d UTC\./);
    expect(reminder.html).toContain('<html lang="pl">');
  });
});
