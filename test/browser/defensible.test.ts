import { expect, test } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSuite } from '../setup/browser.js';
import { apiAt, declareNoConflict, rankingOrder, scoreCell, scoreInput, signedIn as signedInAt, signUp as signUpAt, totals } from '../setup/browser-people.js';

// Issue 5's browser test: an evaluator declares no conflict, scores blind, submits; a second
// evaluator cannot see the first one's scores; the facilitator reconciles a disagreement and
// decides; edits then fail. Data is set up through the API; every step the issue names is done
// through the pages, each person in their own browser context.

const suite = browserSuite();

const json = (method: string, path: string, token: string | null, body?: unknown) => apiAt(suite.server.base)(method, path, token, body);
const signUp = (email: string, name: string) => signUpAt(suite.server.base, email, name);
const signedIn = (email: string) => signedInAt(suite.browser, suite.server.base, email);

test('blind scoring, submission, consensus on a disagreement, decision, then nothing can change', async () => {
  // ── Setup through the API: a blank evaluation, two criteria weighted 60/40, two vendors, two evaluators.
  const fay = await signUp('fay@example.test', 'Fay Facilitator');
  const ann = await signUp('ann@example.test', 'Ann Evaluator');
  const ben = await signUp('ben@example.test', 'Ben Evaluator');
  const ev = await json('POST', '/api/v1/evaluations', fay.token, { name: 'Defensible choice', template: 'blank' });
  expect(ev.status).toBe(201);
  const id = ev.body.id as string;
  const security = (await json('POST', `/api/v1/evaluations/${id}/criteria`, fay.token, { name: 'Security' })).body.id as string;
  const usability = (await json('POST', `/api/v1/evaluations/${id}/criteria`, fay.token, { name: 'Usability' })).body.id as string;
  expect((await json('PUT', `/api/v1/evaluations/${id}/weights`, fay.token, { weights: { [security]: 0.6, [usability]: 0.4 } })).status).toBe(200);
  const alpha = (await json('POST', `/api/v1/evaluations/${id}/vendors`, fay.token, { name: 'Alpha' })).body.id as string;
  expect((await json('POST', `/api/v1/evaluations/${id}/vendors`, fay.token, { name: 'Beta' })).status).toBe(201);
  for (const email of ['ann@example.test', 'ben@example.test']) {
    expect((await json('POST', `/api/v1/evaluations/${id}/members`, fay.token, { email, role: 'evaluator' })).status).toBe(201);
  }
  expect((await json('POST', `/api/v1/evaluations/${id}/status`, fay.token, { status: 'scoring' })).status).toBe(200);
  const evaluationUrl = `${suite.server.base}/evaluations/${id}`;

  // ── Ann declares no conflict, scores, submits; her cells are then read-only.
  const annPage = await signedIn('ann@example.test');
  await annPage.goto(`${evaluationUrl}/scoring`);
  await declareNoConflict(annPage);
  await expect.poll(() => annPage.locator('.page-head').textContent()).toContain('You declared no conflict of interest.');
  expect(await scoreCell(annPage, 'Alpha', 'Security', '1')).toBe(200);
  expect(await scoreCell(annPage, 'Alpha', 'Usability', '4')).toBe(200);
  expect(await scoreCell(annPage, 'Beta', 'Security', '3')).toBe(200);
  expect(await scoreCell(annPage, 'Beta', 'Usability', '3')).toBe(200);
  // Submitting is a guarded step (issue 11): a confirmation page says nothing is left empty, and the box must be ticked.
  await annPage.getByRole('button', { name: 'Submit my scores' }).click();
  await expect.poll(() => annPage.locator('main').textContent()).toContain('Every cell has a score.');
  await annPage.getByLabel('I want to submit my scores; I cannot change them afterwards').check();
  await annPage.locator('main').getByRole('button', { name: 'Submit my scores' }).click();
  await expect.poll(() => annPage.locator('.alert-success').textContent()).toContain('They are locked.');
  expect(await scoreInput(annPage, 'Alpha', 'Security').inputValue()).toBe('1');
  expect(await scoreInput(annPage, 'Alpha', 'Security').getAttribute('readonly')).not.toBeNull();
  expect(await annPage.getByRole('button', { name: 'Submit my scores' }).count()).toBe(0);
  // Behind the read-only input, the API refuses her write too.
  expect((await json('PUT', `/api/v1/evaluations/${id}/scores`, ann.token, { vendorId: alpha, criterionId: security, value: 2 })).status).toBe(409);

  // ── Ben declares and sees none of Ann's scores, then scores the same cell very differently.
  const benPage = await signedIn('ben@example.test');
  await benPage.goto(`${evaluationUrl}/scoring`);
  await declareNoConflict(benPage);
  for (const [v, c] of [['Alpha', 'Security'], ['Alpha', 'Usability'], ['Beta', 'Security'], ['Beta', 'Usability']] as const) {
    expect(await scoreInput(benPage, v, c).inputValue()).toBe('');
  }
  expect(await benPage.locator('main').textContent()).not.toContain('Ann Evaluator');
  expect(await scoreCell(benPage, 'Alpha', 'Security', '5')).toBe(200);
  expect(await scoreCell(benPage, 'Alpha', 'Usability', '4')).toBe(200);
  expect(await scoreCell(benPage, 'Beta', 'Security', '3')).toBe(200);
  expect(await scoreCell(benPage, 'Beta', 'Usability', '3')).toBe(200);
  // The Review tab stays closed to him while scoring is open.
  await benPage.getByRole('link', { name: 'Review', exact: true }).click();
  await expect.poll(() => benPage.locator('main').textContent()).toContain('You are scoring blind');
  expect(await benPage.locator('main').textContent()).not.toContain('Ann Evaluator');
  // The API is blind too: Ben, who has not submitted, reads back only his own scores; Ann has
  // submitted, so she now sees the team's (issue 11, API.md "Who sees what").
  const benScores = (await json('GET', `/api/v1/evaluations/${id}/scores`, ben.token)).body.scores as { evaluatorId: string; value: number }[];
  expect(benScores).toHaveLength(4);
  expect(new Set(benScores.map((s) => String(s.evaluatorId)))).toEqual(new Set([ben.userId]));
  const annScores = (await json('GET', `/api/v1/evaluations/${id}/scores`, ann.token)).body.scores as { evaluatorId: string }[];
  expect(new Set(annScores.map((s) => String(s.evaluatorId)))).toEqual(new Set([ann.userId, ben.userId]));

  // ── Fay closes scoring from the Overview and reconciles the disagreement on the Review tab.
  const fayPage = await signedIn('fay@example.test');
  await fayPage.goto(evaluationUrl);
  await fayPage.getByRole('button', { name: 'Close scoring and start review' }).click();
  // The confirmation page (issue 11) names Ben, who has not submitted; closing without him must be forced.
  await expect.poll(() => fayPage.locator('main').textContent()).toContain('1 evaluator has not submitted: Ben Evaluator');
  await fayPage.getByLabel('I have read what will happen and want to go ahead').check();
  await fayPage.getByLabel('Close scoring without their submissions (this is recorded in the audit log)').check();
  await fayPage.locator('main').getByRole('button', { name: 'Close scoring and start review' }).click();
  await expect.poll(() => fayPage.locator('.stage-current').textContent()).toBe('Review');

  // Weights: Security 0.6, Usability 0.4; scale 0–5, so n = value / 5.
  // Before consensus, Alpha's Security value is the evaluators' mean (1 + 5) / 2 = 3:
  //   Alpha = 100 × (0.6 × 3/5 + 0.4 × 4/5) = 36 + 32 = 68.0;  Beta = 100 × (0.6 × 3/5 + 0.4 × 3/5) = 60.0.
  await fayPage.getByRole('link', { name: 'Ranking', exact: true }).click();
  await expect.poll(() => totals(fayPage)).toEqual({ Alpha: '68.0', Beta: '60.0' });
  expect(await rankingOrder(fayPage)).toEqual(['Alpha', 'Beta']);

  await fayPage.getByRole('link', { name: 'Review', exact: true }).click();
  const row = fayPage.locator('.review-table tbody tr', { has: fayPage.getByRole('rowheader', { name: 'Alpha' }) }).filter({ hasText: 'Security' });
  await expect.poll(() => row.count()).toBe(1);
  // Only the disagreeing cell (spread 4 of 5 ≥ 30%) is listed, with both evaluators' scores.
  expect(await fayPage.locator('.review-table tbody tr').count()).toBe(1);
  const scoresText = (await row.locator('ul').innerText()).replace(/\s+/g, ' ');
  expect(scoresText).toContain('1 — Ann Evaluator');
  expect(scoresText).toContain('5 — Ben Evaluator');
  // A consensus without a rationale is refused.
  await fayPage.getByLabel('Consensus score: Alpha — Security', { exact: true }).fill('2');
  await fayPage.getByRole('button', { name: 'Record consensus' }).click();
  await expect.poll(() => fayPage.locator('.consensus-form [role="alert"]').textContent()).toContain('A rationale is required');
  await fayPage.getByLabel('Consensus score: Alpha — Security', { exact: true }).fill('2');
  await fayPage.getByLabel('Rationale: Alpha — Security', { exact: true }).fill('SOC 2 report covers hosting only; pen test findings still open.');
  await fayPage.getByRole('button', { name: 'Record consensus' }).click();
  await expect.poll(() => row.textContent()).toContain('set by Fay Facilitator');
  expect(await fayPage.getByLabel('Consensus score: Alpha — Security', { exact: true }).inputValue()).toBe('2');
  // The evaluators' own scores stay beside the consensus.
  expect((await row.locator('ul').innerText()).replace(/\s+/g, ' ')).toContain('1 — Ann Evaluator');
  await fayPage.screenshot({ path: join(tmpdir(), 'cxbench-review.png'), fullPage: true });

  // With the consensus 2 replacing the mean 3: Alpha = 100 × (0.6 × 2/5 + 0.4 × 4/5) = 24 + 32 = 56.0;
  // Beta is unchanged at 60.0 and now leads.
  await fayPage.getByRole('link', { name: 'Ranking', exact: true }).click();
  await expect.poll(() => totals(fayPage)).toEqual({ Alpha: '56.0', Beta: '60.0' });
  expect(await rankingOrder(fayPage)).toEqual(['Beta', 'Alpha']);

  // ── Fay decides on the decision page (issue 11: choose, give the reason, confirm): without the
  // confirmation tick the page says why, with it the evaluation locks and the decision is shown.
  await fayPage.getByRole('link', { name: 'Overview', exact: true }).click();
  await fayPage.getByRole('link', { name: 'Decide…' }).click();
  await fayPage.getByRole('button', { name: 'Decide and lock the evaluation' }).click();
  await expect.poll(() => fayPage.locator('main').textContent()).toContain('Tick the box to confirm that the evaluation will be locked.');
  await fayPage.getByLabel('Choose Beta').check();
  await fayPage.getByLabel('Reason for the decision').fill('Beta leads once the security consensus is in.');
  await fayPage.getByLabel('I understand that the evaluation will be locked').check();
  await fayPage.getByRole('button', { name: 'Decide and lock the evaluation' }).click();
  await expect.poll(() => fayPage.locator('.decision-record').textContent()).toContain('Beta leads once the security consensus is in.');
  await fayPage.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect.poll(() => fayPage.locator('.stage-current').textContent()).toBe('Decided');
  expect(await fayPage.getByRole('button', { name: 'Decide and lock the evaluation' }).count()).toBe(0);

  // ── Edits now fail everywhere.
  // Ben (who never submitted) finds his grid read-only with the reason.
  await benPage.goto(`${evaluationUrl}/scoring`);
  await expect.poll(() => benPage.locator('main').textContent()).toContain('Scoring is closed (the evaluation is in decided). The grid is read-only.');
  expect(await scoreInput(benPage, 'Alpha', 'Security').inputValue()).toBe('5');
  expect(await scoreInput(benPage, 'Alpha', 'Security').getAttribute('readonly')).not.toBeNull();
  expect(await benPage.getByRole('button', { name: 'Submit my scores' }).count()).toBe(0);
  // The API answers 409 evaluation_locked.
  const put = await json('PUT', `/api/v1/evaluations/${id}/scores`, ben.token, { vendorId: alpha, criterionId: security, value: 1 });
  expect(put.status).toBe(409);
  expect(put.body.error.code).toBe('evaluation_locked');
  // The consensus can no longer be changed on the Review tab.
  await fayPage.getByRole('link', { name: 'Review', exact: true }).click();
  await expect.poll(() => row.textContent()).toContain('SOC 2 report covers hosting only');
  expect(await fayPage.getByRole('button', { name: 'Record consensus' }).count()).toBe(0);
  // The Vendors tab shows the locked note and no form to add one.
  await fayPage.getByRole('link', { name: 'Vendors', exact: true }).click();
  await expect.poll(() => fayPage.locator('main').textContent()).toContain('This evaluation is decided and locked');
  expect(await fayPage.getByRole('button', { name: /add vendor/i }).count()).toBe(0);
  // And the ranking stays what it was at the decision.
  await fayPage.getByRole('link', { name: 'Ranking', exact: true }).click();
  await expect.poll(() => totals(fayPage)).toEqual({ Alpha: '56.0', Beta: '60.0' });
}, 60_000);
