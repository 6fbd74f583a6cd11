import { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { evaluationForMember } from '../../db/queries/evaluations.js';
import { writeShortlistWorkbook, type ShortlistWorkbookData } from '../../server/exports/shortlist-xlsx.js';
import { shortlistWorkbookData } from '../../server/read-models/shortlist-workbook.js';
import { shortlistWorkbookStream } from '../../server/heavy/xlsx-job.js';
import type { Actor } from '../../server/actor.js';

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

/** The export as the route makes it (ADR 037): loaded, then ranked and written with formulas in a pool thread, read to the end. */
async function writeThroughRoute(db: Db, a: Actor): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const { sink, bytes } = countingSink();
  const finished = new Promise<void>((resolve, reject) => sink.on('finish', resolve).on('error', reject));
  (await shortlistWorkbookStream(db, a, () => [])).pipe(sink);
  await finished;
  return { ms: performance.now() - t, bytes: bytes() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;

/**
 * Issue 14, performance: the full-ranking XLSX with live formulas at the landscape scale, as the
 * route makes it (ADR 037: loaded, ranked and written in a pool thread, streamed back), against
 * exceljs writing the same rows as plain values (the formulas' results) on this thread, in the same
 * run, alternately (target ≤ 3×). The data is loaded through the export's read model, as the
 * facilitator sees it, audit sheet included on both sides (the route writes it). The note gives the formula write on this thread too, the peak heap growth
 * while writing here (flat memory: it does not grow with the rows written), the file size and the
 * longest event-loop stall while the route's export runs.
 */
export async function benchXlsx(db: Db, evaluationId: number, userId: number, runs: number, longestStall: (fn: () => Promise<unknown>) => Promise<number>) {
  const access = await evaluationForMember(db, evaluationId, userId);
  if (!access) throw new Error('bench xlsx: the facilitator is not a member');
  const actor: Actor = { ...access, userId };
  // The same content on both sides, the audit sheet included (its rows are read afresh each time).
  const data = (): Promise<ShortlistWorkbookData> => shortlistWorkbookData(db, actor, () => []);
  await writeOnce(await data(), false);
  await writeThroughRoute(db, actor);
  const route: Awaited<ReturnType<typeof writeThroughRoute>>[] = [];
  const formula: Awaited<ReturnType<typeof writeOnce>>[] = [];
  const plain: Awaited<ReturnType<typeof writeOnce>>[] = [];
  for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
    plain.push(await writeOnce(await data(), false));
    route.push(await writeThroughRoute(db, actor));
    formula.push(await writeOnce(await data(), true));
  }
  const stall = await longestStall(() => writeThroughRoute(db, actor));
  const last = route[route.length - 1]!;
  const shape = await data();
  return {
    name: 'xlsx_formulas_vs_values', value: median(route.map((x) => x.ms)), unit: 'ms', baseline: median(plain.map((x) => x.ms)), target: { ratio: 3 },
    note: `${shape.rows.length} ranked vendors × ${shape.plan.leaves.length} leaves, the audit sheet on both sides; ${mb(last.bytes)} file; with formulas on this thread ${median(formula.map((x) => x.ms)).toFixed(0)} ms; peak heap +${mb(Math.max(...formula.map((x) => x.peakHeap)))} writing with formulas here, +${mb(Math.max(...plain.map((x) => x.peakHeap)))} plain; longest event-loop stall during the route's export ${stall.toFixed(0)} ms`,
  };
}
