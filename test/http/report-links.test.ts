import { beforeAll, describe, expect, test, vi } from 'vitest';
import { api, expectApiError, makeTestApp, type TestApp } from '../setup/app.js';
import { evaluationWithUnscoredVendor } from '../setup/decision.js';
import { pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// Issue 14, items 7 and 8: the board report page, who reads it (ADR 025), and read-only links:
// made by the facilitator once in review, shown once, opened without an account (each opening
// audited), revoked or expired → a clear 410, unknown → 404.

type Person = Awaited<ReturnType<typeof signedInUser>> & { email: string };
const person = async (app: TestApp, email: string): Promise<Person> => ({ ...(await signedInUser(app, email)), email });
let app: TestApp;
let owner: Person, eva: Person;
let id: string, early: string;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await person(app, 'fay@example.test');
  eva = await person(app, 'eve@example.test');
  ({ id } = await evaluationWithUnscoredVendor(app, owner.token, eva, { review: true }));
  ({ id: early } = await evaluationWithUnscoredVendor(app, owner.token, eva));
});

const links = (ev: string) => `/api/v1/evaluations/${ev}/report-links`;

/** A link that no longer works: the page and its PDF both answer 410 with the message saying why. */
async function expectGone(path: string, message: string) {
  for (const p of [path, `${path}/report.pdf`]) {
    const gone = await pageGet(app, null, p);
    expect(gone.status, p).toBe(410);
    expect(await gone.text(), p).toContain(message);
  }
}

describe('the board report page', () => {
  test('in review every member reads it: decision, method, ranking, conflicts and the record of the award', async () => {
    for (const who of [owner, eva]) {
      const res = await pageGet(app, who.cookie, `/evaluations/${id}/report`);
      const html = await res.text();
      expect(res.status, html.slice(0, 300)).toBe(200);
      for (const heading of [m.report.decision, m.report.method, m.report.ranking, m.report.excluded, m.report.conflicts, m.report.consensus, m.report.record]) expect(html).toContain(heading);
      expect(html).toContain('Acme CX');
      expect(html).toContain('(j)');
    }
    // The working of the leaders and the TOPSIS check come from the same read models as their own pages.
    const working = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/ranking`);
    const leader = working.json.rows[0];
    const lines = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/vendors/${leader.vendorId}/working`);
    const html = await (await pageGet(app, owner.cookie, `/evaluations/${id}/report`)).text();
    expect(html).toContain(m.report.working);
    expect(html).toContain(m.working.methodCheck);
    expect(html).toContain(`<td class="num" data-label="${m.working.contribution}"><strong>${Number.isInteger(lines.json.total) ? lines.json.total : lines.json.total.toFixed(4)}</strong></td>`);
    // The ranking page leads to it.
    expect(await (await pageGet(app, eva.cookie, `/evaluations/${id}/ranking`)).text()).toContain(`href="/evaluations/${id}/report"`);
    expect(await (await pageGet(app, eva.cookie, `/evaluations/${early}/ranking`)).text()).not.toContain(`href="/evaluations/${early}/report"`);
    // The links card is the facilitator's alone.
    expect(await (await pageGet(app, owner.cookie, `/evaluations/${id}/report`)).text()).toContain(m.report.links);
    expect(await (await pageGet(app, eva.cookie, `/evaluations/${id}/report`)).text()).not.toContain(m.report.links);
  });

  test('before review an evaluator may not read it (blind scoring), the facilitator reads a draft', async () => {
    expect((await pageGet(app, eva.cookie, `/evaluations/${early}/report`)).status).toBe(403);
    const html = await (await pageGet(app, owner.cookie, `/evaluations/${early}/report`)).text();
    expect(html).toContain(m.report.draft.slice(0, 40));
  });

  test('a stranger gets 404', async () => {
    const stranger = await person(app, 'sam@example.test');
    expect((await pageGet(app, stranger.cookie, `/evaluations/${id}/report`)).status).toBe(404);
  });
});

