import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addVendor, api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet, pagePost } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

const t = m.feedback;

// Demo feedback (API.md "Feedback after demos"): PUT/GET /api/v1/evaluations/:id/feedback and
// the page at /evaluations/:id/feedback.

let app: TestApp;
let db: Db;

beforeEach(async () => {
  ({ app, db } = await makeTestApp());
});

type User = Awaited<ReturnType<typeof signupUser>>;

/** A blank evaluation with three vendors and one member of each role, plus an outsider. */
async function panel() {
  const owner = await signupUser(app);
  const [evaluator, stakeholder, observer, outsider] = await Promise.all([signupUser(app), signupUser(app), signupUser(app), signupUser(app)]);
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  for (const [who, role] of [[evaluator, 'evaluator'], [stakeholder, 'stakeholder'], [observer, 'observer']] as const) {
    const res = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: who.email, role });
    expect(res.status, res.text).toBe(201);
  }
  const a = await addVendor(app, owner.token, id, { name: 'Acme CX' });
  const b = await addVendor(app, owner.token, id, { name: 'Beta Feedback' });
  const c = await addVendor(app, owner.token, id, { name: 'Gamma Journeys' });
  return { owner, evaluator, stakeholder, observer, outsider, id, vendors: { a, b, c }, url: `/api/v1/evaluations/${id}/feedback` };
}

const put = (who: User, url: string, body: unknown) => api(app, who.token, 'PUT', url, body);

const rowsFor = (vendorId: string) => db.selectFrom('feedback').selectAll().where('vendor_id', '=', Number(vendorId)).execute();

describe('PUT /api/v1/evaluations/:id/feedback', () => {
  test('saves an answer; a second PUT replaces it, one row per person per vendor, audited before and after', async () => {
    const p = await panel();
    const first = await put(p.evaluator, p.url, { vendorId: p.vendors.a, nps: 9, csat: 4, ces: 7, comment: 'Clear demo' });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ vendorId: p.vendors.a, nps: 9, csat: 4, ces: 7 });

    // Leaving CSAT and CES out of the new answer clears them: the answer is replaced whole.
    const second = await put(p.evaluator, p.url, { vendorId: p.vendors.a, nps: 6 });
    expect(second.status, second.text).toBe(200);
    expect(second.json).toMatchObject({ vendorId: p.vendors.a, nps: 6, csat: null, ces: null });

    const rows = await rowsFor(p.vendors.a);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ nps: 6, csat: null, ces: null, comment: '', user_id: Number(p.evaluator.userId), evaluation_id: Number(p.id) });

    const audit = await db.selectFrom('audit_entries').selectAll().where('entity', '=', 'feedback').orderBy('id').execute();
    expect(audit.map((e) => e.action)).toEqual(['create', 'update']);
    expect(audit[0]!.before).toBeNull();
    expect(JSON.parse(audit[0]!.after!)).toEqual({ nps: 9, csat: 4, ces: 7, comment: 'Clear demo' });
    expect(JSON.parse(audit[1]!.before!)).toEqual({ nps: 9, csat: 4, ces: 7, comment: 'Clear demo' });
    expect(JSON.parse(audit[1]!.after!)).toEqual({ nps: 6, csat: null, ces: null, comment: '' });
    expect(audit[1]!.actor_id).toBe(Number(p.evaluator.userId));
  });

  test('different people each keep their own answer about the same vendor', async () => {
    const p = await panel();
    expect((await put(p.owner, p.url, { vendorId: p.vendors.a, nps: 10 })).status).toBe(200);
    expect((await put(p.stakeholder, p.url, { vendorId: p.vendors.a, nps: 2 })).status).toBe(200);
    expect(await rowsFor(p.vendors.a)).toHaveLength(2);
  });

  test('bad values → 400 naming the one bad field, nothing saved', async () => {
    const p = await panel();
    const cases: [name: string, body: Record<string, unknown>, field: string][] = [
      ['nps 11', { nps: 11 }, 'nps'],
      ['nps −1', { nps: -1 }, 'nps'],
      ['nps 7.5', { nps: 7.5 }, 'nps'],
      ['nps as text', { nps: 'ten' }, 'nps'],
      ['nps missing', {}, 'nps'],
      ['csat 0', { nps: 8, csat: 0 }, 'csat'],
      ['csat 6', { nps: 8, csat: 6 }, 'csat'],
      ['ces 0', { nps: 8, ces: 0 }, 'ces'],
      ['ces 11', { nps: 8, ces: 11 }, 'ces'],
      ['comment over 1000 characters', { nps: 8, comment: 'x'.repeat(1001) }, 'comment'],
      ['vendorId missing', { nps: 8 }, 'vendorId'],
    ];
    for (const [name, body, field] of cases) {
      const withVendor = field === 'vendorId' ? body : { vendorId: p.vendors.a, ...body };
      const err = expectApiError(await put(p.evaluator, p.url, withVendor), 400, 'validation_failed');
      expect(Object.keys(err.fields ?? {}), name).toEqual([field]);
    }
    expect(await rowsFor(p.vendors.a)).toHaveLength(0);
  });

  test('an unknown vendor, or one from another evaluation, is 404', async () => {
    const p = await panel();
    expectApiError(await put(p.evaluator, p.url, { vendorId: '999999', nps: 8 }), 404, 'not_found');
    const otherEval = await createEvaluation(app, p.outsider.token, { template: 'blank' });
    const foreign = await addVendor(app, p.outsider.token, otherEval, { name: 'Elsewhere Inc' });
    expectApiError(await put(p.evaluator, p.url, { vendorId: foreign, nps: 8 }), 404, 'not_found');
    expect(await rowsFor(foreign)).toHaveLength(0);
  });

  test('roles: facilitator, evaluator and stakeholder 200; observer 403; non-member 404; no token 401', async () => {
    const p = await panel();
    for (const who of [p.owner, p.evaluator, p.stakeholder]) expect((await put(who, p.url, { vendorId: p.vendors.b, nps: 8 })).status).toBe(200);
    expectApiError(await put(p.observer, p.url, { vendorId: p.vendors.b, nps: 8 }), 403, 'forbidden');
    expectApiError(await put(p.outsider, p.url, { vendorId: p.vendors.b, nps: 8 }), 404, 'not_found');
    expectApiError(await api(app, null, 'PUT', p.url, { vendorId: p.vendors.b, nps: 8 }), 401);
    expect(await rowsFor(p.vendors.b)).toHaveLength(3);
  });

  test('a decided evaluation takes no more feedback (409)', async () => {
    const p = await panel();
    await db.updateTable('evaluations').set({ status: 'decided' }).where('id', '=', Number(p.id)).execute();
    expectApiError(await put(p.evaluator, p.url, { vendorId: p.vendors.a, nps: 8 }), 409, 'evaluation_locked');
  });
});

