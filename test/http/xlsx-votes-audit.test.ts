import { beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { api, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { boardPackEvaluation } from '../setup/board-pack.js';
import { evaluationWithUnscoredVendor } from '../setup/decision.js';
import { formLogin, pageGet } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// Issue 14, item 6: the workbook's Votes and Audit sheets. Votes holds the aggregation, the votes
// counted and each top-level criterion's weight from the votes (the weights in force when they come
// from the votes); Audit holds exactly the audit log the reader may read (the same entries, in the
// same order, as GET /audit answers them), and nothing for a role the log is closed to.

type Cell = ExcelJS.CellValue;
const plain = (v: Cell) => (v && typeof v === 'object' && 'formula' in v ? v.result : v);

async function sheet(app: TestApp, cookie: string, id: string, name: string): Promise<Cell[][]> {
  const res = await pageGet(app, cookie, `/evaluations/${id}/shortlist.xlsx`);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  expect(ws, name).toBeDefined();
  const rows: Cell[][] = [];
  ws!.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as Cell[]).slice(1).map(plain)));
  return rows;
}

interface Entry { at: string; action: string; entity: string; entityId: string | number | null; summary: string }
const key = (e: { at: unknown; action: unknown; entity: unknown; entityId: unknown; summary: unknown }) => [e.at, e.action, e.entity, String(e.entityId ?? ''), e.summary].join(' | ');

/** The Audit sheet's rows as the API's entry keys (header left out). */
function auditRows(rows: Cell[][]): string[] {
  const h = m.exports.audit;
  expect(rows[0]).toEqual([h.at, h.actor, h.action, h.entity, h.entityId, h.summary, h.before, h.after]);
  return rows.slice(1).map((r) => key({ at: r[0], action: r[2], entity: r[3], entityId: r[4], summary: r[5] }));
}

async function auditApi(app: TestApp, token: string, id: string): Promise<string[]> {
  const res = await api(app, token, 'GET', `/api/v1/evaluations/${id}/audit`);
  expect(res.status, res.text).toBe(200);
  return (res.json.entries as Entry[]).map(key);
}

/** The reader's Audit sheet equals their GET /audit (read before and after, so no entry slipped in between). */
async function expectAuditAsApi(app: TestApp, who: { token: string; cookie: string }, id: string): Promise<string[]> {
  const before = await auditApi(app, who.token, id);
  const rows = auditRows(await sheet(app, who.cookie, id, m.exports.workbook.sheets.audit));
  expect(await auditApi(app, who.token, id)).toEqual(before);
  expect(rows).toEqual(before);
  return rows;
}

describe('the Votes and Audit sheets of a decided evaluation', () => {
  let app: TestApp;
  let made: Awaited<ReturnType<typeof boardPackEvaluation>>;
  beforeAll(async () => {
    ({ app } = await makeTestApp());
    made = await boardPackEvaluation(app);
  }, 60_000);

  test('the aggregation, the votes counted, and each top-level criterion’s weight from the votes as numbers (= the weights in force)', async () => {
    const rows = await sheet(app, made.owner.cookie, made.id, m.exports.workbook.sheets.votes);
    const t = m.exports.workbook;
    expect(rows[0]).toEqual([t.aggregation, m.voting.aggregations.mean]);
    expect(rows[1]).toEqual([t.votesCounted, 2]);
    const header = rows.findIndex((r) => r[0] === t.topCriterion);
    expect(rows[header]!.slice(0, 2)).toEqual([t.topCriterion, t.fromVotes]);
    const weights = (await api(app, made.owner.token, 'GET', `/api/v1/evaluations/${made.id}/weights`)).json as { weights: Record<string, number>; votes: number };
    expect(weights.votes).toBe(2);
    const byName = new Map(rows.slice(header + 1).map((r) => [r[0], r[1]]));
    // Points 70/30 and ratings 4/3 (4/7, 3/7): their mean.
    const quality = (0.7 + 4 / 7) / 2;
    expect(Math.abs((byName.get('Quality') as number) - quality)).toBeLessThan(1e-9);
    expect(Math.abs((byName.get('Support') as number) - (1 - quality))).toBeLessThan(1e-9);
    expect(Math.abs((byName.get('Quality') as number) - weights.weights[made.c.quality]!)).toBeLessThan(1e-9);
    expect(typeof byName.get('Support')).toBe('number');
  });

  test('the Audit sheet of a decided evaluation: the observer’s and the facilitator’s each equal their GET /audit; an evaluator’s holds only the note', async () => {
    const observer = await expectAuditAsApi(app, made.observer, made.id);
    expect(observer.length).toBeGreaterThan(20);
    expect(observer.some((k) => k.includes('Zeta'))).toBe(true);
    await expectAuditAsApi(app, made.owner, made.id);
    expect((await api(app, made.evaluator.token, 'GET', `/api/v1/evaluations/${made.id}/audit`)).status).toBe(403);
    const closed = await sheet(app, made.evaluator.cookie, made.id, m.exports.workbook.sheets.audit);
    expect(closed).toEqual([[m.exports.workbook.auditClosed]]);
  });
});

describe('the Audit sheet follows the audit log’s rule while scoring is blind', () => {
  test('a facilitator scoring blind sees no one else’s score entries there, as in GET /audit; an observer sees them', async () => {
    const { app } = await makeTestApp();
    const owner = await signupUser(app);
    const eva = await signupUser(app);
    const obs = await signupUser(app);
    const ownerPage = { token: owner.token, cookie: await formLogin(app, owner.email, owner.password) };
    const obsPage = { token: obs.token, cookie: await formLogin(app, obs.email, obs.password) };
    // The facilitator declares (createEvaluation does) and so joins the scoring panel; the evaluator scores Acme CX and Zeta.
    const { id, acme, quality } = await evaluationWithUnscoredVendor(app, owner.token, eva, {
      members: async (e) => { expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${e}/members`, { email: obs.email, role: 'observer' })).status).toBe(201); },
    });
    expect((await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: acme, criterionId: quality, value: 2 })).status).toBe(200);
    const scoreEntries = (rows: string[]) => rows.filter((k) => k.split(' | ')[2] === 'score');
    const facilitator = await expectAuditAsApi(app, ownerPage, id);
    const observer = await expectAuditAsApi(app, obsPage, id);
    // The observer reads every score entry (the evaluator's two and the facilitator's one); the blind facilitator only their own.
    expect(scoreEntries(observer).length).toBeGreaterThan(scoreEntries(facilitator).length);
    expect(scoreEntries(facilitator).length).toBeGreaterThan(0);
    expect(facilitator.length).toBeLessThan(observer.length);
  });
});
