import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../setup/browser.js';
import { apiAt } from '../setup/browser-people.js';
import { votingEvaluation } from '../setup/axe.js';
import { focused, named, tabTo } from '../setup/keyboard.js';
import { DEMO_LOGIN } from '../../seeds/demo.js';
import { SCORING_DEMO_NAME } from '../../seeds/demo-scoring.js';

// Issue 16, point 5: the main journey with the keyboard alone. No click, no mouse: every step is
// Tab, Enter, typing or an arrow key (page.goto only to open a personal link, as a mail client would).
// At each step the focused element draws a ring, and what changes is said in a live region.

const suite = browserSuite({ demo: true });

async function keyboardPage(): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** Tabs to `name` and asserts the focus ring is drawn there. */
async function reach(page: Page, name: string | RegExp, tag?: string) {
  const f = await tabTo(page, named(name, tag), String(name));
  expect(f.ring, `focus ring on ${String(name)}`).toBe(true);
}

/** Tabs to a link or button and follows it with Enter, waiting for the next page. */
async function follow(page: Page, name: string | RegExp, tag = 'a') {
  await reach(page, name, tag);
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

test('sign in, open an evaluation, score cells, and vote by points, rank and AHP with the keyboard alone', async () => {
  const { base } = suite.server;
  const page = await keyboardPage();

  // Sign in: the first Tab offers the skip link, then the page's own controls.
  await page.goto(`${base}/login`);
  const first = await tabTo(page, () => true, 'anything');
  expect(first.name).toBe('Skip to content');
  await reach(page, 'Email', 'input');
  await page.keyboard.type(DEMO_LOGIN.email);
  await reach(page, 'Password', 'input');
  await page.keyboard.type(DEMO_LOGIN.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.keyboard.press('Enter')]);

  // Open the evaluation caught mid-scoring, then its Scoring tab.
  await follow(page, SCORING_DEMO_NAME);
  await follow(page, 'Scoring');

  // Score the third row (the demo left it empty): type, Enter saves and moves down a row.
  await reach(page, 'Score for Sinch Engage on WhatsApp and RCS coverage', 'input');
  const announcer = page.locator('#grid-announcer');
  expect(await announcer.getAttribute('aria-live')).toBe('polite');
  await page.keyboard.type('4');
  let saved = page.waitForResponse((r) => r.url().endsWith('/scoring/cell'));
  await page.keyboard.press('Enter');
  expect((await saved).status()).toBe(200);
  await expect.poll(() => announcer.textContent()).toContain('Saved 4 for Sinch Engage on WhatsApp and RCS coverage.');
  expect((await focused(page)).name).toBe('Score for Twilio on WhatsApp and RCS coverage');
  expect((await focused(page)).ring).toBe(true);

  // Arrow up returns to the saved cell; Tab goes right to the next criterion, which saves the same way.
  await page.keyboard.press('ArrowUp');
  expect((await focused(page)).name).toBe('Score for Sinch Engage on WhatsApp and RCS coverage');
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('Score for Sinch Engage on Agent hand-over');
  await page.keyboard.type('3');
  saved = page.waitForResponse((r) => r.url().endsWith('/scoring/cell'));
  await page.keyboard.press('Tab');
  expect((await saved).status()).toBe(200);
  await expect.poll(() => announcer.textContent()).toContain('Saved 3 for Sinch Engage on Agent hand-over.');

  // A bad value is refused in its cell: the input says it is invalid and names the message.
  await page.keyboard.type('9');
  saved = page.waitForResponse((r) => r.url().endsWith('/scoring/cell'));
  await page.keyboard.press('Enter');
  expect((await saved).status()).toBe(422);
  const bad = page.getByLabel('Score for Sinch Engage on Consent and opt-out handling', { exact: true });
  await expect.poll(() => bad.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator(`#${await bad.getAttribute('aria-describedby')}`).textContent()).toContain('Enter a number from 0 to 5');

  // A stakeholder, invited to a vote, arrives through their link and votes three ways.
  const token = (await apiAt(base)('POST', '/api/v1/auth/token', null, DEMO_LOGIN)).body.token as string;
  const voting = await votingEvaluation(base, token, { email: 'keys@cxbench.test', name: 'Kay Keyboard' });
  const sam = await keyboardPage();
  await sam.goto(voting.link);

  // 100 points: type into each criterion's number; "Points left" is said as it changes.
  await follow(sam, '100 points');
  const left = sam.locator('.weight-sum');
  expect(await left.getAttribute('aria-live')).toBe('polite');
  for (const [name, pts] of [['Omnichannel', '40'], ['Privacy & trust', '60']] as const) {
    await reach(sam, name, 'input');
    await sam.keyboard.type(pts);
  }
  await expect.poll(() => left.textContent()).toBe('Points left: 0');
  await follow(sam, 'Save my vote', 'button');
  expect(await sam.locator('.alert-success').getAttribute('role')).toBe('status');

  // Rank order: the ↑ button moves Privacy & trust to the top; each move is said, focus stays on the item.
  await follow(sam, 'Rank order');
  await reach(sam, 'Move up: Privacy & trust', 'button');
  const status = sam.locator('[data-rank-status]');
  for (let i = 0; i < 4; i++) await sam.keyboard.press('Enter');
  await expect.poll(() => status.textContent()).toBe('Privacy & trust: now 1 of 5');
  expect((await focused(sam)).name).toBe('Move down: Privacy & trust');
  expect((await focused(sam)).ring).toBe(true);
  expect(await sam.locator('.rank-item').first().textContent()).toContain('Privacy & trust');
  await follow(sam, 'Save my vote', 'button');
  await sam.locator('.alert-success').waitFor();

  // AHP: an arrow key on the first pair's select makes the row criterion more important.
  await follow(sam, 'Pairwise (AHP)');
  await reach(sam, /^Omnichannel vs Real-time data/, 'select');
  await sam.keyboard.press('ArrowUp');
  await sam.keyboard.press('ArrowUp');
  expect(await sam.getByLabel('Omnichannel vs Real-time data').inputValue()).toBe('3');
  await follow(sam, 'Save my vote', 'button');
  await sam.locator('.alert-success').waitFor();
  const weights = await sam.locator('.compare-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
  expect(weights.find((t) => t.startsWith('Omnichannel'))).toMatch(/\d+%/);
}, 120_000);
