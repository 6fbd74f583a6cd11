import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, makeTestApp, type TestApp } from '../setup/app.js';
import { pageGet, signedInUser } from '../setup/pages.js';
import { recalculateWithLibreOffice } from '../setup/soffice.js';

/**
 * Issue 14 item 6: the shortlist as a workbook whose totals and ranks are live formulas.
 * Scale 0–5; Service (Response 70 %, Hours 30 %) 50 %, Platform 30 %, Price (cost) 20 %, a gate.
 *   HYP    a name that looks like a formula; Response mean of 4 and 3, Platform consensus 2, price 1000
 *   Acme   Hours N/A from both, Platform mean of 5 and 4, price 800: partial coverage
 *   Beta   Response only, no price: partial coverage
 *   Zeta   the cheapest (500) but fails the gate: excluded, and not the lowest price the others are judged by
 *   Nova   never scored; Gone   scored, then withdrawn
 */
const HYP = '=HYPERLINK("http://x","y")';
const NAMES = { hyp: HYP, acme: 'Acme CX', beta: 'Beta', zeta: 'Zeta', nova: 'Nova', gone: 'Gone' } as const;
type Key = keyof typeof NAMES;

let app: TestApp;
let owner: { token: string; cookie: string };
let id: string;
const c: Record<string, string> = {};
const v = {} as Record<Key, string>;
let dir: string;

