import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServer } from '../setup/browser.js';
import { BIG_GRID_LOGIN, bigGridEvaluation } from '../setup/big-grid.js';
import type { BrowserWindow } from '../setup/browser-globals.js';

// Issue 12, point 2: a grid that never hides. Deep in a big grid (row 40, column 20) the focused
// cell's criterion header and vendor name are still on screen and on top; a bad value answers in
// the cell itself without covering the cell below; the counter follows each save; Tab goes right.

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let page: Page;
let url: string;

beforeAll(async () => {
  server = await startServer();
  const { evaluationId } = await bigGridEvaluation(server.db);
  url = `${server.base}/evaluations/${evaluationId}/scoring`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  page.setDefaultTimeout(5_000);
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Email').fill(BIG_GRID_LOGIN.email);
  await page.getByLabel('Password').fill(BIG_GRID_LOGIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cell = (row: number, column: number) => page.getByLabel(`Score for Vendor ${String(row).padStart(2, '0')} on Criterion ${column}`, { exact: true });

/** Whether the element on top at the centre of `selector`'s box is that element (or inside it). */
function onTop(selector: string) {
  return page.evaluate((sel) => {
    const { document, innerWidth, innerHeight } = globalThis as unknown as BrowserWindow;
    const el = document.querySelector(sel);
    if (!el) return `${sel} missing`;
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return `${sel} is off screen`;
    const hit = document.elementFromPoint(x, y);
    return hit && (hit === el || el.contains(hit)) ? 'on top' : `${sel} is covered by ${hit?.outerHTML.slice(0, 80)}`;
  }, selector);
}

const criterionId = (row: number, column: number) => cell(row, column).getAttribute('data-criterion');

test('deep in the grid the header and vendor stay visible; a bad value answers inline; the click below works', async () => {
  await page.goto(url);
  await page.evaluate(() => { (globalThis as unknown as { marker: number }).marker = 7; });
  // Scroll the page to the grid, then the grid's own box to row 40, column 20, as a reader would.
  await page.locator('.grid-wrap').scrollIntoViewIfNeeded();
  await page.evaluate(() => (globalThis as unknown as BrowserWindow).scrollBy(0, 400));
  await cell(40, 20).evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  await cell(40, 20).click();
  const wrapScroll = await page.locator('.grid-wrap').evaluate((el) => ({ top: el.scrollTop, left: el.scrollLeft }));
  expect(wrapScroll.top, 'the grid scrolled down inside its box').toBeGreaterThan(500);
  expect(wrapScroll.left, 'the grid scrolled right inside its box').toBeGreaterThan(500);

  const crit = await criterionId(40, 20);
  expect(await onTop(`#crit-${crit}`)).toBe('on top');
  await expect.poll(() => page.locator(`#crit-${crit}`).textContent()).toContain('Criterion 20');
  const vendorTh = await cell(40, 20).evaluate((el) => { el.closest('tr')!.querySelector('th')!.id = 'focused-vendor'; return el.closest('tr')!.querySelector('th')!.textContent; });
  expect(vendorTh).toBe('Vendor 40');
  expect(await onTop('#focused-vendor')).toBe('on top');
  // The rubric of the focused criterion is shown, and it covers neither the header nor the cell.
  await expect.poll(() => page.locator('#rubric-panel .rubric-title').textContent()).toBe('Criterion 20');
  expect(await onTop(`#cell-${await cell(40, 20).evaluate((el) => el.closest('form')!.id.slice(5))} .score-input`)).toBe('on top');

  // Tab moves right, to the next cell's score (not to the comment toggle), as the help says.
  await cell(40, 20).fill('9');
  const rejected = page.waitForResponse((r) => r.url().endsWith('/scoring/cell'));
  await page.keyboard.press('Tab');
  expect((await rejected).status()).toBe(422);
  expect(await page.evaluate(() => (globalThis as unknown as BrowserWindow).document.activeElement?.getAttribute('aria-label'))).toBe('Score for Vendor 40 on Criterion 21');

  // The error sits in the cell, named by the input, and does not overlap the cell below.
  const bad = cell(40, 20);
  await expect.poll(() => bad.getAttribute('aria-invalid')).toBe('true');
  const describedBy = await bad.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  expect(await page.locator(`#${describedBy}`).textContent()).toContain('Enter a number from 0 to 5');
  const msgBox = (await page.locator(`#${describedBy}`).boundingBox())!;
  const belowBox = (await cell(41, 20).boundingBox())!;
  const cellBox = (await bad.evaluate((el) => { const r = el.closest('td')!.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; }));
  expect(msgBox.y + msgBox.height, 'the message stays inside its own cell').toBeLessThanOrEqual(cellBox.bottom + 0.5);
  expect(belowBox.y).toBeGreaterThanOrEqual(cellBox.bottom - 0.5);

  // The cell below takes a real click (Playwright refuses if anything covers it) and saves.
  const before = await page.locator('#grid-progress').textContent();
  expect(before).toContain('You have scored 0 of');
  await cell(41, 20).click();
  expect(await page.evaluate(() => (globalThis as unknown as BrowserWindow).document.activeElement?.getAttribute('aria-label'))).toBe('Score for Vendor 41 on Criterion 20');
  await cell(41, 20).fill('4');
  const saved = page.waitForResponse((r) => r.url().endsWith('/scoring/cell'));
  await page.keyboard.press('Enter');
  expect((await saved).status()).toBe(200);
  // The counter follows the save without a reload (an out-of-band swap from the save's answer).
  await expect.poll(() => page.locator('#grid-progress').textContent()).toContain('You have scored 1 of');
  expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(7);
  // Enter moved down a row.
  expect(await page.evaluate(() => (globalThis as unknown as BrowserWindow).document.activeElement?.getAttribute('aria-label'))).toBe('Score for Vendor 42 on Criterion 20');
  // Keyboard focus is visible: the focused input draws an outline.
  expect(await page.evaluate(() => { const w = globalThis as unknown as BrowserWindow; return w.getComputedStyle(w.document.activeElement!).outlineStyle; })).not.toBe('none');
});
