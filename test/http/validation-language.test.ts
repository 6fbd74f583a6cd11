import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addCriterion, api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet, pagePost } from '../setup/pages.js';

// Issue 16: validation messages in the reader's language (our own, and zod's where a schema names
// none), English unchanged; score and points inputs take the locale's decimal comma.
let app: TestApp;
let db: Db;
beforeEach(async () => {
  ({ app, db } = await makeTestApp());
});

const DE = { 'accept-language': 'de-DE,de;q=0.9' };

/** An API call with an Accept-Language header (the shared `api` helper sends none). */
async function apiIn(lang: string, token: string, method: string, path: string, body: unknown) {
  const res = await app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': lang }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text), text, headers: res.headers };
}

describe('validation messages follow the language', () => {
  test('a page form (sign-up) re-renders with German field messages; English stays as it was', async () => {
    const form = { name: 'Ada', email: 'not-an-address', password: 'abc', teamName: 'Einkauf' };
    const de = await pagePost(app, null, '/signup', form, DE);
    expect(de.status).toBe(422);
    const html = await de.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(esc('Geben Sie eine gültige E-Mail-Adresse ein.'));
    expect(html).toContain(esc('Zu kurz: 3 Zeichen; das Passwort braucht mindestens 10.'));
    expect(html).not.toContain('Enter a valid email address.');

    const en = await (await pagePost(app, null, '/signup', form)).text();
    expect(en).toContain('Enter a valid email address.');
    expect(en).toContain('Too short: 3 characters; the password needs at least 10.');
  });

  test('an API call answers 400 with German field messages, ours and zod’s own; English unchanged', async () => {
    const u = await signupUser(app);
    const bad = { name: '  ', template: 'fancy', scale: { min: 'low', max: 5 } };
    const de = expectApiError(await apiIn('de', u.token, 'POST', '/api/v1/evaluations', bad), 400);
    expect(de.fields).toMatchObject({ name: 'Pflichtfeld.', template: 'Wählen Sie "cxm-core" oder "blank".', 'scale.min': 'Eine Zahl von -1000 bis 1000.' });
    const en = expectApiError(await api(app, u.token, 'POST', '/api/v1/evaluations', bad), 400);
    expect(en.fields).toMatchObject({ name: 'Required.', template: 'Choose "cxm-core" or "blank".', 'scale.min': 'A number from -1000 to 1000.' });

    // No message of ours on the rubric's length: zod's bundled German answers.
    const id = await createEvaluation(app, u.token, { name: 'Sprachen', template: 'blank' });
    const rubric = Array.from({ length: 12 }, (_, i) => `Stufe ${i}`);
    const zodDe = expectApiError(await apiIn('de', u.token, 'POST', `/api/v1/evaluations/${id}/criteria`, { name: 'Datenschutz', rubric }), 400);
    expect(zodDe.fields?.rubric).toMatch(/^Zu groß/);
    const zodEn = expectApiError(await api(app, u.token, 'POST', `/api/v1/evaluations/${id}/criteria`, { name: 'Datenschutz', rubric }), 400);
    expect(zodEn.fields?.rubric).toMatch(/^Too big/);
    // Polish too, with its plural forms.
    const pl = expectApiError(await apiIn('pl', u.token, 'POST', '/api/v1/evaluations', { name: 'x'.repeat(121) }), 400);
    expect(pl.fields?.name).toBe('Najwyżej 120 znaków.');
  });
});

describe('decimal comma in score and points inputs', () => {
  test('the scoring grid takes "3,5" in an htmx cell write and shows the weights and points fields as decimal text', async () => {
    const u = await signupUser(app);
    const cookie = await formLogin(app, u.email, u.password);
    const id = await createEvaluation(app, u.token, { name: 'Komma', template: 'blank' });
    const leaf = await addCriterion(app, u.token, id, { name: 'Datenschutz' });
    const vendor = (await api(app, u.token, 'POST', `/api/v1/evaluations/${id}/vendors`, { name: 'Acme CX' })).json.id as string;
    expect((await api(app, u.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring' })).status).toBe(200);
    const res = await pagePost(app, cookie, `/evaluations/${id}/scoring/cell`, { vendorId: vendor, criterionId: leaf, version: '0', value: '3,5', comment: '' }, { 'hx-request': 'true', ...DE });
    expect(res.status, await res.clone().text()).toBe(200);
    const row = await db.selectFrom('scores').select('value').where('vendor_id', '=', Number(vendor)).where('criterion_id', '=', Number(leaf)).executeTakeFirstOrThrow();
    expect(row.value).toBe(3.5);

    const weights = await (await pageGet(app, cookie, `/evaluations/${id}/weights`, DE)).text();
    expect(weights).toMatch(/<input id="n-\d+" name="w\.\d+" inputmode="decimal"/);
    expect(weights).not.toContain('type="number"');
  });

  test('the points allocator takes "40,5": the vote stores 40.5', async () => {
    const owner = await signupUser(app);
    const id = await createEvaluation(app, owner.token, { name: 'Punkte' });
    const voter = await signupUser(app);
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: voter.email, role: 'stakeholder', group: 'Service' })).status).toBe(201);
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'voting' })).status).toBe(200);
    const cookie = await formLogin(app, voter.email, voter.password);
    const page = await (await pageGet(app, cookie, `/evaluations/${id}/vote`, DE)).text();
    const ids = [...page.matchAll(/name="p\.(\d+)" inputmode="decimal"/g)].map((x) => x[1]!);
    expect(ids).toHaveLength(5);
    const shares = ['40,5', '19,5', '20', '10', '10'];
    const form: Record<string, string> = { method: 'points' };
    ids.forEach((cid, i) => { form[`p.${cid}`] = shares[i]!; });
    const res = await pagePost(app, cookie, `/evaluations/${id}/vote`, form, DE);
    expect(res.status, await res.clone().text()).toBe(303);
    const vote = await db.selectFrom('votes').select(['method', 'payload']).where('evaluation_id', '=', Number(id)).executeTakeFirstOrThrow();
    expect(vote.method).toBe('points');
    expect(Object.values(JSON.parse(vote.payload).points ?? JSON.parse(vote.payload))).toContain(40.5);
  });
});
