import { beforeAll, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet, pagePost } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// A landscape-sized longlist on the feedback page: 50 vendors (and 50 forms) a page, and an
// answer leads back to the page that holds its vendor.

let app: TestApp;
let db: Db;
let cookie: string;
let id: string;
const forms = (html: string) => (html.match(/class="card explain feedback-vendor"/g) ?? []).length;

beforeAll(async () => {
  ({ app, db } = await makeTestApp());
  const owner = await signupUser(app);
  id = await createEvaluation(app, owner.token, { template: 'blank' });
  const at = new Date().toISOString();
  await db.insertInto('vendors').values(Array.from({ length: 120 }, (_, i) => ({ evaluation_id: Number(id), name: `V${String(i).padStart(3, '0')}`, name_key: `v${String(i).padStart(3, '0')}`, price: null, screened_out: null, created_at: at, updated_at: at }))).execute();
  cookie = await formLogin(app, owner.email, owner.password);
});

test('page 1 has the first 50 vendors and a pager; page 3 the last 20; past the end means the last page', async () => {
  const first = await (await pageGet(app, cookie, `/evaluations/${id}/feedback`)).text();
  expect(forms(first)).toBe(50);
  expect(first).toContain('V000');
  expect(first).not.toContain('V050');
  expect(first).toContain(esc(m.vendors.pageOf(1, 3)));
  const third = await (await pageGet(app, cookie, `/evaluations/${id}/feedback?page=3`)).text();
  expect(forms(third)).toBe(20);
  expect(third).toContain('V119');
  expect(await (await pageGet(app, cookie, `/evaluations/${id}/feedback?page=99`)).text()).toContain(esc(m.vendors.pageOf(3, 3)));
});

test('an answer about a vendor on page 3 redirects to page 3, at its form; the summary counts it', async () => {
  const vendor = await db.selectFrom('vendors').select('id').where('evaluation_id', '=', Number(id)).where('name', '=', 'V110').executeTakeFirstOrThrow();
  const res = await pagePost(app, cookie, `/evaluations/${id}/feedback`, { vendorId: String(vendor.id), nps: '9', csat: '4', ces: '2', comment: '' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`/evaluations/${id}/feedback?page=3#feedback-${vendor.id}`);
  const page = await (await pageGet(app, cookie, `/evaluations/${id}/feedback?page=3`)).text();
  expect(page).toContain('class="table feedback-table"');
});
