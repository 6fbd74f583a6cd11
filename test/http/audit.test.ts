import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { auditChanges } from '../../views/pages/audit.js';
import { audit as t } from '../../views/messages/audit.js';
import { addCriterion, addVendor, api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet } from '../setup/pages.js';

// The audit log: GET /api/v1/evaluations/:id/audit, the page and its CSV (API.md "Analysis and audit").

type User = Awaited<ReturnType<typeof signupUser>>;
type Entry = {
  at: string; actor: { id: string; name: string; email: string } | null; action: string; entity: string; entityId: string; before: any; after: any;
  summary: string; summarySource: 'recorded' | 'reconstructed'; names: Record<string, string>;
};

let app: TestApp;
let db: Db;
let owner: User;
let evaluator: User;
let stakeholder: User;
let observer: User;
let outsider: User;
let formulaFan: User;
let id: string;
let acme: string;
let gone: string;
let crit: string;

const base = (e: string) => `/api/v1/evaluations/${e}`;

async function entriesOf(token: string, e: string, query = ''): Promise<Entry[]> {
  const res = await api(app, token, 'GET', `${base(e)}/audit${query}`);
  expect(res.status, res.text).toBe(200);
  return res.json.entries;
}

beforeAll(async () => {
  ({ app, db } = await makeTestApp());

  [owner, evaluator, stakeholder, observer, outsider] = await Promise.all([signupUser(app), signupUser(app), signupUser(app), signupUser(app), signupUser(app)]);
  formulaFan = await signupUser(app, { name: '@SUM(1)' });
  id = await createEvaluation(app, owner.token, { template: 'blank' });
  crit = await addCriterion(app, owner.token, id, { name: 'Usability' });
  const crit2 = await addCriterion(app, owner.token, id, { name: 'Analytics' });
  acme = await addVendor(app, owner.token, id, { name: 'Acme CX' });
  await addVendor(app, owner.token, id, { name: '=HYPERLINK(1)' });
  await addVendor(app, owner.token, id, { name: '100% CX' });
  gone = await addVendor(app, owner.token, id, { name: 'Gone Ltd' });
  expect((await api(app, owner.token, 'PATCH', `${base(id)}/vendors/${acme}`, { name: 'Acme Experience', price: 1200 })).status).toBe(200);
  expect((await api(app, owner.token, 'DELETE', `${base(id)}/vendors/${gone}`)).status).toBe(204);
  expect((await api(app, owner.token, 'PUT', `${base(id)}/weights`, { weights: { [crit]: 70, [crit2]: 30 } })).status).toBe(200);
  // Declarations may be required before scoring; where they are not, this is simply not found.
  await api(app, owner.token, 'PUT', `${base(id)}/declarations/me`, { conflict: false });
  const score = await api(app, owner.token, 'PUT', `${base(id)}/scores`, { vendorId: acme, criterionId: crit, value: 4 });
  expect(score.status, score.text).toBe(200);
  for (const [who, role] of [[evaluator, 'evaluator'], [stakeholder, 'stakeholder'], [observer, 'observer'], [formulaFan, 'facilitator']] as const) {
    expect((await api(app, owner.token, 'POST', `${base(id)}/members`, { email: who.email, role })).status).toBe(201);
  }
  // A second facilitator whose name looks like a formula makes one change.
  await addVendor(app, formulaFan.token, id, { name: 'Late Entry' });
});

