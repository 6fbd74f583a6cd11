import { beforeAll, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet, pagePost } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// Issue 12: the review page filters its flagged cells (criterion, vendor, resolved/unresolved; a GET
// form) and says how many are resolved; then, decided, the pages tell the truth about it.

let app: TestApp;
let cookie: string;
let ownerEmail: string;
let ownerToken: string;
let id: string;
let quality: string;
let support: string;
let acme: string;
let zeta: string;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  const [owner, eva, ben] = await Promise.all([signupUser(app, { password: 'correct-horse-battery' }), signupUser(app), signupUser(app)]);
  ownerEmail = owner.email;
  id = await createEvaluation(app, owner.token, { template: 'blank' }, { declare: false });
  quality = await addCriterion(app, owner.token, id, { name: 'Quality' });
  support = await addCriterion(app, owner.token, id, { name: 'Support' });
  acme = await addVendor(app, owner.token, id, { name: 'Acme CX' });
  zeta = await addVendor(app, owner.token, id, { name: 'Zeta' });
  for (const who of [eva, ben]) expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: who.email, role: 'evaluator' })).status).toBe(201);
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring' })).status).toBe(200);
  // Every cell spreads 1 to 5: four flagged cells.
  for (const [who, value] of [[eva, 1], [ben, 5]] as const) {
    await declareNoConflict(app, who.token, id);
    for (const v of [acme, zeta]) for (const c of [quality, support]) expect((await api(app, who.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: v, criterionId: c, value })).status).toBe(200);
    expect((await api(app, who.token, 'POST', `/api/v1/evaluations/${id}/submissions/me`)).status).toBe(200);
  }
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'review' })).status).toBe(200);
  expect((await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/consensus`, { vendorId: acme, criterionId: quality, value: 3, rationale: 'Demo showed both sides.' })).status).toBe(200);
  cookie = await formLogin(app, owner.email, 'correct-horse-battery');
  ownerToken = owner.token;
});

const rowsOf = (html: string) => [...html.matchAll(/<tr id="cell-(\d+)-(\d+)"/g)].map((r) => `${r[1]}:${r[2]}`).sort();

test('unfiltered: all four flagged cells, "resolved 1 of 4", and a GET filter form', async () => {
  const html = await (await pageGet(app, cookie, `/evaluations/${id}/review`)).text();
  expect(rowsOf(html)).toHaveLength(4);
  expect(html).toContain(esc(m.review.resolved(1, 4)));
  expect(html).toMatch(/<form method="get" action="\/evaluations\/\d+\/review" class="review-filter"/);
});

test.each([
  ['criterion', () => `criterion=${support}`, () => [`${acme}:${support}`, `${zeta}:${support}`]],
  ['vendor', () => `vendor=${zeta}`, () => [`${zeta}:${quality}`, `${zeta}:${support}`]],
  ['resolved', () => 'show=resolved', () => [`${acme}:${quality}`]],
  ['unresolved, for one vendor', () => `show=open&vendor=${acme}`, () => [`${acme}:${support}`]],
])('filtered by %s, the page lists only the matching cells', async (_, query, expected) => {
  const html = await (await pageGet(app, cookie, `/evaluations/${id}/review?${query()}`)).text();
  expect(rowsOf(html)).toEqual(expected().sort());
  expect(html).toContain(esc(m.review.resolved(1, 4)));
});

test('a filter that matches nothing says so; nonsense in the query is no filter', async () => {
  expect(await (await pageGet(app, cookie, `/evaluations/${id}/review?show=resolved&vendor=${zeta}`)).text()).toContain(m.review.noneMatch);
  expect(rowsOf(await (await pageGet(app, cookie, `/evaluations/${id}/review?show=maybe&vendor=x'--`)).text())).toHaveLength(4);
});

test('a consensus recorded from a filtered list goes back to that list', async () => {
  const from = `/evaluations/${id}/review?show=open`;
  const res = await pagePost(app, cookie, `/evaluations/${id}/review/consensus`, { cell: `${zeta}:${support}`, value: '4', rationale: 'References agree.' }, { referer: `http://localhost${from}` });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`${from}#cell-${zeta}-${support}`);
});

