import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../setup/browser.js';
import { apiAt, signedIn, signUp as signUpAt } from '../setup/browser-people.js';
import { evaluationPages, paramsFor } from '../setup/demo-pages.js';
import { XSS_PAYLOADS } from '../setup/xss-corpus.js';

// Issue 15, promise 6: the corpus in every user-text field through the API (and one CSV import),
// then every page of the evaluation in Chromium. Fails on a dialog, a CSP violation, `window.__xss`,
// or markup the payloads would have made live (on* / hx-* attributes, scripts, javascript: URLs).

const suite = browserSuite();
const P = XSS_PAYLOADS;
const all = (max: number) => P.join(' | ').slice(0, max);
const at = (i: number) => P[i % P.length]!;

/** What a page must not have: found in the live DOM after load (htmx swaps included). */
// Runs in the page: the project compiles without the DOM library, so the globals are typed loosely here.
/* eslint-disable @typescript-eslint/no-explicit-any */
function domProblems(): string[] {
  const { document, __xss } = globalThis as unknown as { document: any; __xss?: unknown };
  const out: string[] = [];
  const ours = new Set(['/static/', '/vendor/']);
  for (const el of Array.from(document.querySelectorAll('*')) as any[]) {
    for (const a of Array.from(el.attributes) as any[]) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) out.push(`<${el.tagName.toLowerCase()} ${name}>`);
      if (name.startsWith('hx-on') || ((name === 'hx-get' || name === 'hx-post') && a.value.includes('logout'))) out.push(`<${el.tagName.toLowerCase()} ${name}="${a.value}">`);
      if (['href', 'src', 'action', 'formaction', 'data'].includes(name) && /^\s*(javascript|data:text\/html)/i.test(a.value)) out.push(`<${el.tagName.toLowerCase()} ${name}="${a.value}">`);
    }
    if (el.tagName === 'SCRIPT') {
      const src = el.getAttribute('src') ?? '';
      if (el.textContent?.trim() || ![...ours].some((p) => src.startsWith(p))) out.push(`<script src="${src}">${el.textContent ?? ''}`);
    }
    if (['IFRAME', 'OBJECT', 'EMBED', 'BASE'].includes(el.tagName)) out.push(`<${el.tagName.toLowerCase()}>`);
  }
  if (__xss !== undefined) out.push('window.__xss was set');
  return out;
}

