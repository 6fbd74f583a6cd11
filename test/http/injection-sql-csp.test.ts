import { describe, expect, test } from 'vitest';
import { api, makeTestApp, signupUser } from '../setup/app.js';
import { esc, formLogin, pageGet } from '../setup/pages.js';

// Issue 15, promise 6: SQL metacharacters are data, and the CSP allows no inline script.

const NAMES = ["O'Brien'; DROP TABLE vendors; --", '100% CX', 'Under_score', 'Back\\slash', 'Quote " and `tick`', '%', '_', '\\'];

describe('SQL metacharacters round-trip unchanged', () => {
  test('through vendor, criterion and evaluation names, and the vendor search matches them literally', async () => {
    const { app } = await makeTestApp();
    const u = await signupUser(app, { name: NAMES[0]!, teamName: NAMES[1]! });
    const ev = await api(app, u.token, 'POST', '/api/v1/evaluations', { name: NAMES[0], template: 'blank' });
    expect(ev.status).toBe(201);
    const id = ev.json.id as string;
    expect((await api(app, u.token, 'GET', `/api/v1/evaluations/${id}`)).json.name).toBe(NAMES[0]);
    for (const name of NAMES) {
      expect((await api(app, u.token, 'POST', `/api/v1/evaluations/${id}/vendors`, { name })).status).toBe(201);
      expect((await api(app, u.token, 'POST', `/api/v1/evaluations/${id}/criteria`, { name })).status).toBe(201);
    }
    expect((await api(app, u.token, 'POST', `/api/v1/evaluations/${id}/vendors`, { name: 'Plain Vendor' })).status).toBe(201);
    const vendors = (await api(app, u.token, 'GET', `/api/v1/evaluations/${id}/vendors`)).json.vendors.map((v: { name: string }) => v.name);
    const criteria = (await api(app, u.token, 'GET', `/api/v1/evaluations/${id}/criteria`)).json.criteria.map((c: { name: string }) => c.name);
    expect([...vendors].sort()).toEqual([...NAMES, 'Plain Vendor'].sort());
    expect([...criteria].sort()).toEqual([...NAMES].sort());

    // The search treats % _ \ as the characters they are, not as LIKE wildcards.
    const cookie = await formLogin(app, u.email, u.password);
    const found = async (q: string) => {
      const html = await (await pageGet(app, cookie, `/evaluations/${id}/vendors?q=${encodeURIComponent(q)}`)).text();
      return [...NAMES, 'Plain Vendor'].filter((n) => html.includes(esc(n)) && (n.length > 1 || html.includes(`>${esc(n)}<`)));
    };
    expect(await found('%')).not.toContain('Plain Vendor');
    expect(await found('%')).toContain('100% CX');
    expect(await found('_')).not.toContain('Plain Vendor');
    expect(await found('_')).toContain('Under_score');
    expect(await found('\\')).toContain('Back\\slash');
    expect(await found('\\')).not.toContain('Plain Vendor');
    expect(await found("'; DROP")).toContain(NAMES[0]);
    console.log(`SQL metacharacters: ${NAMES.length} names round-tripped through vendors, criteria and evaluation names; % _ \\ matched literally in search`);
  });
});

describe('Content-Security-Policy', () => {
  test("no 'unsafe-inline' or 'unsafe-eval' for scripts on pages and the API", async () => {
    const { app } = await makeTestApp();
    for (const path of ['/login', '/api/v1/openapi.json']) {
      const csp = (await app.request(`http://localhost${path}`)).headers.get('content-security-policy') ?? '';
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(script, csp).toBe("'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/base-uri 'none'/);
    }
  });
});
