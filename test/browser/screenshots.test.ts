import { expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite } from '../setup/browser.js';
import { signInOn } from '../setup/browser-people.js';
import { evaluationPages, paramsFor } from '../setup/demo-pages.js';
import { DEMO_LOGIN, DEMO_NAME } from '../../seeds/demo.js';
import { SCORING_DEMO_NAME } from '../../seeds/demo-scoring.js';
import { DECIDED_DEMO_NAME } from '../../seeds/demo-decided.js';
import { evaluationsForUser } from '../../db/queries/evaluations.js';
import { findUserByEmail } from '../../db/queries/users.js';

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

/** The pages to picture: every page of the main demo (in review), the scoring day from the evaluation caught mid-scoring, the decision from the decided one. */
async function pageList(): Promise<{ slug: string; path: string }[]> {
  const { db, routes } = suite.server;
  const dana = (await findUserByEmail(db, DEMO_LOGIN.email))!;
  const mine = await evaluationsForUser(db, dana.id);
  const idOf = (name: string) => mine.find((e) => e.name === name)!.id;
  const slugOf = (stage: string, path: string) => `${stage}${path.replace(/^\/evaluations\/\d+/, '').replace(/\/\d+/g, '').replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || '-overview'}`;
  const main = evaluationPages(routes, await paramsFor(db, idOf(DEMO_NAME)));
  const scoring = (await paramsFor(db, idOf(SCORING_DEMO_NAME))).id;
  const decided = (await paramsFor(db, idOf(DECIDED_DEMO_NAME))).id;
  return [
    ...main.map((path) => ({ slug: path.startsWith('/evaluations/') ? slugOf('review', path) : `home${path.replace(/\//g, '-').replace(/-$/, '')}`, path })),
    ...['', '/scoring', '/members', '/submission'].map((p) => ({ slug: slugOf('scoring', p), path: `/evaluations/${scoring}${p}` })),
    ...['', '/decision'].map((p) => ({ slug: slugOf('decided', p), path: `/evaluations/${decided}${p}` })),
  ];
}

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
