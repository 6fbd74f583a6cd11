import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../setup/browser.js';
import { apiAt, declareNoConflict, scoreCell, scoreInput, signedIn, signUp, totals } from '../setup/browser-people.js';

// Issue 11's browser test: two evaluators and a facilitator who scores walk through scoring on the
// pages, each in their own browser. Until review each reads a ranking labelled "Your scores only"
// with totals from their own scores, a Review tab that says they score blind, and nowhere a
// colleague's distinctive comment; a scorer who submits reads the team's figures, and from review
// on everyone does.

const suite = browserSuite();

// Weights Security 0.6, Usability 0.4; scale 0–5, so a score v counts v/5 of its weight.
//                 Alpha Sec  Alpha Use  Beta Sec  Beta Use
//   Ann             1          1          5         5        → Alpha 20.0, Beta 100.0
//   Ben             5          5          –         –        → Alpha 100.0, Beta not yet scored
//   Fay             3          –          3         –        → Alpha 36.0, Beta 36.0
//   team (means)    3          3          4         5        → Alpha 60.0, Beta 88.0
const ANN: [string, string, string][] = [['Alpha', 'Security', '1'], ['Alpha', 'Usability', '1'], ['Beta', 'Security', '5'], ['Beta', 'Usability', '5']];
const BEN: [string, string, string][] = [['Alpha', 'Security', '5'], ['Alpha', 'Usability', '5']];
const FAY: [string, string, string][] = [['Alpha', 'Security', '3'], ['Beta', 'Security', '3']];
const OWN = { ann: { Alpha: '20.0', Beta: '100.0' }, ben: { Alpha: '100.0' }, fay: { Alpha: '36.0', Beta: '36.0' } };
const TEAM = { Alpha: '60.0', Beta: '88.0' };
/** Ann's comment on Alpha — Security: no one else may read it before review. */
const ANN_COMMENT = 'Pen test report withheld by Alpha (zebra-7319)';
// The team's Beta total: no blind reader's own figures produce it (the team's Alpha, 60.0, is also
// Ann's Beta points on Security, so it is checked through the totals instead).
const TEAM_FIGURES = ['88.0'];

/** Reads the ranking page: its basis label (said before review only), totals and text. */
async function ranking(page: Page, url: string) {
  await page.goto(`${url}/ranking`);
  const label = page.locator('#ranking-basis');
  const basis = (await label.count()) > 0 ? ((await label.textContent()) ?? '') : '';
  return { basis, totals: await totals(page), text: (await page.locator('main').textContent()) ?? '' };
}

/** What a blind scorer must (not) read: their own ranking, a closed Review tab, nobody else's comment. */
async function expectBlind(page: Page, url: string, own: Record<string, string>, wroteTheComment = false) {
  const r = await ranking(page, url);
  expect(r.basis).toContain('Your scores only');
  expect(r.totals).toEqual(own);
  for (const figure of TEAM_FIGURES) expect(r.text).not.toContain(figure);
  expect(r.text).not.toContain(ANN_COMMENT);
  await page.goto(`${url}/review`);
  const review = (await page.locator('main').textContent()) ?? '';
  expect(review).toContain('You are scoring blind');
  expect(review).not.toContain(ANN_COMMENT);
  if (wroteTheComment) return;
  await page.goto(`${url}/scoring`);
  expect(await page.locator('main').innerHTML()).not.toContain('zebra-7319');
}

async function scoreAll(page: Page, cells: [string, string, string][]) {
  for (const [vendor, criterion, value] of cells) expect(await scoreCell(page, vendor, criterion, value)).toBe(200);
}

