import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServer } from '../setup/browser.js';
import { m } from '../../views/messages/index.js';
import { withLocale } from '../../server/i18n/current.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { evaluationsForUser } from '../../db/queries/evaluations.js';
import { findUserByEmail } from '../../db/queries/users.js';

// Issue 16, item 5: the first-day journey of test/browser/journey.test.ts once in German, from a
// browser that asks for German. Every label the test looks for is the German catalogue's own text
// (read through `m` in German), so the test proves the page speaks German, not that it matches a
// copy of the words.

const de = <T>(text: () => T): T => withLocale('de', text);

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'de-DE', extraHTTPHeaders: { 'accept-language': 'de-DE,de;q=0.9' } });
  page.setDefaultTimeout(8_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function scoreCell(vendor: string, criterion: string, value: string) {
  const input = page.getByLabel(de(() => m.scoring.scoreFor(vendor, criterion)), { exact: true });
  await input.click();
  await input.fill(value);
  const saved = page.waitForResponse((r) => r.url().endsWith('/scoring/cell') && r.request().method() === 'POST');
  await input.press('Tab');
  return (await saved).status();
}

test('a German user signs up, creates from the template, weighs, scores, ranks and exports, all in German', async () => {
  await page.goto(`${server.base}/signup`);
  expect(await page.getAttribute('html', 'lang')).toBe('de');
  await page.getByLabel(de(() => m.auth.name)).fill('Petra Beschaffung');
  await page.getByLabel(de(() => m.auth.email), { exact: true }).fill('petra@example.test');
  await page.getByLabel(de(() => m.auth.password), { exact: true }).fill('ein-lang-genuges-passwort');
  await page.getByLabel(de(() => m.auth.teamName)).fill('Einkauf GmbH');
  await page.getByRole('button', { name: de(() => m.auth.signupButton) }).click();
  await page.getByRole('heading', { name: de(() => m.home.title) }).waitFor();

  await page.getByLabel(de(() => m.home.name), { exact: true }).fill('CXM-Auswahl');
  await page.getByRole('button', { name: de(() => m.home.create) }).click();
  await page.getByRole('heading', { name: 'CXM-Auswahl' }).waitFor();

  // The template's criteria arrive in German; the test reads their names from the database.
  const petra = (await findUserByEmail(server.db, 'petra@example.test'))!;
  const evaluation = (await evaluationsForUser(server.db, petra.id))[0]!;
  const criteria = await criteriaOf(server.db, evaluation.id);
  const top = criteria.filter((c) => c.parent_id === null && c.kind === 'scored');
  const leavesOf = (id: number) => criteria.filter((c) => c.parent_id === id);
  const [first, ...rest] = top;

  await page.getByRole('link', { name: de(() => m.tabs.weights), exact: true }).click();
  await page.getByRole('textbox', { name: first!.name, exact: true }).fill('60');
  for (const c of rest) await page.getByRole('textbox', { name: c.name, exact: true }).fill(String(40 / rest.length));
  await expect.poll(() => page.locator('output[data-sum-of="top"]').textContent()).toBe('100');
  await page.getByRole('button', { name: de(() => m.weights.save) }).click();
  await expect.poll(() => page.locator('.alert-success').textContent()).toContain(de(() => m.weights.saved(2)));

  await page.getByRole('link', { name: de(() => m.tabs.scoring), exact: true }).click();
  await page.getByLabel(de(() => m.scoring.declareNone)).check();
  await page.getByRole('button', { name: de(() => m.scoring.declareButton) }).click();
  const [leafA, leafB] = leavesOf(first!.id);
  expect(await scoreCell('Braze', leafA!.name, '5')).toBe(200);
  expect(await scoreCell('Zendesk', leafA!.name, '2')).toBe(200);
  expect(await scoreCell('Zendesk', leafB!.name, '4,5')).toBe(200); // the German decimal comma
  expect(await scoreCell('Zendesk', leafA!.name, '9')).toBe(422);
  await expect.poll(() => page.locator('.state-error').textContent()).toContain(de(() => m.scoring.badValue(0, 5)));

  await page.getByRole('link', { name: de(() => m.tabs.ranking), exact: true }).click();
  await page.getByRole('heading', { name: de(() => m.ranking.title), level: 1 }).waitFor();
  const totals = await page.locator('.ranking-table tbody td.num').allTextContents();
  expect(totals.some((t) => /\d,\d/.test(t))).toBe(true); // 12,3 — the decimal comma

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: de(() => m.ranking.exportCsv) }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const header = csv.split('\n')[0]!;
  expect(header.split(';').length).toBeGreaterThan(5); // `;` where the decimal comma is used
  expect(header).not.toMatch(/\brank\b|\bvendor\b|\btotal\b/);
}, 90_000);
