import ExcelJS from 'exceljs';

/** A cell as text; numbers without float noise (6 places at most), a formula as its cached result. */
function cellText(x: ExcelJS.CellValue): string {
  const v = x && typeof x === 'object' && 'formula' in x ? x.result : x;
  if (typeof v === 'number') return String(Number(v.toFixed(6)));
  return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Every sheet of a workbook as lines of tab-separated cell texts, so tests can search it as they search a page. */
export async function xlsxText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  for (const ws of wb.worksheets) {
    lines.push(`# ${ws.name}`);
    ws.eachRow((row) => lines.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText).join('\t')));
  }
  return lines.join('\n');
}