test('two evaluators and a scoring facilitator each see only their own scores until review, then the team’s', async () => {
  const json = apiAt(suite.server.base);
  // ── Setup through the API: two criteria weighted 60/40, two vendors, two evaluators.
  const fay = await signUp(suite.server.base, 'fay-blind@example.test', 'Fay Facilitator');
  await signUp(suite.server.base, 'ann-blind@example.test', 'Ann Evaluator');
  await signUp(suite.server.base, 'ben-blind@example.test', 'Ben Evaluator');
  const id = (await json('POST', '/api/v1/evaluations', fay.token, { name: 'Blind panel', template: 'blank' })).body.id as string;
  const security = (await json('POST', `/api/v1/evaluations/${id}/criteria`, fay.token, { name: 'Security' })).body.id as string;
  const usability = (await json('POST', `/api/v1/evaluations/${id}/criteria`, fay.token, { name: 'Usability' })).body.id as string;
  expect((await json('PUT', `/api/v1/evaluations/${id}/weights`, fay.token, { weights: { [security]: 0.6, [usability]: 0.4 } })).status).toBe(200);
  for (const name of ['Alpha', 'Beta']) expect((await json('POST', `/api/v1/evaluations/${id}/vendors`, fay.token, { name })).status).toBe(201);
  for (const email of ['ann-blind@example.test', 'ben-blind@example.test']) {
    expect((await json('POST', `/api/v1/evaluations/${id}/members`, fay.token, { email, role: 'evaluator' })).status).toBe(201);
  }
  expect((await json('POST', `/api/v1/evaluations/${id}/status`, fay.token, { status: 'scoring' })).status).toBe(200);
  const url = `${suite.server.base}/evaluations/${id}`;

  // ── Everyone scores on the grid; Fay joins the panel by declaring before anyone has scored.
  const [fayPage, annPage, benPage] = await Promise.all(['fay', 'ann', 'ben'].map((n) => signedIn(suite.browser, suite.server.base, `${n}-blind@example.test`)));
  for (const page of [fayPage!, annPage!, benPage!]) {
    await page.goto(`${url}/scoring`);
    await declareNoConflict(page);
  }
  await scoreAll(annPage!, ANN);
  // Ann's comment on Alpha — Security, typed into the cell's comment box.
  await annPage!.locator(`summary[aria-label="Comment on Alpha — Security"]`).click();
  await annPage!.getByRole('textbox', { name: 'Comment on Alpha — Security' }).fill(ANN_COMMENT);
  const commented = annPage!.waitForResponse((r) => r.url().endsWith('/scoring/cell'));
  await annPage!.getByRole('textbox', { name: 'Comment on Alpha — Security' }).press('Tab');
  expect((await commented).status()).toBe(200);
  await scoreAll(benPage!, BEN);
  await scoreAll(fayPage!, FAY);
  // Ben's grid holds his own values and nothing of Ann's.
  expect(await scoreInput(benPage!, 'Beta', 'Security').inputValue()).toBe('');

  // ── Before review, each of the three is blind to the others (their browsers read side by side).
  await Promise.all([expectBlind(annPage!, url, OWN.ann, true), expectBlind(benPage!, url, OWN.ben), expectBlind(fayPage!, url, OWN.fay)]);
  // Ben, who scored no Beta cell, finds Beta listed as not yet scored rather than ranked from colleagues' scores.
  expect((await ranking(benPage!, url)).text).toMatch(/Not yet scored[\s\S]*Beta/);

  // ── Ann submits through the confirmation step: she now reads the team's figures, and the page says so.
  await annPage!.goto(`${url}/scoring`);
  await annPage!.getByRole('button', { name: 'Submit my scores' }).click();
  await annPage!.getByLabel('I want to submit my scores; I cannot change them afterwards').check();
  await annPage!.locator('main').getByRole('button', { name: 'Submit my scores' }).click();
  await expect.poll(() => annPage!.locator('.alert-success').textContent()).toContain('They are locked.');
  const annAfter = await ranking(annPage!, url);
  expect(annAfter.basis).toContain('Team figures');
  expect(annAfter.totals).toEqual(TEAM);
  // Ben and Fay, still scoring, stay blind.
  await expectBlind(benPage!, url, OWN.ben);

  // ── Fay closes scoring from the Overview, forcing it past Ben; from review on everyone reads the team's figures.
  await fayPage!.goto(url);
  await fayPage!.getByRole('button', { name: 'Close scoring and start review' }).click();
  await fayPage!.getByLabel('I have read what will happen and want to go ahead').check();
  await fayPage!.getByLabel('Close scoring without their submissions (this is recorded in the audit log)').check();
  await fayPage!.locator('main').getByRole('button', { name: 'Close scoring and start review' }).click();
  await expect.poll(() => fayPage!.locator('.stage-current').textContent()).toBe('Review');
  await Promise.all([annPage!, benPage!, fayPage!].map(async (page) => {
    const r = await ranking(page, url);
    expect(r.basis).not.toContain('Your scores only');
    expect(r.totals).toEqual(TEAM);
    await page.goto(`${url}/review`);
    const review = (await page.locator('main').textContent()) ?? '';
    expect(review).not.toContain('You are scoring blind');
    // Alpha — Security (1, 5, 3) is the disagreement listed, with Ann's comment beside her score.
    expect(review).toContain(ANN_COMMENT);
  }));
}, 60_000);
