import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { writeShortlistWorkbook, type ShortlistWorkbookData } from '../../server/exports/shortlist-xlsx.js';

// Past the writer's yield interval (50 rows), several times over, where it waits for the zip and drops exceljs's formula
// map: every row must still arrive, each formula with its result, in order.
test('a workbook of 450 ranked vendors keeps every row, formula and result across the writer’s pauses', async () => {
  const n = 450;
  const rows = Array.from({ length: n }, (_, i) => {
    const total = 100 - i / 10;
    return { rank: i + 1, vendorId: String(i + 1), name: `=V${i}`, total, coverage: 1, provisional: false, breakdown: { t: total } };
  });
  const data: ShortlistWorkbookData = {
    scale: { min: 0, max: 5 },
    plan: { tops: [{ id: 't', name: 'Service', weight: 1 }], leaves: [{ id: 'l', path: 'Service', kind: 'scored', top: 0, share: 1, weight: 1, col: 0 }] },
    rows,
    lines: rows.map((r) => ({ rank: r.rank, vendor: r.name, total: r.total, coverage: 1, status: 'ranked' as const, reason: '', points: { t: r.total } })),
    cell: (vendorId) => ({ value: (5 * (100 - (Number(vendorId) - 1) / 10)) / 100, consensus: false }),
    price: () => null, trailer: [], votes: null, audit: null,
  };
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeShortlistWorkbook(data, out);
  await ended;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Shortlist')!;
  expect(ws.rowCount).toBe(1 + n);
  for (const i of [0, 199, 200, 201, 449]) {
    const row = ws.getRow(2 + i);
    expect(row.getCell(2).value).toBe(`=V${i}`);
    const total = row.getCell(3).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBe(`SUM(E${2 + i}:E${2 + i})`);
    expect(total.result).toBeCloseTo(100 - i / 10, 12);
    expect((row.getCell(1).value as ExcelJS.CellFormulaValue).result).toBe(i + 1);
  }
  expect(wb.getWorksheet('Working')!.rowCount).toBe(2 + n);
  expect(wb.getWorksheet('Scores')!.rowCount).toBe(2 + n);
});
