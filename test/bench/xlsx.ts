import { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { evaluationForMember } from '../../db/queries/evaluations.js';
import { writeShortlistWorkbook, type ShortlistWorkbookData } from '../../server/exports/shortlist-xlsx.js';
import { shortlistWorkbookData } from '../../server/read-models/shortlist-workbook.js';

/** A sink that counts the bytes written and keeps none, so the figure measures the writer alone. */
function countingSink(): { sink: Writable; bytes: () => number } {
  let n = 0;
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { n += chunk.length; done(); } });
  return { sink, bytes: () => n };
}

/** Writes the workbook once; the peak heap above the start while it ran (sampled every 10 ms) and the bytes. */
async function writeOnce(data: ShortlistWorkbookData, formulas: boolean): Promise<{ ms: number; peakHeap: number; bytes: number }> {
  const { sink, bytes } = countingSink();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const sample = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 10);
  const finished = new Promise<void>((resolve, reject) => sink.on('finish', resolve).on('error', reject));
  const t = performance.now();
  await writeShortlistWorkbook(data, sink, { formulas });
  await finished;
  const ms = performance.now() - t;
  clearInterval(sample);
  return { ms, peakHeap: peak - start, bytes: bytes() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;

/**
 * Issue 14, performance: the full-ranking XLSX with live formulas at the landscape scale, against
 * exceljs writing the same rows as plain values (the formulas' results) in the same run, alternately
 * (target ≤ 3×). The data is loaded once through the export's read model, as the facilitator sees it;
 * the audit sheet is left out of both sides (it is the same rows either way). The note gives the
 * peak heap growth while writing (flat memory: it does not grow with the rows written), the file
 * size and the longest event-loop stall while writing.
 */
export async function benchXlsx(db: Db, evaluationId: number, userId: number, runs: number, longestStall: (fn: () => Promise<unknown>) => Promise<number>) {
  const access = await evaluationForMember(db, evaluationId, userId);
  if (!access) throw new Error('bench xlsx: the facilitator is not a member');
  const data: ShortlistWorkbookData = { ...(await shortlistWorkbookData(db, { ...access, userId }, () => [])), audit: null };
  await writeOnce(data, false);
  const formula: Awaited<ReturnType<typeof writeOnce>>[] = [];
  const plain: Awaited<ReturnType<typeof writeOnce>>[] = [];
  for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
    plain.push(await writeOnce(data, false));
    formula.push(await writeOnce(data, true));
  }
  const stall = await longestStall(() => writeOnce(data, true));
  const last = formula[formula.length - 1]!;
  return {
    name: 'xlsx_formulas_vs_values', value: median(formula.map((x) => x.ms)), unit: 'ms', baseline: median(plain.map((x) => x.ms)), target: { ratio: 3 },
    note: `${data.rows.length} ranked vendors × ${data.plan.leaves.length} leaves; ${mb(last.bytes)} file; peak heap +${mb(Math.max(...formula.map((x) => x.peakHeap)))} writing with formulas, +${mb(Math.max(...plain.map((x) => x.peakHeap)))} plain; longest event-loop stall ${stall.toFixed(0)} ms`,
  };
}
