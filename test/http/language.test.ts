import { describe, expect, test } from 'vitest';
import { negotiateLocale } from '../../server/i18n/locales.js';
import { chooseLocale } from '../../server/i18n/choose.js';
import { makeTestApp } from '../setup/app.js';
import { pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { findUserByEmail, userLocale } from '../../db/queries/users.js';

// Issue 16, item 1: the language comes from the person's pick (remembered), else from a link's
// `lang`, else Accept-Language; every page says which (`lang`, Content-Language).
describe('choosing the language', () => {
  test('Accept-Language: highest q wins, regions ignored, unknown and q=0 skipped', () => {
    expect(negotiateLocale('de-AT,de;q=0.9,en;q=0.8')).toBe('de');
    expect(negotiateLocale('fr-FR, nl;q=0.5, pl;q=0.7')).toBe('pl');
    expect(negotiateLocale('pl;q=0, nl')).toBe('nl');
    expect(negotiateLocale('fr, *;q=0.1')).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('de;q=abc,nl;q=0.2')).toBe('nl');
  });

  test('the pick beats a link’s lang, which beats the browser', () => {
    expect(chooseLocale('pl', 'de', 'nl')).toBe('pl');
    expect(chooseLocale(undefined, 'de', 'nl')).toBe('de');
    expect(chooseLocale('xx', 'yy', 'nl')).toBe('nl');
  });

  test('pages answer in the browser’s language, with lang and Content-Language set', async () => {
    const { app } = await makeTestApp();
    const res = await pageGet(app, null, '/login', { 'accept-language': 'de-DE,de;q=0.9' });
    const html = await res.text();
    expect(res.headers.get('content-language')).toBe('de');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Konto anlegen');
    const en = await (await pageGet(app, null, '/login')).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Create account');
  });

  test('a link’s lang holds for the pages after it until the person picks, and never overrides a pick', async () => {
    const { app } = await makeTestApp();
    const first = await pageGet(app, null, '/login?lang=pl', { 'accept-language': 'en' });
    expect(await first.text()).toContain('<html lang="pl">');
    const kept = /cxb_lang=pl/.exec(first.headers.get('set-cookie') ?? '')?.[0];
    expect(kept).toBe('cxb_lang=pl');
    expect(await (await pageGet(app, kept!, '/signup', { 'accept-language': 'en' })).text()).toContain('<html lang="pl">');
    const picked = await pageGet(app, 'cxb_lang=nl', '/login?lang=pl');
    expect(await picked.text()).toContain('<html lang="nl">');
    expect(picked.headers.get('set-cookie') ?? '').not.toContain('cxb_lang');
  });

  test('the switcher remembers the pick (cookie and account) and goes back where it was', async () => {
    const { app, db } = await makeTestApp();
    const { cookie } = await signedInUser(app, 'lang@example.com');
    const owner = await findUserByEmail(db, 'lang@example.com');
    const res = await pagePost(app, cookie, '/language', { lang: 'nl', back: '/account?x=1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account?x=1');
    const langCookie = /cxb_lang=nl/.exec(res.headers.get('set-cookie') ?? '')?.[0];
    expect(langCookie).toBe('cxb_lang=nl');
    expect(await userLocale(db, owner!.id)).toBe('nl');
    const page = await (await pageGet(app, `${cookie}; ${langCookie}`, '/account', { 'accept-language': 'de' })).text();
    expect(page).toContain('<html lang="nl">');
  });

  test('without a back field the switch returns through a same-origin Referer, never another site’s', async () => {
    const { app } = await makeTestApp();
    const same = await pagePost(app, null, '/language', { lang: 'pl' }, { referer: 'http://localhost/login?next=%2Fevaluations' });
    expect(same.headers.get('location')).toBe('/login?next=%2Fevaluations');
    const other = await pagePost(app, null, '/language', { lang: 'pl' }, { referer: 'http://evil.example/x' });
    expect(other.headers.get('location')).toBe('/');
  });

  test('the switcher never sends anyone off-site, and refuses a language it does not offer', async () => {
    const { app } = await makeTestApp();
    for (const back of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await pagePost(app, null, '/language', { lang: 'de', back });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/');
    }
    const refused = await pagePost(app, null, '/language', { lang: 'fr', back: '/' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('set-cookie') ?? '').not.toContain('cxb_lang');
  });
});
