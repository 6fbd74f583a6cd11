import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';

// What browser tests do as people: sign up through the API, sign in through the login page each in
// their own context, declare, type scores into the grid, read the ranking table.

export const PASSWORD = 'a-long-enough-password';

/** The JSON API of the server at `base`, as one member (or nobody) calls it. */
export function apiAt(base: string) {
  return async function json(method: string, path: string, token: string | null, body?: unknown) {
    const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as any };
  };
}

/** Signs a new user up through the API (each with their own team). */
export async function signUp(base: string, email: string, name: string): Promise<{ token: string; userId: string }> {
  const r = await apiAt(base)('POST', '/api/v1/auth/signup', null, { email, password: PASSWORD, name, teamName: `${name}'s team` });
  expect(r.status).toBe(201);
  return { token: r.body.token as string, userId: String(r.body.userId) };
}

/** A fresh browser context (own cookies) signed in through the login page. */
export async function signedIn(browser: Browser, base: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(5_000);
  await signInOn(page, base, email, PASSWORD);
  return page;
}

/** Signs `page`'s context in through the login page (its cookies then serve every page of the context). */
export async function signInOn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  // By field name, not label: the page may be in any of the four languages.
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export const scoreInput = (page: Page, vendor: string, criterion: string) => page.getByLabel(`Score for ${vendor} on ${criterion}`, { exact: true });

/** Types a score, leaves the cell with Tab and waits for the htmx answer; returns its status. */
export async function scoreCell(page: Page, vendor: string, criterion: string, value: string): Promise<number> {
  const input = scoreInput(page, vendor, criterion);
  await input.click();
  await input.fill(value);
  const saved = page.waitForResponse((r) => r.url().endsWith('/scoring/cell') && r.request().method() === 'POST');
  await input.press('Tab');
  const status = (await saved).status();
  // The swapped-in cell carries the saved value.
  if (status === 200) await expect.poll(() => scoreInput(page, vendor, criterion).inputValue()).toBe(value);
  return status;
}

/** Ticks "no conflict" on the scoring tab and waits for the grid to open. */
export async function declareNoConflict(page: Page) {
  const box = page.getByLabel('I have no conflict of interest with any vendor in this evaluation');
  await box.check();
  await page.getByRole('button', { name: 'Record my declaration and open the grid' }).click();
  // The page after the declaration: the form is gone and the grid's cells take input.
  await box.waitFor({ state: 'detached' });
  await page.locator('.score-grid .score-input:not([readonly])').first().waitFor();
}

/** The ranking table's totals by vendor name, as shown. */
export async function totals(page: Page): Promise<Record<string, string>> {
  const rows = await page.locator('.ranking-table tbody tr').evaluateAll((trs) => trs.map((tr) => [
    (tr.querySelector('th[scope="row"]')?.firstChild?.textContent ?? '').trim(),
    (tr.querySelector('.total-cell')?.textContent ?? '').trim(),
  ]));
  return Object.fromEntries(rows);
}

/** The ranking table's vendors, top first. */
export async function rankingOrder(page: Page): Promise<string[]> {
  return page.locator('.ranking-table tbody th[scope="row"]').evaluateAll((ths) => ths.map((th) => (th.firstChild?.textContent ?? '').trim()));
}