describe('GET /api/v1/evaluations/:id/feedback', () => {
  test('summarises per vendor: NPS over all answers, CSAT and CES over the answers that have them', async () => {
    const p = await panel();
    // Vendor A: NPS 10, 9, 5 → 2 promoters, 1 detractor of 3 → (2 − 1) / 3 × 100 = 33.33…
    //           CSAT 5, 4, 2 → 2 of 3 satisfied → 66.66…%
    //           CES 9, (none), 6 → (9 + 6) / 2 = 7.5
    expect((await put(p.owner, p.url, { vendorId: p.vendors.a, nps: 10, csat: 5, ces: 9 })).status).toBe(200);
    expect((await put(p.evaluator, p.url, { vendorId: p.vendors.a, nps: 9, csat: 4 })).status).toBe(200);
    expect((await put(p.stakeholder, p.url, { vendorId: p.vendors.a, nps: 5, csat: 2, ces: 6 })).status).toBe(200);
    // Vendor B: one passive (7), no CSAT or CES → NPS 0, CSAT and CES null.
    expect((await put(p.owner, p.url, { vendorId: p.vendors.b, nps: 7 })).status).toBe(200);
    // Vendor C: nobody answered.

    const res = await api(app, p.observer.token, 'GET', p.url);
    expect(res.status, res.text).toBe(200);
    expect(Object.keys(res.json)).toEqual(['vendors']);
    const v = res.json.vendors;
    expect(Object.keys(v).sort()).toEqual([p.vendors.a, p.vendors.b, p.vendors.c].sort());
    expect(v[p.vendors.a].responses).toBe(3);
    expect(v[p.vendors.a].nps).toBeCloseTo(100 / 3, 10);
    expect(v[p.vendors.a].csat).toBeCloseTo(200 / 3, 10);
    expect(v[p.vendors.a].ces).toBeCloseTo(7.5, 10);
    expect(v[p.vendors.b]).toEqual({ responses: 1, nps: 0, csat: null, ces: null });
    expect(v[p.vendors.c]).toEqual({ responses: 0, nps: null, csat: null, ces: null });
  });

  test('a replaced answer counts once, with its new values', async () => {
    const p = await panel();
    await put(p.evaluator, p.url, { vendorId: p.vendors.a, nps: 0, csat: 1 });
    await put(p.evaluator, p.url, { vendorId: p.vendors.a, nps: 10, csat: 5 });
    const v = (await api(app, p.owner.token, 'GET', p.url)).json.vendors[p.vendors.a];
    expect(v).toEqual({ responses: 1, nps: 100, csat: 100, ces: null });
  });

  test('non-members get 404, as if the evaluation did not exist', async () => {
    const p = await panel();
    expectApiError(await api(app, p.outsider.token, 'GET', p.url), 404, 'not_found');
  });
});

