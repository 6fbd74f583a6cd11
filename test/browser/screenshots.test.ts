import { expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite } from '../setup/browser.js';
import { signInOn } from '../setup/browser-people.js';
import { DEMO_LOGIN } from '../../seeds/demo.js';
import { demoPageList } from '../setup/demo-pages.js';

// Issue 12: the screenshots in docs/ (and the README's) are made from the demo by this test, so
// they show what `npm start` shows. An ordinary run writes them to a temp directory and checks each
// page rendered; `npm run screenshots` (UPDATE_SCREENSHOTS=1) writes full pages into docs/.

const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const OUT = UPDATE ? 'docs/screenshots' : mkdtempSync(join(tmpdir(), 'cxbench-shots-'));
// Pictures for docs wait for the parts htmx loads after the page; the ordinary check needs the page only.
const SETTLED = UPDATE ? 'networkidle' : 'load';
const MAX_HEIGHT = 2400;
const WIDTHS = [{ name: 'desktop', width: 1366, height: 900 }, { name: 'phone', width: 390, height: 844 }] as const;

const suite = browserSuite({ demo: true });

/** The pages to picture: the demo's sweep list (test/setup/demo-pages.ts). */
const pageList = () => demoPageList(suite.server.db, suite.server.routes);

/** Opens `path` and pictures it; returns why it could not, or null. Pages the facilitator cannot open (403/404, fragments) are skipped. */
async function shoot(page: Page, base: string, path: string, file: string): Promise<'skipped' | 'taken'> {
  const res = await page.goto(`${base}${path}`, { waitUntil: SETTLED });
  if (!res || res.status() >= 400 || !(await res.text()).toLowerCase().startsWith('<!doctype')) return 'skipped';
  // JPEG, and at most the first 2,400 px of a long page, keep the folder small enough to commit
  // (whole pages as PNG came to 14 MB); the README's picture stays PNG.
  const height = Math.min(MAX_HEIGHT, await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight));
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: file, fullPage: UPDATE, animations: 'disabled', type: 'jpeg', quality: 80, ...(UPDATE ? { clip: { x: 0, y: 0, width, height } } : {}) });
  return 'taken';
}

test('every page of the demo is pictured at 1366 and 390 px, and the README picture is the demo ranking', async () => {
  const { browser, server } = suite;
  const pages = await pageList();
  if (UPDATE) { rmSync(OUT, { recursive: true, force: true }); mkdirSync(OUT, { recursive: true }); }
  const taken: string[] = [];
  for (const size of WIDTHS) {
    const context: BrowserContext = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    await signInOn(page, server.base, DEMO_LOGIN.email, DEMO_LOGIN.password);
    for (const { slug, path } of pages) {
      const file = join(OUT, `${slug}-${size.width}.jpg`);
      if ((await shoot(page, server.base, path, file)) === 'taken') taken.push(`${slug}-${size.width}.jpg`);
    }
    if (size.width === 1366) {
      // The README's picture: the demo's ranking at desktop width, first screen only.
      const ranking = pages.find((p) => p.slug === 'review-ranking')!;
      await page.goto(`${server.base}${ranking.path}`, { waitUntil: SETTLED });
      await page.screenshot({ path: UPDATE ? 'docs/screenshot-ranking.png' : join(OUT, 'readme.png') });
    }
    await context.close();
  }
  // The signed-out pages, once per width.
  for (const size of WIDTHS) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    for (const path of ['/login', '/signup']) if ((await shoot(page, server.base, path, join(OUT, `signed-out${path.replace('/', '-')}-${size.width}.jpg`))) === 'taken') taken.push(`signed-out${path.replace('/', '-')}-${size.width}.jpg`);
    await context.close();
  }
  if (UPDATE) writeFileSync(join(OUT, 'README.md'), index(taken));

  // Every page of the list was pictured at both widths (none silently skipped), and nothing else is in the folder.
  const expected = ['review-ranking', 'review-review', 'review-voting', 'review-feedback', 'scoring-scoring', 'scoring-members', 'decided-decision', 'signed-out-login'];
  for (const slug of expected) for (const size of WIDTHS) expect(taken, `${slug} at ${size.width}`).toContain(`${slug}-${size.width}.jpg`);
  expect(readdirSync(OUT).filter((f) => f.endsWith('.jpg')).sort()).toEqual([...taken].sort());
}, 300_000);

/** docs/screenshots/README.md: the pictures by page, desktop and phone side by side. */
function index(files: string[]): string {
  const slugs = [...new Set(files.map((f) => f.replace(/-\d+\.jpg$/, '')))];
  return [
    '# Screenshots', '',
    'Made from the demo data by `npm run screenshots` (test/browser/screenshots.test.ts); do not edit by hand.',
    'Each page at 1366 px (desktop) and 390 px (phone).', '',
    '| Page | Desktop | Phone |', '|---|---|---|',
    ...slugs.map((s) => `| ${s} | ![${s} at 1366 px](${s}-1366.jpg) | ![${s} at 390 px](${s}-390.jpg) |`), '',
  ].join('\n');
}
