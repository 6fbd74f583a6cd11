import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServer } from '../setup/browser.js';

// The whole first-day journey as a person does it: sign up, create from the template, set weights,
// score in the grid (htmx, no reload), watch the ranking change, export the shortlist.

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(5_000);
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function scoreCell(vendor: string, criterion: string, value: string) {
  const input = page.getByLabel(`Score for ${vendor} on ${criterion}`, { exact: true });
  await input.click();
  await input.fill(value);
  const saved = page.waitForResponse((r) => r.url().endsWith('/scoring/cell') && r.request().method() === 'POST');
  await input.press('Tab');
  return (await saved).status();
}

async function rankingOrder(): Promise<string[]> {
  return page.locator('.ranking-table tbody th[scope="row"]').evaluateAll((ths) => ths.map((th) => (th.firstChild?.textContent ?? '').trim()));
}

test('sign up, create from the template, weigh, score, rank and export', async () => {
  await page.goto(`${server.base}/signup`);
  await page.getByLabel('Your name').fill('Petra Procurement');
  await page.getByLabel('Email').fill('petra@example.test');
  await page.getByLabel('Password').fill('a-long-enough-password');
  await page.getByLabel('Team name').fill('Acme Procurement');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Your evaluations' }).waitFor();

  await page.getByLabel('Name').fill('CXM selection');
  await page.getByRole('button', { name: 'Create evaluation' }).click();
  await page.getByRole('heading', { name: 'CXM selection' }).waitFor();
  const evaluationUrl = page.url();

  // Weights: Omnichannel counts most.
  await page.getByRole('link', { name: 'Weights', exact: true }).click();
  await page.getByRole('textbox', { name: 'Omnichannel', exact: true }).fill('60');
  for (const name of ['Real-time data', 'Integration', 'Analytics', 'Privacy & trust']) await page.getByRole('textbox', { name, exact: true }).fill('10');
  await expect.poll(() => page.locator('output[data-sum-of="top"]').textContent()).toBe('100');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect.poll(() => page.locator('.alert-success').textContent()).toContain('Version 2');
  await expect.poll(() => page.getByRole('textbox', { name: 'Omnichannel', exact: true }).inputValue()).toBe('60');

  // Scoring through htmx: the page is never reloaded (the marker on window survives).
  await page.getByRole('link', { name: 'Scoring', exact: true }).click();
  // The grid opens only after a conflict-of-interest declaration.
  await page.getByLabel('I have no conflict of interest with any vendor in this evaluation').check();
  await page.getByRole('button', { name: 'Record my declaration and open the grid' }).click();
  await page.evaluate(() => { (globalThis as unknown as { marker: number }).marker = 42; });
  expect(await scoreCell('Braze', 'Channel coverage', '5')).toBe(200);
  // The rubric follows the focused cell (Tab has moved on to the next criterion, issue 12).
  await page.getByLabel('Score for Zendesk on Channel coverage', { exact: true }).focus();
  await expect.poll(() => page.locator('#rubric-panel').textContent()).toContain('Channel coverage');
  expect(await scoreCell('Zendesk', 'Channel coverage', '2')).toBe(200);
  expect(await scoreCell('Zendesk', 'Open APIs', 'N/A')).toBe(200);
  expect(await scoreCell('Zendesk', 'Open APIs', '9')).toBe(422);
  await expect.poll(() => page.locator('.state-error').textContent()).toContain('Enter a number from 0 to 5');
  expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);

  await page.getByRole('link', { name: 'Ranking', exact: true }).click();
  expect((await rankingOrder()).slice(0, 2)).toEqual(['Braze', 'Zendesk']);

  // Zendesk overtakes once it scores higher on two omnichannel sub-criteria.
  await page.getByRole('link', { name: 'Scoring', exact: true }).click();
  expect(await scoreCell('Zendesk', 'Channel coverage', '5')).toBe(200);
  expect(await scoreCell('Zendesk', 'Cross-channel journey orchestration', '4')).toBe(200);
  await page.getByRole('link', { name: 'Ranking', exact: true }).click();
  expect((await rankingOrder()).slice(0, 2)).toEqual(['Zendesk', 'Braze']);
  await expect.poll(() => page.locator('.ranking-table').textContent()).toContain('provisional');

  // The exported CSV carries the same order and defuses formulas.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe('rank,vendor,total,coverage,Omnichannel,Real-time data,Integration,Analytics,Privacy & trust,status,reason');
  expect(lines[1]).toMatch(/^1,Zendesk,/);
  expect(lines[2]).toMatch(/^2,Braze,/);
  expect(page.url()).toContain(evaluationUrl);
}, 60_000);

test('a vendor named like an HTML tag is shown as text, never run', async () => {
  const evaluationUrl = page.url().replace(/\/ranking.*$/, '');
  await page.goto(`${evaluationUrl}/vendors`);
  const name = '<img src=x onerror=alert(1)>';
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: /add vendor/i }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain(name);
  await page.goto(`${evaluationUrl}/ranking`);
  await expect.poll(() => page.locator('main').innerText()).toContain(name);
  await page.goto(`${evaluationUrl}/scoring`);
  await expect.poll(() => page.locator('main').innerText()).toContain(name);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
}, 30_000);
