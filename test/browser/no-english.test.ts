import { expect, test } from 'vitest';
import { browserSuite } from '../setup/browser.js';
import { signInOn } from '../setup/browser-people.js';
import { demoPageList } from '../setup/demo-pages.js';
import { englishFragments } from '../setup/english-fragments.js';
import { DEMO_LOGIN } from '../../seeds/demo.js';

// Issue 16, item 3: every page of the demo rendered in German, looking for the English source
// strings — in the text people read and in what assistive technology reads (labels, titles,
// placeholders). Criterion and vendor names stay as the team typed them, so only our own
// message text counts.

const suite = browserSuite({ demo: true });

const readable = () => {
  const doc = (globalThis as unknown as { document: { title: string; body: { innerText: string }; querySelectorAll: (s: string) => ArrayLike<{ getAttribute: (a: string) => string | null }> } }).document;
  const attrs = Array.from(doc.querySelectorAll('[aria-label],[title],[placeholder],[alt],[aria-description]'))
    .flatMap((el) => ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'].map((a) => el.getAttribute(a) ?? ''));
  return [doc.title, doc.body.innerText, ...attrs].join('\n');
};

test('no English on any page in German', async () => {
  const { browser, server } = suite;
  const fragments = englishFragments('de');
  expect(fragments.length).toBeGreaterThan(300); // the check has something to look for
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'de-DE' });
  await context.addCookies([{ name: 'cxb_lang', value: 'de', url: server.base }]);
  const page = await context.newPage();
  const found: string[] = [];
  const visited: string[] = [];
  for (const path of ['/login', '/signup']) {
    await page.goto(`${server.base}${path}`);
    const text = await page.evaluate(readable);
    for (const f of fragments) if (text.includes(f)) found.push(`${path}: “${f}”`);
  }
  await signInOn(page, server.base, DEMO_LOGIN.email, DEMO_LOGIN.password);
  for (const { path } of await demoPageList(server.db, server.routes)) {
    const res = await page.goto(`${server.base}${path}`, { waitUntil: 'networkidle' });
    // Pages the facilitator may not open, and htmx fragments (no document of their own), are skipped.
    if (!res || res.status() >= 400 || !(await res.text()).toLowerCase().startsWith('<!doctype')) continue;
    visited.push(path);
    const lang = await page.getAttribute('html', 'lang');
    if (lang !== 'de') found.push(`${path}: <html lang="${lang}">`);
    const text = await page.evaluate(readable);
    for (const f of fragments) if (text.includes(f)) found.push(`${path}: “${f}”`);
  }
  await context.close();
  console.log(`German sweep: ${visited.length} pages signed in + 2 signed out, ${fragments.length} English fragments looked for, ${found.length} found`);
  expect(visited.length).toBeGreaterThan(20);
  expect(found).toEqual([]);
}, 240_000);
