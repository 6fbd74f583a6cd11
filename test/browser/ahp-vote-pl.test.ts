import { expect, test } from 'vitest';
import { browserSuite } from '../setup/browser.js';
import { m } from '../../views/messages/index.js';
import { withLocale } from '../../server/i18n/current.js';
import { englishFragments } from '../setup/english-fragments.js';

// Issue 16, item 5: a stakeholder votes by pairwise comparison (AHP) in Polish. The facilitator
// works in Polish (Accept-Language); the personal link carries that language, so the stakeholder's
// browser, which asks for English, still opens the vote in Polish until they pick another.

const suite = browserSuite();
const pl = <T>(text: () => T): T => withLocale('pl', text);

async function json(method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(suite.server.base + path, { method, headers: { 'content-type': 'application/json', 'accept-language': 'pl-PL,pl;q=0.9', ...(token ? { authorization: `Bearer ${token}` } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as any };
}

test('an AHP vote through a personal link, all in Polish', async () => {
  const signup = await json('POST', '/api/v1/auth/signup', null, { email: 'prowadzaca@example.test', password: 'wystarczajaco-dlugie-haslo', name: 'Anna Nowak', teamName: 'Zakupy' });
  const token = signup.body.token as string;
  const id = (await json('POST', '/api/v1/evaluations', token, { name: 'Wybór platformy CXM' })).body.id as string;
  const criteria = (await json('GET', `/api/v1/evaluations/${id}/criteria`, token)).body.criteria as { id: string; name: string; parentId: string | null; kind: string }[];
  const top = criteria.filter((c) => c.parentId === null && c.kind === 'scored');
  expect((await json('POST', `/api/v1/evaluations/${id}/status`, token, { status: 'voting' })).status).toBe(200);
  const invite = await json('POST', `/api/v1/evaluations/${id}/invites`, token, { email: 'cfo@example.test', name: 'Piotr Kowalski' });
  expect(invite.status).toBe(201);
  expect(invite.body.link).toMatch(/[?&]lang=pl\b/);

  const context = await suite.browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', extraHTTPHeaders: { 'accept-language': 'en-GB,en;q=0.9' } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  await page.goto(invite.body.link as string);
  expect(await page.getAttribute('html', 'lang')).toBe('pl');
  await page.getByRole('link', { name: pl(() => m.voting.methodNames.ahp) }).click();
  expect(await page.getAttribute('html', 'lang')).toBe('pl');

  // The first criterion is judged 3× more important than each other one; the rest equal.
  const [first, ...rest] = top;
  for (const other of rest) {
    const pair = page.locator('.ahp-row').filter({ hasText: first!.name }).filter({ hasText: other.name });
    await pair.locator('select').selectOption({ label: pl(() => m.voting.moreImportant(first!.name, '3')) });
  }
  await page.getByRole('button', { name: pl(() => m.voting.submit) }).click();
  await expect.poll(() => page.locator('.alert-success').textContent()).toContain(pl(() => m.voting.saved));
  await expect.poll(() => page.locator('main').innerText()).toContain(pl(() => m.voting.yourWeights));

  // Nothing of the English source text on the page.
  const text = await page.locator('body').innerText();
  expect(englishFragments('pl').filter((f) => text.includes(f))).toEqual([]);

  await context.close();
}, 90_000);
