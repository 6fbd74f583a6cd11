import { beforeAll, expect, test } from 'vitest';
import { createEvaluation, makeTestApp, type TestApp } from '../setup/app.js';
import { pagePost, signedInUser } from '../setup/pages.js';

// The Voting tab's group form goes through formValidator; its answers are the page's own.
let app: TestApp;
let cookie: string;
let path: string;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  const u = await signedInUser(app, 'groups@example.test');
  path = `/evaluations/${await createEvaluation(app, u.token)}/voting/groups`;
  cookie = u.cookie;
});

test.each([['blank', '  '], ['too long', 'x'.repeat(81)]])('a %s group name re-renders the tab with the message (422)', async (_, name) => {
  const res = await pagePost(app, cookie, path, { groupName: name });
  expect(res.status).toBe(422);
  expect(await res.text()).toContain('Give the group a name of up to 80 characters.');
});

test('a new group redirects back to the tab; the same name again is refused on the field (422)', async () => {
  expect((await pagePost(app, cookie, path, { groupName: ' IT ' })).status).toBe(303);
  const again = await pagePost(app, cookie, path, { groupName: 'IT' });
  expect(again.status).toBe(422);
  expect(await again.text()).toContain('value="IT"');
});

test('a signed-out form is sent to sign in before the form is looked at', async () => {
  const res = await pagePost(app, null, path, { groupName: '' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toMatch(/^\/login/);
});