describe('read-only links', () => {
  test('only the facilitator makes them, only from review on, within the bounds', async () => {
    expectApiError(await api(app, eva.token, 'POST', links(id), {}), 403);
    expectApiError(await api(app, owner.token, 'POST', links(early), {}), 409, 'report_not_final');
    for (const expiresInDays of [0, 91, 1.5, '7']) expectApiError(await api(app, owner.token, 'POST', links(id), { expiresInDays }), 400);
  });

  test('made, opened without an account (audited), listed, revoked → 410', async () => {
    const made = await api(app, owner.token, 'POST', links(id), { expiresInDays: 3 });
    expect(made.status, made.text).toBe(201);
    const { id: linkId, url, expiresAt } = made.json as { id: string; url: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/r\/cxr_[\w-]{40,}$/);

    const opened = await pageGet(app, null, path);
    const html = await opened.text();
    expect(opened.status, html.slice(0, 300)).toBe(200);
    expect(html).toContain('Acme CX');
    expect(html).toContain(m.report.viaLink);
    expect(html).not.toContain(m.report.links); // no controls for the link's reader
    expect(opened.headers.get('cache-control')).toContain('no-store');

    const listed = await api(app, owner.token, 'GET', links(id));
    expect(listed.status).toBe(200);
    const row = (listed.json.links as { id: string; uses: number; state: string }[]).find((l) => l.id === linkId);
    expect(row).toMatchObject({ uses: 1, state: 'live' });
    expect(JSON.stringify(listed.json)).not.toContain(path.slice(3));

    const audit = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/audit`);
    const sentences = (audit.json.entries as { summary: string }[]).map((e) => e.summary);
    expect(sentences).toContain(`Someone with read-only link ${linkId} opened the board report (opening 1)`);
    expect(sentences.some((s) => s.startsWith(`fay made read-only link ${linkId}`) || s.includes(`made read-only link ${linkId} to the board report`))).toBe(true);

    expectApiError(await api(app, eva.token, 'DELETE', `${links(id)}/${linkId}`), 403);
    expect((await api(app, owner.token, 'DELETE', `${links(id)}/${linkId}`)).status).toBe(204);
    expect((await api(app, owner.token, 'DELETE', `${links(id)}/${linkId}`)).status).toBe(204);
    const gone = await pageGet(app, null, path);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain(m.report.gone.revoked);
    // A revoked link's openings are not counted.
    const after = await api(app, owner.token, 'GET', links(id));
    expect((after.json.links as { id: string; uses: number; state: string }[]).find((l) => l.id === linkId)).toMatchObject({ uses: 1, state: 'revoked' });
  });

  test('past its expiry a link answers 410 and says so; the opening is neither counted nor audited', async () => {
    const made = await api(app, owner.token, 'POST', links(id), { expiresInDays: 1 });
    expect(made.status, made.text).toBe(201);
    const { id: linkId, url } = made.json as { id: string; url: string };
    const path = new URL(url).pathname;
    expect((await pageGet(app, null, path)).status).toBe(200);
    // Only Date is faked: the app's own timers and promises run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 86_400_000 + 60_000);
      await expectGone(path, m.report.gone.expired);
      const listed = await api(app, owner.token, 'GET', links(id));
      expect((listed.json.links as { id: string; uses: number; state: string }[]).find((l) => l.id === linkId)).toMatchObject({ uses: 1, state: 'expired' });
    } finally {
      vi.useRealTimers();
    }
    const audit = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/audit`);
    const sentences = (audit.json.entries as { summary: string }[]).map((e) => e.summary);
    expect(sentences).toContain(`Someone with read-only link ${linkId} opened the board report (opening 1)`);
    expect(sentences).not.toContain(`Someone with read-only link ${linkId} opened the board report (opening 2)`);
  });

  test('unknown token → 404; another evaluation\'s link id → 404', async () => {
    expect((await pageGet(app, null, '/r/cxr_not-a-real-token')).status).toBe(404);
    const made = await api(app, owner.token, 'POST', links(id), {});
    expectApiError(await api(app, owner.token, 'DELETE', `${links(early)}/${made.json.id as string}`), 404);
    expectApiError(await api(app, owner.token, 'DELETE', `${links(id)}/abc`), 404);
  });

  test('the page form makes a link and shows it once; revoking redirects back', async () => {
    const res = await pagePost(app, owner.cookie, `/evaluations/${id}/report/links`, { expiresInDays: '5' });
    const html = await res.text();
    expect(res.status).toBe(200);
    const url = /value="(http[^"]+\/r\/cxr_[^"]+)"/.exec(html)?.[1];
    expect(url).toBeDefined();
    expect((await pagePost(app, owner.cookie, `/evaluations/${id}/report/links`, { expiresInDays: '500' })).status).toBe(422);
    expect((await pagePost(app, eva.cookie, `/evaluations/${id}/report/links`, { expiresInDays: '5' })).status).toBe(403);
    const linkId = /action="\/evaluations\/\d+\/report\/links\/(\d+)\/revoke"/.exec(html)?.[1];
    const path = new URL(url!).pathname;
    expect((await pageGet(app, null, path)).status).toBe(200);
    expect((await pagePost(app, owner.cookie, `/evaluations/${id}/report/links/${linkId}/revoke`, {})).status).toBe(303);
    // Revoked from the page as from the API: the link and its PDF answer 410 and say why.
    await expectGone(path, m.report.gone.revoked);
  });
});