describe('GET /api/v1/evaluations/:id/audit', () => {
  test('lists every change oldest first with actor, action, entity, entityId and parsed before/after', async () => {
    const res = await api(app, owner.token, 'GET', `${base(id)}/audit`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(['entries']);
    const entries: Entry[] = res.json.entries;
    // Issue 11 adds summary, summarySource and names to every entry.
    for (const e of entries) expect(Object.keys(e).sort()).toEqual(['action', 'actor', 'after', 'at', 'before', 'entity', 'entityId', 'names', 'summary', 'summarySource']);
    const at = entries.map((e) => e.at);
    expect([...at].sort()).toEqual(at);
    expect(entries[0]).toMatchObject({ action: 'create', entity: 'evaluation', entityId: id });
    const sequence = entries.map((e) => `${e.action} ${e.entity}`);
    const order = ['create criterion', 'create vendor', 'update vendor', 'delete vendor', 'set weights', 'score score', 'add member'];
    let last = -1;
    for (const step of order) {
      const i = sequence.indexOf(step, last + 1);
      expect(i, `${step} after position ${last} in ${sequence.join(', ')}`).toBeGreaterThan(last);
      last = i;
    }

    const update = entries.find((e) => e.action === 'update' && e.entity === 'vendor')!;
    expect(update.entityId).toBe(acme);
    expect(update.actor).toEqual({ id: owner.userId, name: expect.any(String), email: owner.email });
    expect(update.actor!.name.length).toBeGreaterThan(0);
    expect(update.before).toMatchObject({ name: 'Acme CX', price: null });
    expect(update.after).toMatchObject({ name: 'Acme Experience', price: 1200 });

    const removed = entries.find((e) => e.action === 'delete' && e.entity === 'vendor')!;
    expect(removed.entityId).toBe(gone);
    expect(removed.before).toMatchObject({ name: 'Gone Ltd' });
    expect(removed.after).toBeNull();

    const created = entries.find((e) => e.action === 'create' && e.entity === 'vendor')!;
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ name: 'Acme CX' });

    const weights = entries.find((e) => e.entity === 'weights')!;
    expect(typeof weights.after).toBe('object');
    const scoreEntry = entries.find((e) => e.entity === 'score')!;
    expect(scoreEntry.entityId).toBe(`${acme}:${crit}`);
    expect(scoreEntry.after).toMatchObject({ value: 4 });

    const late = entries.at(-1)!;
    expect(late).toMatchObject({ action: 'create', entity: 'vendor', actor: { id: formulaFan.userId, name: '@SUM(1)', email: formulaFan.email } });
  });

  test('the evaluation’s entries only: nothing from sign-ups or other evaluations', async () => {
    const other = await createEvaluation(app, owner.token, { template: 'blank' });
    await addVendor(app, owner.token, other, { name: 'Elsewhere' });
    const entries = await entriesOf(owner.token, id);
    expect(entries.some((e) => e.action === 'signup')).toBe(false);
    expect(JSON.stringify(entries)).not.toContain('Elsewhere');
    const theirs = await entriesOf(owner.token, other);
    expect(theirs[0]).toMatchObject({ action: 'create', entity: 'evaluation', entityId: other });
    expect(theirs.at(-1)).toMatchObject({ action: 'create', entity: 'vendor', after: { name: 'Elsewhere' } });
    expect(theirs.filter((e) => e.entity === 'vendor')).toHaveLength(1);
  });

  test('evaluator and stakeholder → 403; observer → 200 with the same entries; another team → 404; no token → 401', async () => {
    expectApiError(await api(app, evaluator.token, 'GET', `${base(id)}/audit`), 403, 'forbidden');
    expectApiError(await api(app, stakeholder.token, 'GET', `${base(id)}/audit`), 403, 'forbidden');
    expect(await entriesOf(observer.token, id)).toEqual(await entriesOf(owner.token, id));
    expectApiError(await api(app, outsider.token, 'GET', `${base(id)}/audit`), 404, 'not_found');
    expectApiError(await api(app, outsider.token, 'GET', `${base('999999')}/audit`), 404, 'not_found');
    expectApiError(await api(app, null, 'GET', `${base(id)}/audit`), 401);
  });

  test('filters: action, entity, actor, from/to and text', async () => {
    const all = await entriesOf(owner.token, id);
    expect(await entriesOf(owner.token, id, '?action=update')).toEqual(all.filter((e) => e.action === 'update'));
    expect(await entriesOf(owner.token, id, '?entity=vendor')).toEqual(all.filter((e) => e.entity === 'vendor'));
    expect(await entriesOf(owner.token, id, '?entity=vendor&action=delete')).toEqual(all.filter((e) => e.entity === 'vendor' && e.action === 'delete'));
    expect(await entriesOf(owner.token, id, `?actor=${formulaFan.userId}`)).toEqual(all.filter((e) => e.actor?.id === formulaFan.userId));
    expect((await entriesOf(owner.token, id, `?actor=${formulaFan.userId}`)).length).toBe(1);
    expect(await entriesOf(owner.token, id, '?action=')).toEqual(all);

    const today = all[0]!.at.slice(0, 10);
    const dayAfter = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await entriesOf(owner.token, id, `?from=${today}&to=${all.at(-1)!.at.slice(0, 10)}`)).toEqual(all);
    expect(await entriesOf(owner.token, id, `?from=${dayAfter}`)).toEqual([]);
    expect(await entriesOf(owner.token, id, `?to=${dayBefore}`)).toEqual([]);
    expect(await entriesOf(owner.token, id, `?from=${encodeURIComponent(all.at(-1)!.at)}`)).toEqual(all.filter((e) => e.at >= all.at(-1)!.at));

    // Text: case-insensitive, in before/after; % and _ are literal, not wildcards.
    const gones = await entriesOf(owner.token, id, '?q=gONE%20ltd');
    expect(gones.map((e) => e.action)).toEqual(['create', 'delete']);
    const percent = await entriesOf(owner.token, id, `?q=${encodeURIComponent('0%')}`);
    expect(percent.map((e) => e.after?.name)).toEqual(['100% CX']);
    expect(await entriesOf(owner.token, id, `?q=${encodeURIComponent('Acme_CX')}`)).toEqual([]);
    // Nothing stored here holds a backslash, the LIKE escape character: it must match nothing, not fail.
    expect(await entriesOf(owner.token, id, `?q=${encodeURIComponent('\\')}`)).toEqual([]);
  });

  test('bad filters → 400 naming the field', async () => {
    for (const [query, field] of [['?from=yesterday', 'from'], ['?to=2024-02-30', 'to'], ['?limit=0', 'limit'], ['?limit=201', 'limit'], ['?limit=x', 'limit'], ['?after=-1', 'after'], ['?actor=abc', 'actor']] as const) {
      const err = expectApiError(await api(app, owner.token, 'GET', `${base(id)}/audit${query}`), 400, 'validation_failed');
      expect(Object.keys(err.fields ?? {}), query).toEqual([field]);
    }
  });

  test('limit and after page through oldest first, with `next` while more remain', async () => {
    const all = await entriesOf(owner.token, id);
    const seen: Entry[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await api(app, owner.token, 'GET', `${base(id)}/audit?limit=3${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      pages += 1;
      expect(res.json.entries.length).toBeLessThanOrEqual(3);
      seen.push(...res.json.entries);
      if (!res.json.next) {
        expect(Object.keys(res.json)).toEqual(['entries']);
        break;
      }
      expect(res.json.next).toMatch(/^\d+$/);
      after = res.json.next;
    }
    expect(seen).toEqual(all);
    // One row more than the limit is read, so a full last page carries no `next`.
    expect(pages).toBe(Math.ceil(all.length / 3));
    // Paging combines with filters.
    const vendorsOnly = await api(app, owner.token, 'GET', `${base(id)}/audit?entity=vendor&limit=2`);
    expect(vendorsOnly.json.entries).toEqual(all.filter((e) => e.entity === 'vendor').slice(0, 2));
    expect(vendorsOnly.json.next).toBeDefined();
  });
});

describe('the audit page', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await formLogin(app, owner.email, owner.password);
  });

  const rowsOf = (html: string) => html.match(/<tr id="audit-\d+"/g)?.length ?? 0;

  test('lists the entries newest first, with who, what and a compact diff', async () => {
    const res = await pageGet(app, cookie, `/evaluations/${id}/audit`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const all = await entriesOf(owner.token, id);
    expect(rowsOf(html)).toBe(all.length);
    expect(html).toContain(esc(t.heading));
    // The update row shows only what changed.
    expect(html).toContain('<del>Acme CX</del>');
    expect(html).toContain('<ins>Acme Experience</ins>');
    expect(html).toContain('<ins>1200</ins>');
    expect(html).toContain('Gone Ltd');
    expect(html).toContain(esc('@SUM(1)'));
    // Newest first: the late vendor comes before the evaluation's creation.
    expect(html.indexOf('Late Entry')).toBeLessThan(html.indexOf('Acme CX'));
    expect(html).toContain(`href="/evaluations/${id}/audit.csv"`);
    expect(html).not.toMatch(/<script>|\sstyle=|hx-on/);
  });

  test('filters are a GET form whose choices come from the log; they narrow the table and stay selected', async () => {
    const html = await (await pageGet(app, cookie, `/evaluations/${id}/audit?action=delete&entity=vendor`)).text();
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/evaluations\/\d+\/audit"/);
    expect(rowsOf(html)).toBe(1);
    expect(html).toContain('Gone Ltd');
    expect(html).not.toContain('Acme Experience');
    expect(html).toMatch(/<option value="delete" selected="">delete<\/option>/);
    expect(html).toMatch(/<option value="weights">weights<\/option>/);
    expect(html).toContain(`<option value="${formulaFan.userId}">${esc('@SUM(1)')}</option>`);
    expect(html).toContain(`href="/evaluations/${id}/audit.csv?action=delete&amp;entity=vendor"`);

    const byPerson = await (await pageGet(app, cookie, `/evaluations/${id}/audit?person=${formulaFan.userId}`)).text();
    expect(rowsOf(byPerson)).toBe(1);
    expect(byPerson).toContain('Late Entry');

    // The text also searches the sentences (issue 11): the rename, and the score given to the renamed vendor.
    const text = await (await pageGet(app, cookie, `/evaluations/${id}/audit?q=acme+experience`)).text();
    expect(rowsOf(text)).toBe(2);
    expect(text).toContain('value="acme experience"');

    const none = await (await pageGet(app, cookie, `/evaluations/${id}/audit?q=nothing-like-this`)).text();
    expect(rowsOf(none)).toBe(0);
    expect(none).toContain(esc(t.noMatches));
    expect(none).toContain(esc(t.clear));

    const badDate = await pageGet(app, cookie, `/evaluations/${id}/audit?from=soon`);
    expect(badDate.status).toBe(200);
    const badHtml = await badDate.text();
    expect(badHtml).toContain(esc(t.badDate));
    expect(rowsOf(badHtml)).toBe((await entriesOf(owner.token, id)).length);
  });

  test('observer sees it; evaluator and stakeholder get a 403 page; another team a 404; signed out goes to login', async () => {
    expect((await pageGet(app, await formLogin(app, observer.email, observer.password), `/evaluations/${id}/audit`)).status).toBe(200);
    const ev = await pageGet(app, await formLogin(app, evaluator.email, evaluator.password), `/evaluations/${id}/audit`);
    expect(ev.status).toBe(403);
    expect(ev.headers.get('content-type')).toMatch(/text\/html/);
    expect((await pageGet(app, await formLogin(app, stakeholder.email, stakeholder.password), `/evaluations/${id}/audit`)).status).toBe(403);
    expect((await pageGet(app, await formLogin(app, outsider.email, outsider.password), `/evaluations/${id}/audit`)).status).toBe(404);
    expect((await pageGet(app, await formLogin(app, evaluator.email, evaluator.password), `/evaluations/${id}/audit.csv`)).status).toBe(403);
    expect((await pageGet(app, await formLogin(app, outsider.email, outsider.password), `/evaluations/${id}/audit.csv`)).status).toBe(404);
    expect([303, 401]).toContain((await pageGet(app, null, `/evaluations/${id}/audit`)).status);
  });

  test('Older/Newer page 50 at a time', async () => {
    const e = await createEvaluation(app, owner.token, { template: 'blank' });
    for (let i = 1; i <= 60; i += 1) await addVendor(app, owner.token, e, { name: `Vendor ${String(i).padStart(2, '0')}` });
    // The evaluation's own entries (its creation, and whatever else comes with it) and 60 vendors.
    const n = (await entriesOf(owner.token, e)).length;
    expect(n).toBeGreaterThan(60);
    expect(n).toBeLessThanOrEqual(100);
    const first = await (await pageGet(app, cookie, `/evaluations/${e}/audit`)).text();
    expect(rowsOf(first)).toBe(50);
    expect(first).toContain('Vendor 60');
    expect(first).not.toContain('Vendor 10<');
    expect(first).not.toContain(esc(t.newer));
    const older = /href="([^"]*before=\d+)"[^>]*>([^<]*)</.exec(first);
    expect(older?.[2]).toBe(esc(t.older));
    const second = await (await pageGet(app, cookie, older![1]!.replace(/&amp;/g, '&'))).text();
    expect(rowsOf(second)).toBe(n - 50);
    expect(second).toContain('Vendor 01');
    expect(second).toContain('Vendor 10');
    expect(second).not.toContain('Vendor 11');
    expect(second).not.toContain(esc(t.older));
    const newer = /href="([^"]*after=\d+)"/.exec(second);
    expect(newer).not.toBeNull();
    const back = await (await pageGet(app, cookie, newer![1]!.replace(/&amp;/g, '&'))).text();
    expect(rowsOf(back)).toBe(50);
    expect(back).toContain('Vendor 60');
    expect(back).toContain('Vendor 11');
    expect(back).not.toContain(esc(t.newer));
    // Paging keeps the filters.
    const filtered = await (await pageGet(app, cookie, `/evaluations/${e}/audit?entity=vendor`)).text();
    expect(filtered).toMatch(/href="[^"]*entity=vendor&amp;before=\d+"/);
  });
});

describe('GET /evaluations/:id/audit.csv', () => {
  test('a header row, one row per entry, formulas defused', async () => {
    const cookie = await formLogin(app, owner.email, owner.password);
    const res = await pageGet(app, cookie, `/evaluations/${id}/audit.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*-audit\.csv"$/);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const rows: string[][] = parse(text);
    const all = await entriesOf(owner.token, id);
    // One column per field (issue 11); entity and its id last, for tools.
    expect(rows[0]).toEqual(['at', 'actor', 'action', 'vendor', 'criterion', 'member', 'weight set', 'before', 'after', 'summary', 'entity', 'entity id']);
    expect(rows.length).toBe(all.length + 1);
    rows.slice(1).forEach((r, i) => {
      const e = all[i]!;
      expect([r[0], r[2], r[10], r[11]]).toEqual([e.at, e.action, e.entity, e.entityId]);
      const defused = (x: string) => (/^[=+\-@\t\r]/.test(x) ? `'${x}` : x);
      expect([r[3], r[4], r[5], r[6]]).toEqual([e.names.vendor ?? '', e.names.criterion ?? '', e.names.member ?? '', e.names.weightSet ?? ''].map(defused));
      expect(r[9]).toBe(defused(e.summary));
      if (r[7]) expect(JSON.parse(r[7])).toEqual(e.before);
      else expect(e.before).toBeNull();
    });
    // The vendor named like a formula stays inside its JSON cell; the actor named like one is quoted.
    expect(rows.some((r) => r[8]?.includes('"name":"=HYPERLINK(1)"'))).toBe(true);
    // In its own column the formula-like name is defused too.
    expect(rows.some((r) => r[3] === "'=HYPERLINK(1)")).toBe(true);
    const late = rows.at(-1)!;
    expect(late[1]).toBe(`'@SUM(1) <${formulaFan.email}>`);
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('the CSV honours the filters and a Bearer token', async () => {
    const res = await app.request(`http://localhost/evaluations/${id}/audit.csv?entity=vendor&action=delete`, { headers: { authorization: `Bearer ${observer.token}` } });
    expect(res.status).toBe(200);
    const rows: string[][] = parse((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows.length).toBe(2);
    expect(rows[1]![11]).toBe(gone);
    expect(rows[1]![3]).toBe('Gone Ltd');
  });
});

describe('the diff', () => {
  test('only changed keys; creations list what was set; removals what was there', () => {
    expect(auditChanges({ name: 'A', price: 1, website: '' }, { name: 'B', price: 1, website: '' })).toEqual([{ key: 'name', before: 'A', after: 'B' }]);
    expect(auditChanges(null, { name: 'A', website: '' })).toEqual([{ key: 'name', after: 'A' }]);
    expect(auditChanges({ name: 'A' }, null)).toEqual([{ key: 'name', before: 'A' }]);
    expect(auditChanges({ w: { '1': 0.5, '2': 0.5 } }, { w: { '1': 0.7, '2': 0.5 } })).toEqual([{ key: 'w.1', before: 0.5, after: 0.7 }]);
    expect(auditChanges({ a: 1 }, { b: 2 })).toEqual([{ key: 'b', after: 2 }, { key: 'a', before: 1 }]);
    expect(auditChanges(3, 4)).toEqual([{ key: '', before: 3, after: 4 }]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});

describe('the audit trail is append-only', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
    });

  test('no code in server/ or db/queries/ updates or deletes audit_entries', () => {
    const offenders = [...sources('server'), ...sources('db/queries')].filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /update(Table)?\(\s*['"]audit_entries|deleteFrom\(\s*['"]audit_entries/.test(text) || /\b(update\s+"?audit_entries|delete\s+from\s+"?audit_entries)\b/i.test(text);
    });
    expect(offenders).toEqual([]);
  });

  test('reading the log (API, page, CSV) writes nothing to it', async () => {
    const count = async () =>
      Number((await db.selectFrom('audit_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', Number(id)).executeTakeFirstOrThrow()).n);
    const n = await count();
    const cookie = await formLogin(app, observer.email, observer.password);
    await entriesOf(owner.token, id);
    await pageGet(app, cookie, `/evaluations/${id}/audit`);
    await pageGet(app, cookie, `/evaluations/${id}/audit.csv`);
    expect(await count()).toBe(n);
  });
});