describe('the feedback page', () => {
  const pageOf = async (who: User, id: string) => {
    const res = await pageGet(app, await formLogin(app, who.email, who.password), `/evaluations/${id}/feedback`);
    return { status: res.status, html: await res.text() };
  };

  test('posting the form redirects back (303) and the page shows the summary and your answer', async () => {
    const p = await panel();
    const cookie = await formLogin(app, p.evaluator.email, p.evaluator.password);
    const base = `/evaluations/${p.id}/feedback`;
    const res = await pagePost(app, cookie, base, { vendorId: p.vendors.a, nps: '9', csat: '4', ces: '', comment: 'Good demo' });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}#feedback-${p.vendors.a}`);
    // Two more answers through the API: NPS 9, 10, 3 → (2 − 1) / 3 = 33.3; CSAT 4, 5, (none) → 100%; CES (none), 8, 5 → 6.5.
    await put(p.owner, `/api/v1${base}`, { vendorId: p.vendors.a, nps: 10, csat: 5, ces: 8 });
    await put(p.stakeholder, `/api/v1${base}`, { vendorId: p.vendors.a, nps: 3, ces: 5 });

    const page = await pageGet(app, cookie, base);
    expect(page.status).toBe(200);
    const html = await page.text();
    const row = /<tr data-vendor-id="(\d+)">(.*?)<\/tr>/gs;
    const cells = new Map([...html.matchAll(row)].map((mt) => [mt[1], [...mt[2]!.matchAll(/<td class="num">(.*?)<\/td>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, ''))]));
    expect(cells.get(p.vendors.a)).toEqual(['3', '33.3', '100%', '6.5']);
    expect(cells.get(p.vendors.b)).toEqual(['0', t.none, t.none, t.none]);
    for (const line of [t.explainNps, t.explainCsat, t.explainCes]) expect(html).toContain(esc(line));
    // The evaluator's own answer is filled in, ready to change.
    expect(html).toContain(esc(t.yourAnswer(9, 4, null)));
    expect(html).toMatch(new RegExp(`id="fb-${p.vendors.a}-nps"[^>]*>.*?<option value="9" selected=""`, 's'));
    expect(html).toContain('Good demo</textarea>');
    expect(html).toContain(esc(t.notAnswered));
  });

  test('a bad value re-renders with 422, the message, and what was typed; nothing is saved', async () => {
    const p = await panel();
    const cookie = await formLogin(app, p.stakeholder.email, p.stakeholder.password);
    const res = await pagePost(app, cookie, `/evaluations/${p.id}/feedback`, { vendorId: p.vendors.b, nps: '11', csat: '2', ces: '', comment: 'Kept' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(esc(t.errorFor('Beta Feedback')));
    expect(html).toContain(`id="fb-${p.vendors.b}-nps-error"`);
    expect(html).toContain('At most 10.');
    expect(html).toMatch(new RegExp(`<details class="card explain feedback-vendor" id="feedback-${p.vendors.b}" open`));
    expect(html).toMatch(new RegExp(`id="fb-${p.vendors.b}-csat"[^>]*>.*?<option value="2" selected=""`, 's'));
    expect(html).toContain('Kept</textarea>');
    expect(await rowsFor(p.vendors.b)).toHaveLength(0);

    // No NPS chosen at all is just as much a 422.
    const blank = await pagePost(app, cookie, `/evaluations/${p.id}/feedback`, { vendorId: p.vendors.b, nps: '', csat: '', ces: '' });
    expect(blank.status).toBe(422);
    expect(await blank.text()).toContain(`id="fb-${p.vendors.b}-nps-error"`);
  });

  test('a form for an unknown vendor is 404', async () => {
    const p = await panel();
    const cookie = await formLogin(app, p.owner.email, p.owner.password);
    expect((await pagePost(app, cookie, `/evaluations/${p.id}/feedback`, { vendorId: '999999', nps: '8' })).status).toBe(404);
    expect((await pagePost(app, cookie, `/evaluations/${p.id}/feedback`, { vendorId: 'abc', nps: '8' })).status).toBe(404);
  });

  test('observers see the table without forms, and cannot post', async () => {
    const p = await panel();
    await put(p.owner, p.url, { vendorId: p.vendors.a, nps: 9, csat: 5, ces: 9 });
    const { status, html } = await pageOf(p.observer, p.id);
    expect(status).toBe(200);
    expect(html).toContain('class="table feedback-table"');
    expect(html).toContain(esc(t.readOnly));
    expect(html).not.toContain('name="nps"');
    expect(html).not.toContain('id="your-feedback"');
    const cookie = await formLogin(app, p.observer.email, p.observer.password);
    expect((await pagePost(app, cookie, `/evaluations/${p.id}/feedback`, { vendorId: p.vendors.a, nps: '8' })).status).toBe(403);
  });

  test('empty states: no vendors, and vendors without answers', async () => {
    const owner = await signupUser(app);
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const none = await pageOf(owner, id);
    expect(none.status).toBe(200);
    expect(none.html).toContain(esc(t.noVendors));
    expect(none.html).not.toContain('<table');

    await addVendor(app, owner.token, id, { name: 'Only One' });
    const unanswered = await pageOf(owner, id);
    expect(unanswered.html).toContain(esc(t.noAnswersCanGive));
    expect(unanswered.html).not.toContain('<table');
    expect(unanswered.html).toContain('name="nps"');
  });

  test('non-members get the 404 page', async () => {
    const p = await panel();
    expect((await pageOf(p.outsider, p.id)).status).toBe(404);
  });
});
