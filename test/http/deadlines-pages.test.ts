import { expect, test } from 'vitest';
import { api, createEvaluation, makeTestApp, signupUser } from '../setup/app.js';
import { formLogin, pageGet, pagePost } from '../setup/pages.js';

test('deadlines are set on the overview (UTC), refused with a message when bad, and shown on every page of their stage', async () => {
  const { app } = await makeTestApp();
  const fac = await signupUser(app);
  const id = await createEvaluation(app, fac.token);
  const cookie = await formLogin(app, fac.email, fac.password);
  expect(await (await pageGet(app, cookie, `/evaluations/${id}`)).text()).toContain('Voting closes (UTC)');

  const bad = await pagePost(app, cookie, `/evaluations/${id}/deadlines`, { voting: 'soon', scoring: '' });
  expect(bad.status).toBe(422);
  expect(await bad.text()).toContain('ISO-8601');

  const ok = await pagePost(app, cookie, `/evaluations/${id}/deadlines`, { voting: '2099-12-07T14:00', scoring: '' });
  expect(ok.status).toBe(303);
  expect((await api(app, fac.token, 'PUT', `/api/v1/evaluations/${id}/deadlines`, {})).json).toEqual({ voting: '2099-12-07T14:00:00.000Z', scoring: null });
  // A draft shows no stage banner; voting shows it on every page.
  expect(await (await pageGet(app, cookie, `/evaluations/${id}/criteria`)).text()).not.toContain('deadline-banner');
  await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'voting', force: true });
  for (const page of ['', '/criteria', '/vendors', '/vote', '/voting', '/members']) {
    const text = await (await pageGet(app, cookie, `/evaluations/${id}${page}`)).text();
    expect(text, page).toContain('Voting closes 7 Dec 2099, 14:00 UTC.');
  }
});