test('a 422 from a form names the page it came from, so a reload asks for the page, not the POST', async () => {
  const from = `/evaluations/${id}/review?vendor=${acme}`;
  const res = await pagePost(app, cookie, `/evaluations/${id}/review/threshold`, { threshold: '500' }, { referer: `http://localhost${from}` });
  expect(res.status).toBe(422);
  expect(res.headers.get('hx-replace-url')).toBe(from);
  expect(await res.text()).toContain(`<body data-page-url="${esc(from)}">`);
  // Another site's address is never taken.
  const foreign = await pagePost(app, cookie, `/evaluations/${id}/review/threshold`, { threshold: '500' }, { referer: 'https://evil.example/x' });
  expect(foreign.headers.get('hx-replace-url')).toBeNull();
  expect(await foreign.text()).toContain('<body>');
});

test('a browser’s own form POST that fails is answered POST-redirect-GET: the page with its errors, to that session only', async () => {
  const from = `/evaluations/${id}/review?vendor=${acme}`;
  const browser = { referer: `http://localhost${from}`, 'sec-fetch-mode': 'navigate' };
  const res = await pagePost(app, cookie, `/evaluations/${id}/review/threshold`, { threshold: '500' }, browser);
  expect(res.status).toBe(303);
  const location = res.headers.get('location')!;
  expect(location).toMatch(new RegExp(`^${from.replace(/[?]/g, '\\?')}&shown=[\\w-]{22}$`));
  const shown = await pageGet(app, cookie, location);
  expect(shown.status).toBe(422);
  const html = await shown.text();
  expect(html).toContain(`<body data-page-url="${esc(from)}">`);
  expect(shown.headers.get('cache-control')).toBe('no-store');
  // Another session (or nobody) gets the plain page, not this one's errors.
  expect((await pageGet(app, null, location)).status).toBe(303);
  const other = await formLogin(app, ownerEmail, 'correct-horse-battery');
  expect(other).not.toBe(cookie);
  const elsewhere = await pageGet(app, other, location);
  expect(elsewhere.status).toBe(200);
  expect(await elsewhere.text()).not.toContain('data-page-url');
  // A form posting to its own page's address is redirected too (a reload would otherwise resend it).
  const same = await pagePost(app, cookie, `/evaluations/${id}/members`, { email: 'not an address', role: 'evaluator' }, { referer: `http://localhost/evaluations/${id}/members`, 'sec-fetch-mode': 'navigate' });
  expect(same.status).toBe(303);
  expect(same.headers.get('location')).toMatch(new RegExp(`^/evaluations/${id}/members\\?shown=`));
});

test('once decided, the review page has no live threshold "Apply" button (it could only end on a 409)', async () => {
  const before = await (await pageGet(app, cookie, `/evaluations/${id}/review`)).text();
  expect(before).toContain('/review/threshold');
  expect((await api(app, ownerToken, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'decided' })).status).toBe(200);
  const after = await (await pageGet(app, cookie, `/evaluations/${id}/review`)).text();
  expect(after).not.toContain('/review/threshold');
  expect(after).not.toContain(`>${m.review.saveThreshold}<`);
});

test('a decided overview lists what the decision rests on, not set-up steps', async () => {
  const html = await (await pageGet(app, cookie, `/evaluations/${id}`)).text();
  expect(html).not.toContain(`<h2>${m.overview.steps}</h2>`);
  expect(html).not.toContain(esc(m.overview.stepCriteria(2)));
  expect(html).toContain(`<h2>${m.overview.recordTitle}</h2>`);
});

test('/vote after voting closed says it is closed, not that the facilitator will open it', async () => {
  const other = await createEvaluation(app, ownerToken, { template: 'blank' });
  await addCriterion(app, ownerToken, other, { name: 'Quality' });
  await addVendor(app, ownerToken, other, { name: 'Acme CX' });
  expect(await (await pageGet(app, cookie, `/evaluations/${other}/vote`)).text()).toContain(esc(m.voting.notOpen('draft')));
  expect((await api(app, ownerToken, 'POST', `/api/v1/evaluations/${other}/status`, { status: 'scoring' })).status).toBe(200);
  const html = await (await pageGet(app, cookie, `/evaluations/${other}/vote`)).text();
  expect(html).toContain(esc(m.voting.notOpen('scoring')));
  expect(html).not.toContain('opens it when the criteria are settled');
});
