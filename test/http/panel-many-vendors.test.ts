import { beforeAll, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addCriterion, api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet, pagePost } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// The panel page of a landscape-sized evaluation must not list every vendor in its forms: past
// 200 vendors the exclusion and assignment forms take the vendor's name instead.

let app: TestApp;
let db: Db;
let owner: Awaited<ReturnType<typeof signupUser>>;
let eva: Awaited<ReturnType<typeof signupUser>>;
let cookie: string;
let id: string;
let fit: string;

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  [owner, eva] = await Promise.all([signupUser(app), signupUser(app)]);
  id = await createEvaluation(app, owner.token, { template: 'blank' });
  fit = await addCriterion(app, owner.token, id, { name: 'Fit' });
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: eva.email, role: 'evaluator' })).status).toBe(201);
  const at = new Date().toISOString();
  await db.insertInto('vendors').values(Array.from({ length: 250 }, (_, i) => ({ evaluation_id: Number(id), name: `Vendor ${String(i).padStart(3, '0')}`, name_key: `vendor ${String(i).padStart(3, '0')}`, price: null, screened_out: null, created_at: at, updated_at: at }))).execute();
  cookie = await formLogin(app, owner.email, owner.password);
});

test('250 vendors: the forms ask for a name, and no vendor is listed as an option', async () => {
  const html = await (await pageGet(app, cookie, `/evaluations/${id}/members`)).text();
  expect(html).toContain('name="vendorName"');
  expect(html).toContain(esc(m.panel.vendorByName(250)));
  expect(html).not.toContain('>Vendor 001</option>');
});

test('an exclusion by name lands on that vendor; a name that matches none re-renders with the reason', async () => {
  const ok = await pagePost(app, cookie, `/evaluations/${id}/members/exclusions`, { userId: eva.userId, vendorName: '  vendor 042 ', reason: 'Former employee' });
  expect(ok.status).toBe(303);
  const vendor = await db.selectFrom('vendors').select('id').where('evaluation_id', '=', Number(id)).where('name', '=', 'Vendor 042').executeTakeFirstOrThrow();
  const rows = await db.selectFrom('evaluator_exclusions').select(['user_id', 'vendor_id']).where('evaluation_id', '=', Number(id)).execute();
  expect(rows).toEqual([{ user_id: Number(eva.userId), vendor_id: vendor.id }]);

  const bad = await pagePost(app, cookie, `/evaluations/${id}/members/exclusions`, { userId: eva.userId, vendorName: 'Vendr 042', reason: 'x' });
  expect(bad.status).toBe(404);
  expect(await bad.text()).toContain(esc(m.panel.unknownVendorName('Vendr 042')));
  expect(await db.selectFrom('evaluator_exclusions').select('vendor_id').where('evaluation_id', '=', Number(id)).execute()).toHaveLength(1);
});

test('an assignment with no name is to any vendor; with a name, to that vendor', async () => {
  expect((await pagePost(app, cookie, `/evaluations/${id}/members/assignments`, { userId: eva.userId, vendorName: '', criterionId: fit })).status).toBe(303);
  expect((await pagePost(app, cookie, `/evaluations/${id}/members/assignments`, { userId: eva.userId, vendorName: 'Vendor 007' })).status).toBe(303);
  const rows = await db.selectFrom('assignments as a').leftJoin('vendors as v', 'v.id', 'a.vendor_id').select('v.name').where('a.evaluation_id', '=', Number(id)).orderBy('a.id').execute();
  expect(rows.map((r) => r.name)).toEqual([null, 'Vendor 007']);
});