type ApiRow = { rank: number; vendorId: string; name: string; total: number; coverage: number };
const ranking = async () => {
  const res = await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/ranking`);
  expect(res.status, res.text).toBe(200);
  return (res.json as { rows: ApiRow[] }).rows;
};

async function download(cookie = owner.cookie): Promise<{ res: Response; bytes: Buffer }> {
  const res = await pageGet(app, cookie, `/evaluations/${id}/shortlist.xlsx`);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function workbookOf(source: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  return wb;
}

/** The ranked rows of the Shortlist sheet: name, rank, total, coverage (formula results). */
function shortlistRows(wb: ExcelJS.Workbook, count: number) {
  const ws = wb.getWorksheet('Shortlist')!;
  const result = (x: ExcelJS.CellValue) => (x && typeof x === 'object' && 'formula' in x ? x.result : x);
  return Array.from({ length: count }, (_, i) => {
    const row = ws.getRow(2 + i);
    return { name: row.getCell(2).value, rank: result(row.getCell(1).value), total: result(row.getCell(3).value), coverage: result(row.getCell(4).value) };
  });
}

beforeAll(async () => {
  ({ app } = await makeTestApp());
  dir = await mkdtemp(join(tmpdir(), 'cxb-xlsx-'));
  owner = await signedInUser(app, 'owner-xlsx@example.test');
  const eva = await signedInUser(app, 'eva-xlsx@example.test');
  id = await createEvaluation(app, owner.token, { template: 'blank', scale: { min: 0, max: 5 } });
  const path = (p: string) => `/api/v1/evaluations/${id}${p}`;
  c.service = await addCriterion(app, owner.token, id, { name: 'Service' });
  c.response = await addCriterion(app, owner.token, id, { name: 'Response', parentId: c.service });
  c.hours = await addCriterion(app, owner.token, id, { name: 'Hours', parentId: c.service });
  c.platform = await addCriterion(app, owner.token, id, { name: 'Platform' });
  c.price = await addCriterion(app, owner.token, id, { name: 'Price', kind: 'cost' });
  c.gate = await addCriterion(app, owner.token, id, { name: 'Gate', kind: 'must-have' });
  const w = await api(app, owner.token, 'PUT', path('/weights'), { weights: { [c.service!]: 50, [c.platform!]: 30, [c.price!]: 20, [c.response!]: 70, [c.hours!]: 30 } });
  expect(w.status, w.text).toBe(200);
  const prices: Partial<Record<Key, number>> = { hyp: 1000, acme: 800, zeta: 500, gone: 900 };
  for (const k of Object.keys(NAMES) as Key[]) v[k] = await addVendor(app, owner.token, id, { name: NAMES[k], ...(prices[k] ? { price: prices[k] } : {}) });
  const mine: [Key, string, number | null][] = [
    ['hyp', 'response', 4], ['hyp', 'hours', 5], ['hyp', 'platform', 3], ['hyp', 'gate', 1],
    ['acme', 'response', 3], ['acme', 'hours', null], ['acme', 'platform', 5],
    ['beta', 'response', 2],
    ['zeta', 'response', 5], ['zeta', 'hours', 5], ['zeta', 'platform', 5], ['zeta', 'gate', 0],
    ['gone', 'response', 1], ['gone', 'platform', 1],
  ];
  const batch = await api(app, owner.token, 'POST', path('/scores/batch'), { scores: mine.map(([k, cr, value]) => ({ vendorId: v[k], criterionId: c[cr], value })) });
  expect(batch.status, batch.text).toBe(200);
  expect((await api(app, owner.token, 'POST', path('/members'), { email: 'eva-xlsx@example.test', role: 'evaluator' })).status).toBe(201);
  await declareNoConflict(app, eva.token, id);
  expect((await api(app, owner.token, 'POST', path('/status'), { status: 'scoring' })).status).toBe(200);
  for (const [k, cr, value] of [['hyp', 'response', 3], ['acme', 'platform', 4], ['acme', 'hours', null]] as const) {
    const res = await api(app, eva.token, 'PUT', path('/scores'), { vendorId: v[k], criterionId: c[cr], value });
    expect(res.status, res.text).toBe(200);
  }
  expect((await api(app, owner.token, 'POST', path(`/vendors/${v.gone}/withdrawal`), { reason: 'Acquired' })).status).toBe(200);
  let st = await api(app, owner.token, 'POST', path('/status'), { status: 'review' });
  if (st.status === 409) st = await api(app, owner.token, 'POST', path('/status'), { status: 'review', force: true });
  expect(st.status, st.text).toBe(200);
  const cons = await api(app, owner.token, 'PUT', path('/consensus'), { vendorId: v.hyp, criterionId: c.platform, value: 2, rationale: 'The demo showed gaps in the platform' });
  expect(cons.status, cons.text).toBe(200);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('GET /evaluations/:id/shortlist.xlsx', () => {
  test('an attachment with the six sheets; the same lines as the CSV, in the same order', async () => {
    const { res, bytes } = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+-shortlist\.xlsx"$/);
    const wb = await workbookOf(bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Shortlist', 'Scores', 'Weights', 'Working', 'Votes', 'Audit']);
    const csv = parse(await (await pageGet(app, owner.cookie, `/evaluations/${id}/shortlist.csv`)).text(), { bom: true }) as string[][];
    const ws = wb.getWorksheet('Shortlist')!;
    const lines = csv.slice(1).filter((r) => r[0] !== 'decision' && r[0] !== 'approval' && r.some((x) => x !== ''));
    const rows = Array.from({ length: lines.length }, (_, i) => ws.getRow(2 + i));
    const cell = (x: ExcelJS.CellValue) => (x && typeof x === 'object' && 'formula' in x ? x.result : x);
    // CSV cells are defused with a leading ' ; the workbook holds the name itself, as text.
    expect(rows.map((r) => String(r.getCell(2).value))).toEqual(lines.map((l) => l[1]!.replace(/^'/, '')));
    expect(rows.map((r) => cell(r.getCell(1).value) ?? '')).toEqual(lines.map((l) => (l[0] ? Number(l[0]) : '')));
    expect(rows.map((r) => { const t = cell(r.getCell(3).value); return typeof t === 'number' ? Math.round(t * 100) / 100 : ''; })).toEqual(lines.map((l) => (l[2] ? Number(l[2]) : '')));
    const statusCol = 5 + 3;
    expect(rows.map((r) => cell(r.getCell(statusCol).value))).toEqual(lines.map((l) => l[statusCol - 1]));
    expect(lines.map((l) => l[1])).toEqual(expect.arrayContaining([NAMES.zeta, NAMES.nova, NAMES.gone]));
  });

  test('totals, points and ranks are formulas over Scores and Weights; their cached results are the app’s', async () => {
    const wb = await workbookOf((await download()).bytes);
    const api = await ranking();
    const ws = wb.getWorksheet('Shortlist')!;
    api.forEach((r, i) => {
      const row = ws.getRow(2 + i);
      const rank = row.getCell(1).value as ExcelJS.CellFormulaValue;
      const total = row.getCell(3).value as ExcelJS.CellFormulaValue;
      expect(rank.formula).toMatch(/^RANK\(/);
      expect(total.formula).toMatch(/^SUM\(/);
      expect((row.getCell(5).value as ExcelJS.CellFormulaValue).formula).toMatch(/^100\*SUMPRODUCT\(Working!/);
      expect(row.getCell(2).value).toBe(r.name);
      expect(rank.result).toBe(r.rank);
      expect(Math.abs((total.result as number) - r.total)).toBeLessThan(1e-9);
    });
    // User text is text: the formula-looking name is a plain string cell everywhere it appears.
    const names = ['Shortlist', 'Scores', 'Working'].map((s) => wb.getWorksheet(s)!.getColumn(s === 'Scores' ? 2 : s === 'Shortlist' ? 2 : 1).values);
    for (const col of names) expect(col).toContain(HYP);
    // Numbers are numbers: scores, prices and weights.
    const scores = wb.getWorksheet('Scores')!;
    const hypRow = scores.getRow(3 + api.findIndex((r) => r.vendorId === v.hyp));
    expect(hypRow.getCell(1).value).toBe(v.hyp);
    expect(hypRow.values).toEqual(expect.arrayContaining([3.5, 5, 2, 1000]));
    expect(hypRow.getCell(hypRow.cellCount).value).toMatch(/Platform/);
    const weights = wb.getWorksheet('Weights')!;
    expect(typeof weights.getCell('C4').value).toBe('number');
    expect((weights.getCell('F1').value as ExcelJS.CellFormulaValue).result).toBe(800);
  });

  test('LibreOffice recalculates the same totals to 1e-9; a changed weight re-ranks as the app would', async () => {
    const exported = join(dir, 'as-exported.xlsx');
    const changed = join(dir, 'weight-changed.xlsx');
    const bytes = (await download()).bytes;
    await writeFile(exported, bytes);
    const edit = await workbookOf(bytes);
    const weights = edit.getWorksheet('Weights')!;
    // Service, Platform, Price: the Service weight up, in the sheet's own units (shares are taken in proportion).
    [100, 5, 2].forEach((x, t) => { weights.getCell(`C${4 + t}`).value = x; });
    await edit.xlsx.writeFile(changed);
    const before = await ranking();
    const { outputs, cleanup } = await recalculateWithLibreOffice([exported, changed]);
    try {
      const recalculated = shortlistRows(await workbookOf(outputs[0]!), before.length);
      recalculated.forEach((r, i) => {
        expect(r.name).toBe(before[i]!.name);
        expect(r.rank).toBe(before[i]!.rank);
        expect(Math.abs((r.total as number) - before[i]!.total), `${before[i]!.name} total`).toBeLessThan(1e-9);
        expect(Math.abs((r.coverage as number) - before[i]!.coverage)).toBeLessThan(1e-9);
      });
      // The same weights through the app: the recalculated sheet must agree vendor by vendor.
      const put = await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/weights`, { weights: { [c.service!]: 100, [c.platform!]: 5, [c.price!]: 2 }, reason: 'What the board asked' });
      expect(put.status, put.text).toBe(200);
      const after = new Map((await ranking()).map((r) => [r.name, r]));
      const sheet = shortlistRows(await workbookOf(outputs[1]!), before.length);
      for (const r of sheet) {
        const app = after.get(r.name as string)!;
        expect(r.rank, `${app.name} rank`).toBe(app.rank);
        expect(Math.abs((r.total as number) - app.total)).toBeLessThan(1e-9);
      }
      expect(sheet.map((r) => r.rank)).not.toEqual(recalculated.map((r) => r.rank));
    } finally {
      await cleanup();
    }
  }, 120_000);

  test('under a recorded non-default cost formula the Working sheet writes it as formulas; LibreOffice gives the app\'s totals to 1e-9', async () => {
    const files: string[] = [];
    const expected: ApiRow[][] = [];
    for (const formula of ['linear', 'relative-to-average'] as const) {
      const put = await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/cost-formula`, { formula, reason: 'The board asked for it' });
      expect(put.status, put.text).toBe(200);
      expected.push(await ranking());
      const bytes = (await download()).bytes;
      const wb = await workbookOf(bytes);
      // Price is the last leaf: its Working column reads the highest (linear) or the average price (ADR 030).
      const cell = wb.getWorksheet('Working')!.getRow(3).getCell(2 + 3).value as { formula: string };
      expect(cell.formula).toContain(formula === 'linear' ? 'Weights!$H$1' : 'Weights!$J$1');
      files.push(join(dir, `${formula}.xlsx`));
      await writeFile(files[files.length - 1]!, bytes);
    }
    // The two formulas give different totals here, so the check can fail.
    expect(expected[0]!.map((r) => r.total)).not.toEqual(expected[1]!.map((r) => r.total));
    const { outputs, cleanup } = await recalculateWithLibreOffice(files);
    try {
      for (const [f, out] of outputs.entries()) {
        const rows = shortlistRows(await workbookOf(out), expected[f]!.length);
        rows.forEach((r, i) => {
          expect(r.name).toBe(expected[f]![i]!.name);
          expect(r.rank).toBe(expected[f]![i]!.rank);
          expect(Math.abs((r.total as number) - expected[f]![i]!.total), `${r.name as string} total`).toBeLessThan(1e-9);
        });
      }
    } finally {
      await cleanup();
      await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/cost-formula`, { formula: 'lowest-over-price', reason: 'Back to the default' });
    }
  }, 120_000);

  test('in German: sheets and headings in German, formulas over the German sheet names; LibreOffice gives the app’s totals to 1e-9', async () => {
    const expected = await ranking();
    const bytes = (await download(`${owner.cookie}; cxb_lang=de`)).bytes;
    const wb = await workbookOf(bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Shortlist', 'Punktzahlen', 'Gewichte', 'Berechnung', 'Stimmen', 'Protokoll']);
    const ws = wb.getWorksheet('Shortlist')!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['Rang', 'Anbieter', 'Summe', 'Abdeckung', 'Rangschlüssel (Summe auf 9 Stellen gerundet)']));
    expect((ws.getRow(2).getCell(5).value as ExcelJS.CellFormulaValue).formula).toMatch(/^100\*SUMPRODUCT\(Berechnung!/);
    expect(wb.getWorksheet('Gewichte')!.getCell('A1').value).toBe('Skala min');
    expect((wb.getWorksheet('Berechnung')!.getRow(3).getCell(2).value as ExcelJS.CellFormulaValue).formula).toContain('Punktzahlen!');
    expect(wb.getWorksheet('Punktzahlen')!.getCell('A1').value).toBe('Anbieter-ID');
    const file = join(dir, 'deutsch.xlsx');
    await writeFile(file, bytes);
    const { outputs, cleanup } = await recalculateWithLibreOffice([file]);
    try {
      const rows = shortlistRows(await workbookOf(outputs[0]!), expected.length);
      rows.forEach((r, i) => {
        expect(r.name).toBe(expected[i]!.name);
        expect(r.rank).toBe(expected[i]!.rank);
        expect(Math.abs((r.total as number) - expected[i]!.total), `${r.name as string} total`).toBeLessThan(1e-9);
        expect(Math.abs((r.coverage as number) - expected[i]!.coverage)).toBeLessThan(1e-9);
      });
    } finally {
      await cleanup();
    }
  }, 120_000);

  test('a non-member gets 404 (the visibility matrix covers every role and stage)', async () => {
    const other = await signedInUser(app, 'stranger-xlsx@example.test');
    expect((await download(other.cookie)).res.status).toBe(404);
  });
});