async function sweep(page: Page, base: string, paths: string[]) {
  const problems: string[] = [];
  page.on('dialog', (d) => { problems.push(`dialog "${d.message()}" on ${page.url()}`); void d.dismiss(); });
  page.on('console', (msg) => { if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) problems.push(`console: ${msg.text()} on ${page.url()}`); });
  await page.addInitScript(() => {
    const w = globalThis as unknown as { document: any; __csp?: string[] };
    w.document.addEventListener('securitypolicyviolation', (e: any) => {
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.setDefaultNavigationTimeout(30_000); // the robustness page computes sensitivity over ~130 vendors
  const statuses: Record<number, number> = {};
  for (const path of paths) {
    const res = await page.goto(base + path, { waitUntil: 'load' });
    const status = res?.status() ?? 0;
    statuses[status] = (statuses[status] ?? 0) + 1;
    await page.waitForTimeout(60); // htmx's load-triggered swaps
    for (const p of await page.evaluate(domProblems)) problems.push(`${p} on ${path}`);
    const csp = await page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []);
    for (const v of csp) problems.push(`CSP violation ${v} on ${path}`);
  }
  return { problems, statuses };
}

test(`${P.length} XSS payloads in every user-text field: no page of the evaluation runs any of them`, { timeout: 120_000 }, async () => {
  const t0 = Date.now();
  const base = suite.server.base;
  const json = apiAt(base);
  const tried: Record<string, { ok: number; refused: number }> = {};
  const put = async (field: string, method: string, path: string, token: string | null, body: unknown, okStatus: number[] = [200, 201]) => {
    const r = await json(method, path, token, body);
    const row = (tried[field] ??= { ok: 0, refused: 0 });
    if (okStatus.includes(r.status)) row.ok += 1; else row.refused += 1;
    expect(r.status, `${field}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
    return r;
  };

  const fay = await signUpAt(base, 'fay-xss@example.test', at(0));
  const rename = await put('team name', 'POST', '/api/v1/auth/signup', null, { email: 'team-xss@example.test', password: 'a-long-enough-password', name: at(1), teamName: at(2) });
  expect(rename.status).toBe(201);
  const ann = await signUpAt(base, 'ann-xss@example.test', at(3));
  const sam = await signUpAt(base, 'sam-xss@example.test', at(4));
  const ev = await put('evaluation name', 'POST', '/api/v1/evaluations', fay.token, { name: at(5), template: 'blank' });
  const id = ev.body.id as string;
  const e = `/api/v1/evaluations/${id}`;
  await put('member (evaluator)', 'POST', `${e}/members`, fay.token, { email: 'ann-xss@example.test', role: 'evaluator' });
  await put('group name', 'POST', `${e}/members`, fay.token, { email: 'sam-xss@example.test', role: 'stakeholder', group: at(6) });

  const criteria: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    const r = await put('criterion name + description', 'POST', `${e}/criteria`, fay.token, { name: at(i * 6), description: all(1000) });
    if (r.status === 201) criteria.push(r.body.id as string);
  }
  const vendors: string[] = [];
  // Two payloads to a vendor name keep the vendor count (and the robustness page's work) small.
  const pair = (i: number) => `${at(2 * i)} ${at(2 * i + 1)}`.slice(0, 120);
  for (let i = 0; i < Math.ceil(P.length / 2); i += 1) {
    const r = await put('vendor name + description', 'POST', `${e}/vendors`, fay.token, { name: pair(i), description: all(2000), price: 1000 + i });
    if (r.status === 201) vendors.push(r.body.id as string);
  }
  for (let i = 0; i < P.length; i += 1) await put('vendor website', 'POST', `${e}/vendors`, fay.token, { name: `Site ${i}`, website: P[i] });
  // A real address with markup in its query: refused today (quotes and spaces), and inert if it ever were not.
  await put('vendor website', 'POST', `${e}/vendors`, fay.token, { name: 'Site with a query', website: `https://example.test/?q="><script>alert(1)</script>&x=' onmouseover='alert(1)` });
  // A NUL byte makes the file binary, which the import refuses whole (promise 4): that payload stays out of it.
  const rows = P.filter((p) => !p.includes('\u0000')).reduce<string[][]>((acc, p, i) => (i % 2 ? acc.at(-1)!.push(p) : acc.push([p]), acc), []);
  const csv = ['name,website,description', ...rows.map((two, i) => [`CSV ${i} ${two.join(' ')}`, `https://example.test/${i}`, two.join(' ')].map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n');
  const imported = await fetch(`${base}${e}/vendors/import`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${fay.token}` }, body: csv });
  expect(imported.status, await imported.clone().text()).toBe(200);
  tried['CSV import rows'] = { ok: ((await imported.json()) as { created: number }).created, refused: 0 };

  await put('declaration', 'PUT', `${e}/declarations/me`, ann.token, { conflict: true, description: all(1000) });
  await put('declaration', 'PUT', `${e}/declarations/me`, fay.token, { conflict: false });
  await put('exclusion reason', 'POST', `${e}/exclusions`, fay.token, { userId: ann.userId, vendorId: vendors[0], reason: all(1000) });
  expect((await json('POST', `${e}/status`, fay.token, { status: 'scoring' })).status).toBe(200);
  const scored = vendors.slice(0, 10);
  for (const [vi, v] of scored.entries()) {
    for (const [ci, c] of criteria.entries()) {
      await put('score comment', 'PUT', `${e}/scores`, fay.token, { vendorId: v, criterionId: c, value: (vi + ci) % 6, comment: at(vi * 8 + ci) });
      if (vi !== 0) await put('score comment', 'PUT', `${e}/scores`, ann.token, { vendorId: v, criterionId: c, value: (vi * ci) % 6, comment: at(vi + ci * 3) });
    }
  }
  for (const [vi, v] of scored.entries()) await put('feedback comment', 'PUT', `${e}/feedback`, ann.token, { vendorId: v, nps: vi, comment: at(vi + 20) });
  await put('submission', 'POST', `${e}/submissions/me`, ann.token, undefined);
  expect((await json('POST', `${e}/status`, fay.token, { status: 'review', force: true })).status).toBe(200);
  for (const [ci, c] of criteria.entries()) await put('consensus rationale', 'PUT', `${e}/consensus`, fay.token, { vendorId: scored[1], criterionId: c, value: 3, rationale: at(ci + 30) });

  // Every page as the facilitator at review (every figure visible), then as the evaluator after the decision (its reason shown).
  const paths = [...evaluationPages(suite.server.routes, await paramsFor(suite.server.db, Number(id))), '/account'];
  const page = await signedIn(suite.browser, base, 'fay-xss@example.test');
  const atReview = await sweep(page, base, paths);
  await put('decision reason', 'POST', `${e}/decision`, fay.token, { vendorIds: scored.slice(0, 2), reason: all(4000), acknowledgeProvisional: true });
  const annPage = await signedIn(suite.browser, base, 'ann-xss@example.test');
  const asAnn = await sweep(annPage, base, paths);

  const problems = [...atReview.problems, ...asAnn.problems];
  const fields = Object.entries(tried).map(([f, n]) => `${f} ${n.ok} saved${n.refused ? ` / ${n.refused} refused` : ''}`).join('; ');
  console.log(`XSS sweep: ${P.length} payloads; writes: ${fields}`);
  console.log(`XSS sweep: ${paths.length} pages × 2 (the facilitator at review, the evaluator after the decision) = ${paths.length * 2} renders; statuses ${JSON.stringify([atReview.statuses, asAnn.statuses])}; ${problems.length} problems; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(problems).toEqual([]);
  // The payloads are on the pages as text (so the sweep saw them), e.g. the first vendor's name.
  await page.goto(`${base}/evaluations/${id}/vendors`);
  expect(await page.textContent('body')).toContain(pair(0));
  void sam;
});
