import { expect, test } from 'vitest';
import { browserSuite } from '../setup/browser.js';
import { apiAt, signedIn as signedInAt, signUp as signUpAt } from '../setup/browser-people.js';

// Issue 14 item 4: the what-if sliders. Moving one top-level weight slider moves the others on
// screen (they share the rest in proportion), re-ranks the table through an htmx swap, reloads
// nothing and leaves the weight set alone.

const suite = browserSuite();
const json = (method: string, path: string, token: string | null, body?: unknown) => apiAt(suite.server.base)(method, path, token, body);

test('moving one slider rescales the others in proportion and re-ranks, without a reload or a stored change', async () => {
  const wes = await signUpAt(suite.server.base, 'wes@example.test', 'Wes Whatif');
  const id = (await json('POST', '/api/v1/evaluations', wes.token, { name: 'What if', template: 'blank' })).body.id as string;
  const path = (p: string) => `/api/v1/evaluations/${id}${p}`;
  const c: Record<string, string> = {};
  for (const name of ['Service', 'Platform', 'Privacy']) c[name] = (await json('POST', path('/criteria'), wes.token, { name })).body.id as string;
  expect((await json('PUT', path('/weights'), wes.token, { weights: { [c.Service!]: 50, [c.Platform!]: 30, [c.Privacy!]: 20 } })).status).toBe(200);
  const v: Record<string, string> = {};
  for (const name of ['Alpha', 'Beta']) v[name] = (await json('POST', path('/vendors'), wes.token, { name })).body.id as string;
  expect((await json('POST', path('/status'), wes.token, { status: 'scoring' })).status).toBe(200);
  expect((await json('PUT', path('/declarations/me'), wes.token, { conflict: false })).status).toBe(200);
  // Alpha leads on Service, Beta on Platform and Privacy: Alpha first at 50/30/20 (80 to 60), Beta once Service weighs little.
  const scores = [['Alpha', 'Service', 5], ['Alpha', 'Platform', 3], ['Alpha', 'Privacy', 3], ['Beta', 'Service', 1], ['Beta', 'Platform', 5], ['Beta', 'Privacy', 5]]
    .map(([vn, cn, value]) => ({ vendorId: v[vn as string], criterionId: c[cn as string], value }));
  expect((await json('POST', path('/scores/batch'), wes.token, { scores })).status).toBe(200);
  const weightsBefore = (await json('GET', path('/weights'), wes.token)).body;

  const page = await signedInAt(suite.browser, suite.server.base, 'wes@example.test');
  await page.goto(`${suite.server.base}/evaluations/${id}/ranking`);
  const section = page.locator('#what-if');
  const slider = (name: string) => section.getByRole('slider', { name });
  expect(await slider('Platform').inputValue()).toBe('30');
  expect(await slider('Privacy').inputValue()).toBe('20');
  expect(await section.locator('#what-if-result tbody th').first().textContent()).toBe('Alpha');
  // A reload would drop this mark.
  await page.evaluate(() => { (globalThis as unknown as { mark: number }).mark = 14; });

  // Service from 50 to 10: Platform and Privacy share the other 90 as 30 : 20, i.e. 54 and 36.
  await slider('Service').fill('10');
  await expect.poll(() => slider('Platform').inputValue(), { timeout: 10_000 }).toBe('54');
  expect(await slider('Privacy').inputValue()).toBe('36');
  expect(await slider('Service').inputValue()).toBe('10');
  await expect.poll(() => section.locator('#what-if-result tbody th').first().textContent()).toBe('Beta');
  expect(await page.evaluate(() => (globalThis as unknown as { mark?: number }).mark)).toBe(14);

  // Another move rescales from where the others now are: Privacy to 60 leaves 40 as 10 : 54.
  await slider('Privacy').fill('60');
  await expect.poll(() => slider('Platform').inputValue(), { timeout: 10_000 }).toBe(String(Math.round((54 * 40) / 64)));
  expect(await slider('Service').inputValue()).toBe(String(Math.round((10 * 40) / 64)));

  // Nothing stored: the weight set is as it was.
  expect((await json('GET', path('/weights'), wes.token)).body).toEqual(weightsBefore);
}, 60_000);
