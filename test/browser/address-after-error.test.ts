import { expect, test } from 'vitest';
import { browserSuite } from '../setup/browser.js';
import { signInOn } from '../setup/browser-people.js';
import { DEMO_LOGIN, DEMO_NAME } from '../../seeds/demo.js';
import { evaluationsForUser } from '../../db/queries/evaluations.js';
import { findUserByEmail } from '../../db/queries/users.js';

// Issue 12, point 5: after a form answers with its errors (422), the address bar shows the page the
// form is on, not the POST URL, so a reload asks for the page instead of sending the form again:
// the POST is answered 303 to a GET of the page, which shows the errors (POST-redirect-GET).

const suite = browserSuite({ demo: true });

test('a form re-shown with its errors leaves the page’s own address; a reload is a GET of it', async () => {
  const { browser, server } = suite;
  const dana = (await findUserByEmail(server.db, DEMO_LOGIN.email))!;
  const id = (await evaluationsForUser(server.db, dana.id)).find((e) => e.name === DEMO_NAME)!.id;
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await signInOn(page, server.base, DEMO_LOGIN.email, DEMO_LOGIN.password);
  const panel = `${server.base}/evaluations/${id}/members`;
  await page.goto(panel);

  const posts: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(new URL(r.url()).pathname); });
  const form = page.locator(`form[action="/evaluations/${id}/members"]`).first();
  await form.locator('input[name="email"]').fill('not an e-mail address');
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === panel);
  const shown = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().startsWith(`${panel}?shown=`));
  await form.locator('button[type="submit"]').click();
  expect((await answered).status()).toBe(303);
  expect((await shown).status()).toBe(422);
  await expect.poll(() => page.locator('body').textContent()).toMatch(/e-mail|email/i);

  // The address is the page's own (here the POST went to the same path, so check a reload sends no form).
  expect(page.url()).toBe(panel);
  const before = posts.length;
  const reloaded = await page.reload();
  expect(reloaded!.request().method()).toBe('GET');
  expect(reloaded!.status()).toBe(200);
  expect(posts.length).toBe(before);

  // A form whose action is another address (the voting page's invitation form posts to /voting/invites).
  const voting = `${server.base}/evaluations/${id}/voting?view=invitations`;
  await page.goto(voting);
  const invite = page.locator(`form[action="/evaluations/${id}/voting/invites"]`);
  await invite.locator('input[name="email"]').fill('still not an address');
  const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/voting/invites'));
  await invite.locator('button[type="submit"]').click();
  expect((await refused).status()).toBe(303);
  await expect.poll(() => page.locator('body').textContent()).toMatch(/e-mail|email/i);
  await expect.poll(() => page.url()).toBe(voting);
  const again = await page.reload();
  expect(again!.request().method()).toBe('GET');
  expect(again!.url()).toBe(voting);
});
