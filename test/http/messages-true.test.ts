import { beforeAll, expect, test } from 'vitest';
import { addVendor, api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet, pagePost } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';
import { EXCLUSION_REASON_REQUIRED } from '../../server/schemas/panel.js';
import { DEMO_LOGIN, seedDemo } from '../../seeds/demo.js';
import { hashPassword } from '../../server/security/passwords.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';

// Issue 12, "every message true": the answers that said less than, or other than, the truth.

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupUser>>;
let cookie: string;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await signupUser(app, { password: 'correct-horse-battery' });
  cookie = await formLogin(app, owner.email, 'correct-horse-battery');
});

test('a scale of 0–1000000 names the allowed range (API and the new-evaluation form), not "A number."', async () => {
  const res = expectApiError(await api(app, owner.token, 'POST', '/api/v1/evaluations', { name: 'Big', scale: { min: 0, max: 1000000 } }), 400);
  expect(res.fields).toEqual({ 'scale.max': 'A number from -1000 to 1000.' });
  const page = await pagePost(app, cookie, '/evaluations', { name: 'Big', template: 'blank', scaleMin: '0', scaleMax: '1000000' });
  expect(page.status).toBe(422);
  const html = await page.text();
  expect(html).toContain('A number from -1000 to 1000.');
  expect(html).not.toContain('A number.<');
});

test('an exclusion needs a reason: 400 naming `reason` (API), the message on the field (page); nothing excluded', async () => {
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  const eva = await signupUser(app);
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
  const zeta = await addVendor(app, owner.token, id, { name: 'Zeta' });
  for (const body of [{}, { reason: '   ' }]) {
    const res = expectApiError(await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/exclusions`, { userId: eva.userId, vendorId: zeta, ...body }), 400);
    expect(res.fields).toEqual({ reason: EXCLUSION_REASON_REQUIRED });
  }
  const page = await pagePost(app, cookie, `/evaluations/${id}/members/exclusions`, { userId: eva.userId, vendorId: zeta, reason: ' ' });
  expect(page.status).toBe(422);
  expect(await page.text()).toContain(esc(EXCLUSION_REASON_REQUIRED));
  const panel = await (await pageGet(app, cookie, `/evaluations/${id}/members`)).text();
  expect(panel).not.toContain(`/exclusions/${eva.userId}/${zeta}/lift`);
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/exclusions`, { userId: eva.userId, vendorId: zeta, reason: 'Former employee' })).status).toBe(201);
});

test('a stakeholder whose link was revoked is shown as "link revoked", not "not yet"', async () => {
  const id = await createEvaluation(app, owner.token);
  const invite = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/invites`, { email: 'cmo@example.test', name: 'Chris CMO' });
  expect(invite.status).toBe(201);
  const chris = async () => /title="cmo@example.test">Chris CMO<\/span><span class="badge">([^<]*)</.exec(await (await pageGet(app, cookie, `/evaluations/${id}/voting`)).text())?.[1];
  expect(await chris()).toBe(m.voting.notVoted);
  expect((await api(app, owner.token, 'DELETE', `/api/v1/evaluations/${id}/invites/${invite.json.inviteId}`)).status).toBe(204);
  expect(await chris()).toBe(m.voting.deadLink.revoked);
});

test('the sign-in page points to the demo login only while the demo account has its default password', async () => {
  const db = (await makeTestApp()).db;
  const fresh = { db, app: createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '1' }) }) };
  const hint = esc(m.auth.demoHint);
  expect(await (await pageGet(fresh.app, null, '/login')).text()).not.toContain(hint);
  await seedDemo(fresh.db);
  expect(await (await pageGet(fresh.app, null, '/login')).text()).toContain(hint);
  await fresh.db.updateTable('users').set({ password_hash: await hashPassword('someone-changed-it') }).where('email', '=', DEMO_LOGIN.email).execute();
  expect(await (await pageGet(fresh.app, null, '/login')).text()).not.toContain(hint);
}, 30_000);
