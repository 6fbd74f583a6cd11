import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../setup/browser.js';

// Two stakeholders arrive through their personal links, vote by different methods, the facilitator
// closes voting, and the ranking follows their priorities.

const suite = browserSuite();

async function json(method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(suite.server.base + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as any };
}

async function newPage(): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  page.setDefaultTimeout(5_000);
  return page;
}

async function rankingOrder(page: Page): Promise<string[]> {
  return page.locator('.ranking-table tbody th[scope="row"]').evaluateAll((ths) => ths.map((th) => (th.firstChild?.textContent ?? '').trim()));
}

test('stakeholders vote by points and by rank; closing voting re-ranks the vendors', async () => {
  // Facilitator and data through the API: two vendors strong on different criteria, tied under equal weights.
  const signup = await json('POST', '/api/v1/auth/signup', null, { email: 'fac@example.test', password: 'a-long-enough-password', name: 'Fay Facilitator', teamName: 'Acme' });
  const token = signup.body.token as string;
  const ev = await json('POST', '/api/v1/evaluations', token, { name: 'Who decides?', template: 'cxm-core' });
  const id = ev.body.id as string;
  const criteria = (await json('GET', `/api/v1/evaluations/${id}/criteria`, token)).body.criteria as { id: string; name: string; parentId: string | null }[];
  const vendors = (await json('GET', `/api/v1/evaluations/${id}/vendors`, token)).body.vendors as { id: string; name: string }[];
  const topOf = (name: string) => criteria.find((c) => c.name === name && c.parentId === null)!.id;
  const [omni, privacy] = [topOf('Omnichannel'), topOf('Privacy & trust')];
  const leaves = criteria.filter((c) => c.parentId !== null);
  const braze = vendors.find((v) => v.name === 'Braze')!.id;
  const zendesk = vendors.find((v) => v.name === 'Zendesk')!.id;
  const scores = leaves.flatMap((c) => [
    { vendorId: braze, criterionId: c.id, value: c.parentId === omni ? 5 : 1 },
    { vendorId: zendesk, criterionId: c.id, value: c.parentId === privacy ? 5 : 1 },
  ]);
  expect((await json('PUT', `/api/v1/evaluations/${id}/declarations/me`, token, { conflict: false })).status).toBe(200);
  expect((await json('POST', `/api/v1/evaluations/${id}/scores/batch`, token, { scores })).status).toBe(200);

  const fac = await newPage();
  await fac.goto(`${suite.server.base}/login`);
  await fac.getByLabel('Email').fill('fac@example.test');
  await fac.getByLabel('Password').fill('a-long-enough-password');
  await fac.getByRole('button', { name: 'Sign in' }).click();
  await fac.goto(`${suite.server.base}/evaluations/${id}/ranking`);
  const tiedTotals = await fac.locator('.ranking-table tbody tr').evaluateAll((trs) => trs.slice(0, 2).map((tr) => tr.querySelector('.total-cell')?.textContent));
  expect(tiedTotals[0]).toBe(tiedTotals[1]);

  // Open voting and create two personal links through the page.
  await fac.goto(`${suite.server.base}/evaluations/${id}/voting`);
  await fac.getByRole('button', { name: 'Open voting' }).click();
  // Issue 12: invitations are their own part of the facilitator's voting page.
  await fac.getByRole('link', { name: 'Invitations and groups' }).click();
  const links: string[] = [];
  for (const [email, name, group] of [['cmo@example.test', 'Mia Marketing', 'Marketing'], ['cto@example.test', 'Tom Tech', 'Technology']] as const) {
    await fac.getByLabel('Email').fill(email);
    await fac.getByLabel('Name (optional)').fill(name);
    await fac.getByLabel('Group', { exact: true }).selectOption({ label: group });
    await fac.getByRole('button', { name: 'Create link' }).click();
    links.push(await fac.locator('#new-link').inputValue());
  }
  expect(links[0]).toMatch(/\/invite\/cxs_/);

  // Mia: 100 points, most of them on privacy.
  const mia = await newPage();
  await mia.goto(links[0]!);
  await mia.getByRole('link', { name: '100 points' }).click();
  for (const [name, pts] of [['Omnichannel', '5'], ['Real-time data', '10'], ['Integration', '10'], ['Analytics', '5'], ['Privacy & trust', '70']] as const) {
    await mia.getByRole('textbox', { name, exact: true }).fill(pts);
  }
  await expect.poll(() => mia.locator('output[data-points-left]').textContent()).toBe('0');
  await mia.getByRole('button', { name: 'Save my vote' }).click();
  await mia.locator('.alert-success').waitFor();

  // Tom: rank order, privacy moved to the top with the ↑ buttons.
  const tom = await newPage();
  await tom.goto(links[1]!);
  await tom.getByRole('link', { name: 'Rank order' }).click();
  for (let i = 0; i < 4; i++) await tom.getByRole('button', { name: 'Move up: Privacy & trust' }).click();
  await expect.poll(() => tom.locator('.rank-item').first().textContent()).toContain('Privacy & trust');
  await tom.getByRole('button', { name: 'Save my vote' }).click();
  await tom.locator('.alert-success').waitFor();
  expect(await tom.locator('.compare-table').textContent()).toContain('46%');

  // The facilitator sees both votes arrive, closes voting, and Zendesk (strong on privacy) now leads.
  await fac.goto(`${suite.server.base}/evaluations/${id}/voting`);
  await expect.poll(() => fac.locator('#voting-progress h2').textContent()).toContain('2 / 3');
  await fac.getByRole('button', { name: 'Close voting and use the result' }).click();
  // Closing voting is a guarded step (issue 11). Both stakeholders voted; the facilitator, who may
  // vote but is not waited for, is not a vote "not cast".
  await fac.getByLabel('I have read what will happen and want to go ahead').check();
  expect(await fac.locator('main').textContent()).not.toContain('not cast');
  await fac.locator('main').getByRole('button', { name: 'Close voting and start scoring' }).click();
  await expect.poll(() => fac.locator('.stage-current').textContent()).toBe('Scoring');
  await fac.goto(`${suite.server.base}/evaluations/${id}/voting`);
  await expect.poll(() => fac.locator('.status-panel').textContent()).toContain('weight set version 2');
  await fac.goto(`${suite.server.base}/evaluations/${id}/ranking`);
  expect((await rankingOrder(fac)).slice(0, 2)).toEqual(['Zendesk', 'Braze']);
  await expect.poll(() => fac.locator('#whose-weights').textContent()).toContain('Marketing');
}, 60_000);
