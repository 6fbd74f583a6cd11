import { nextTurn } from '../next-turn.js';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RankRow } from '../domain/ranking.js';
import { clamp01, round9 } from '../domain/ranking.js';
import type { ShortlistLine } from '../domain/shortlist.js';
import type { Scale } from '../domain/types.js';
import type { ReadableAuditRow } from '../read-models/audit-log.js';
import type { VoteAggregate } from '../read-models/votes.js';
import { colName, type PlanLeaf, type WorkbookPlan } from './xlsx-plan.js';
import { DEFAULT_COST_FORMULA, costBasis, costScore, type CostBasis, type CostFormula } from '../domain/cost-formula.js';
import { SHEETS, sheetNames, sheetRef, type SheetKey } from './xlsx-sheets.js';
import { m } from '../../views/messages/index.js';
import { statusFormula, statusWord } from './shortlist-status.js';

/** One cell as ranking reads it: the consensus if set, else the evaluators' mean (N/A left out); null when nobody scored it. */
export interface CellValue { value: number | null; consensus: boolean }

/** Everything the workbook shows, loaded by read-models/shortlist-workbook.ts as the reader may see it. */
export interface ShortlistWorkbookData {
  scale: Scale;
  /** The cost formula the ranking used (the evaluation's, ADR 030): the Working sheet writes it as Excel formulas. Default lowest ÷ price. */
  costFormula?: CostFormula;
  plan: WorkbookPlan;
  /** The ranked vendors best first, figures at full precision (the ranking read model's rows). */
  rows: readonly RankRow[];
  /** The CSV/JSON shortlist lines (domain/shortlist.ts): the first `rows.length` are the ranked ones. */
  lines: readonly ShortlistLine[];
  cell: (vendorId: string, leaf: PlanLeaf) => CellValue;
  /** A vendor's price when it counts (valid and not sealed), else null. */
  price: (vendorId: string) => number | null;
  /** Rows after the shortlist (the decision and its sign-off, as in the CSV). */
  trailer: readonly string[][];
  votes: VoteAggregate | null;
  /** The audit log as the reader may read it; null when their role may not. */
  audit: AsyncIterable<ReadableAuditRow> | null;
}

type Value = string | number | null | { formula: string; result: number | string };

/** How often (rows) the writer lets the event loop run at the latest: it bounds what a sheet holds between waits. */
const YIELD_EVERY = 50;
/**
 * And how long (ms) it may hold the loop between yields: on a loaded machine 50 rows of the
 * Working sheet took 100–200 ms (a request waiting behind them), so the clock decides as well.
 */
const YIELD_AFTER_MS = 8;
let lastBreath = 0;
/** Whether the writer should yield before row `i`: every YIELD_EVERY rows, or once it has held the loop YIELD_AFTER_MS. */
const due = (i: number): boolean => i % YIELD_EVERY === YIELD_EVERY - 1 || performance.now() - lastBreath > YIELD_AFTER_MS;
/** What a sheet may hold unzipped before the writer waits: 4 of exceljs's 64 KiB buffers, or 1 MiB queued in the zip. */
const MAX_QUEUED_BUFFERS = 4;
const MAX_QUEUED_BYTES = 1 << 20;
/** Past this, a stalled reader no longer holds the writer back (bounded wait, not a hang). */
const MAX_WAIT_MS = 30_000;

/** The parts of exceljs 4.4's per-sheet StreamBuf read here: its unpiped buffers and the zip entry it pipes into. */
interface SheetStream { buffers: unknown[]; pipes: { writableLength?: number }[] }
/** exceljs 4.4's sheet writer keeps every formula cell written, by address, for shared formulas (which this file never uses). */
interface SheetFormulae { _formulae?: Record<string, unknown> }

/**
 * Lets the event loop run, then waits while the sheet's XML is piling up ahead of the zip:
 * exceljs's stream writer has no backpressure of its own (it buffers whatever is written until the
 * zip reaches the sheet), so without this the whole landscape would sit in memory. The zip itself
 * waits for the response's reader, so a slow download slows the writer instead of growing it.
 */
async function breathe(ws: ExcelJS.Worksheet, signal?: AbortSignal): Promise<void> {
  // A download given up (the pool thread's reader gone): stop writing instead of waiting on a zip nobody reads.
  signal?.throwIfAborted();
  // Dropped, or the landscape's 350,000 formula cells would stay in memory until the sheet ends (and stall the loop in GC).
  const kept = ws as unknown as SheetFormulae;
  if (kept._formulae) kept._formulae = {};
  await nextTurn();
  lastBreath = performance.now();
  const s = (ws as unknown as { stream?: SheetStream }).stream;
  const queued = () => s !== undefined && (s.buffers.length > MAX_QUEUED_BUFFERS || s.pipes.some((p) => (p.writableLength ?? 0) > MAX_QUEUED_BYTES));
  for (const start = performance.now(); queued() && !signal?.aborted && performance.now() - start < MAX_WAIT_MS;) await new Promise((resolve) => setTimeout(resolve, 2));
  signal?.throwIfAborted();
}

/** Scores and Working: two header rows (names, then kind / leaf weight); vendor i is on row 3 + i. */
const FIRST = 3;

/**
 * How formulas name the other sheets (in the reader's language, quoted when needed), and the fixed
 * addresses on the Weights sheet (row 1): the scale and the prices that normalisation reads.
 */
function refsOf(names: Record<SheetKey, string>) {
  const ref = { scores: sheetRef(names.scores), weights: sheetRef(names.weights), working: sheetRef(names.working) };
  const w = (cell: string) => `${ref.weights}!${cell}`;
  return { ...ref, scaleMin: w('$B$1'), scaleMax: w('$D$1'), lowest: w('$F$1'), highest: w('$H$1'), average: w('$J$1') };
}

interface Ctx { data: ShortlistWorkbookData; formulas: boolean; lowest: number; cost: CostBasis; ref: ReturnType<typeof refsOf>; signal?: AbortSignal | undefined }
const formulaOf = (data: ShortlistWorkbookData): CostFormula => data.costFormula ?? DEFAULT_COST_FORMULA;

/** A formula with its cached result, or (plain mode, the bench's baseline) the result alone. */
const fx = (ctx: Ctx, formula: string, result: number | string): Value => (ctx.formulas ? { formula, result } : result);

/** The normalised value the app gives a leaf: (value − min)/(max − min) clamped; the evaluation's cost formula for cost (ADR 030). */
function normalised(ctx: Ctx, leaf: PlanLeaf, x: number): number {
  const { min, max } = ctx.data.scale;
  if (leaf.kind === 'cost') return costScore(x, ctx.cost);
  return max - min > 0 ? clamp01((x - min) / (max - min)) : x >= max ? 1 : 0;
}

/** `costScore` (domain/cost-formula.ts) as an Excel formula over the price cell `s`: the same arithmetic in the same order. */
function costFormulaOf(ctx: Ctx, formula: CostFormula, s: string): string {
  const { lowest: LOWEST_PRICE, highest: HIGHEST_PRICE, average: AVERAGE_PRICE } = ctx.ref;
  if (formula === 'linear') return `IF(${HIGHEST_PRICE}-${LOWEST_PRICE}>0,1-(${s}-${LOWEST_PRICE})/(${HIGHEST_PRICE}-${LOWEST_PRICE}),1)`;
  if (formula === 'relative-to-average') return `IF(${AVERAGE_PRICE}>0,MIN(1,MAX(0,1-${s}/(2*${AVERAGE_PRICE}))),IF(${s}=0,1,0))`;
  return `IF(${LOWEST_PRICE}=0,IF(${s}=0,1,0),${LOWEST_PRICE}/${s})`;
}

function normalisedFormula(ctx: Ctx, leaf: PlanLeaf, s: string): string {
  if (leaf.kind === 'cost') return `IF(ISNUMBER(${s}),${costFormulaOf(ctx, formulaOf(ctx.data), s)},"")`;
  const { min, max } = ctx.data.scale;
  const { scaleMin: SCALE_MIN, scaleMax: SCALE_MAX } = ctx.ref;
  return max - min > 0
    ? `IF(ISNUMBER(${s}),MIN(1,MAX(0,(${s}-${SCALE_MIN})/(${SCALE_MAX}-${SCALE_MIN}))),"")`
    : `IF(ISNUMBER(${s}),IF(${s}>=${SCALE_MAX},1,0),"")`;
}

/** A leaf's value for a vendor: a cost leaf takes the price. */
const leafValue = (ctx: Ctx, vendorId: string, leaf: PlanLeaf): number | null =>
  leaf.kind === 'cost' ? ctx.data.price(vendorId) : ctx.data.cell(vendorId, leaf).value;

/** Rows of the Weights sheet: leaves start after the parameters, the top-level table and a blank row. */
const topRow = (t: number) => 4 + t;
const leafRow = (ctx: Ctx, k: number) => 6 + ctx.data.plan.tops.length + k;

async function writeWeights(ws: ExcelJS.Worksheet, ctx: Ctx): Promise<void> {
  const { plan, scale, rows } = ctx.data;
  const T = plan.tops.length;
  const K = plan.leaves.length;
  const firstCost = plan.leaves.findIndex((l) => l.kind === 'cost');
  const costCol = colName(3 + firstCost);
  const prices = `${ctx.ref.scores}!${costCol}${FIRST}:${costCol}${FIRST + rows.length - 1}`;
  const none = firstCost < 0 || rows.length === 0;
  const stat = (fn: string, v: number): Value => (none ? null : fx(ctx, `${fn}(${prices})`, Number.isFinite(v) ? v : 0));
  const t = m.exports.workbook;
  ws.addRow([
    t.scaleMin, scale.min, t.scaleMax, scale.max, t.lowestPrice, stat('MIN', ctx.lowest),
    t.highestPrice, stat('MAX', ctx.cost.highest), t.averagePrice, stat('AVERAGE', ctx.cost.average), t.costFormula, m.whatIf.formulas[formulaOf(ctx.data)],
  ]).commit();
  ws.addRow([t.changeAWeight]).commit();
  ws.addRow(['#', t.topCriterion, t.weight]).commit();
  plan.tops.forEach((t, i) => ws.addRow([i + 1, t.name, t.weight]).commit());
  ws.addRow([]).commit();
  ws.addRow(['#', t.leafCriterion, t.kind, t.topNumber, t.share, t.leafWeight]).commit();
  const tops = `$C$${topRow(0)}:$C$${topRow(T - 1)}`;
  const first = leafRow(ctx, 0);
  const last = leafRow(ctx, K - 1);
  plan.leaves.forEach((l, k) => {
    const r = leafRow(ctx, k);
    const formula = `INDEX(${tops},D${r})/SUM(${tops})*E${r}/SUMIF($D$${first}:$D$${last},D${r},$E$${first}:$E$${last})`;
    ws.addRow([k + 1, l.path, t.kinds[l.kind], l.top + 1, l.share, fx(ctx, formula, l.weight)]).commit();
  });
  await ws.commit();
}

async function writeScores(ws: ExcelJS.Worksheet, ctx: Ctx): Promise<void> {
  const { plan, rows, scale } = ctx.data;
  const t = m.exports.workbook;
  ws.addRow([t.vendorId, t.vendor, ...plan.leaves.map((l) => l.path), t.consensusOn]).commit();
  ws.addRow(['', t.valueUsed, ...plan.leaves.map((l) => (l.kind === 'cost' ? t.price : t.scoreRange(scale.min, scale.max))), '']).commit();
  for (let i = 0; i < rows.length; i++) {
    const { vendorId, name } = rows[i]!;
    const consensus: string[] = [];
    const values = plan.leaves.map((l) => {
      if (l.kind === 'scored' && ctx.data.cell(vendorId, l).consensus) consensus.push(l.path);
      return leafValue(ctx, vendorId, l);
    });
    // Names are strings, never formulas: a vendor called "=HYPERLINK(…)" stays text.
    ws.addRow([vendorId, name, ...values, consensus.join('; ')]).commit();
    if (due(i)) await breathe(ws, ctx.signal);
  }
  await ws.commit();
}

async function writeWorking(ws: ExcelJS.Worksheet, ctx: Ctx): Promise<void> {
  const { plan, rows } = ctx.data;
  const K = plan.leaves.length;
  const lastCol = colName(1 + K);
  const t = m.exports.workbook;
  ws.addRow([t.vendor, ...plan.leaves.map((l) => t.normalised(l.path)), t.coverage]).commit();
  ws.addRow([t.leafWeight, ...plan.leaves.map((l, k) => fx(ctx, `${ctx.ref.weights}!$F$${leafRow(ctx, k)}`, l.weight)), null]).commit();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const r = FIRST + i;
    const cells = plan.leaves.map((l, k) => {
      const x = leafValue(ctx, row.vendorId, l);
      return fx(ctx, normalisedFormula(ctx, l, `${ctx.ref.scores}!${colName(3 + k)}${r}`), x === null ? '' : normalised(ctx, l, x));
    });
    const coverage = fx(ctx, `SUMPRODUCT(--ISNUMBER(B${r}:${lastCol}${r}),B$2:${lastCol}$2)`, row.coverage);
    ws.addRow([row.name, ...cells, coverage]).commit();
    if (due(i)) await breathe(ws, ctx.signal);
  }
  await ws.commit();
}

/** Working columns (1-based) of each top-level criterion's first and last leaf: leaves are grouped by top. */
function topRanges(ctx: Ctx): [number, number][] {
  return ctx.data.plan.tops.map((_, t) => {
    const ks = ctx.data.plan.leaves.flatMap((l, k) => (l.top === t ? [k] : []));
    return [2 + ks[0]!, 2 + ks[ks.length - 1]!];
  });
}

async function writeShortlist(ws: ExcelJS.Worksheet, ctx: Ctx): Promise<void> {
  const { plan, rows, lines, trailer } = ctx.data;
  const T = plan.tops.length;
  // The CSV's headings (m.exports.shortlist) and status words (m.exports.statuses), which the formula below writes.
  const h = m.exports.shortlist;
  const header = [h.rank, h.vendor, h.total, h.coverage, ...plan.tops.map((t) => t.name), h.status, h.reason];
  const keyCol = colName(header.length + 1);
  ws.addRow([...header, m.exports.workbook.rankKey]).commit();
  const ranges = topRanges(ctx);
  const keys = `${keyCol}$2:${keyCol}$${1 + rows.length}`;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const r = 2 + i;
    const w = FIRST + i;
    const points = plan.tops.map((t, ti) => {
      const [a, b] = ranges[ti]!.map(colName) as [string, string];
      return fx(ctx, `100*SUMPRODUCT(${ctx.ref.working}!${a}${w}:${b}${w},${ctx.ref.working}!${a}$2:${b}$2)`, row.breakdown[t.id] ?? 0);
    });
    ws.addRow([
      fx(ctx, `RANK(${keyCol}${r},${keys})`, row.rank), lines[i]!.vendor,
      fx(ctx, `SUM(E${r}:${colName(4 + T)}${r})`, row.total),
      fx(ctx, `${ctx.ref.working}!${colName(2 + plan.leaves.length)}${w}`, row.coverage),
      ...points,
      fx(ctx, statusFormula(`D${r}`), statusWord(lines[i]!.status)), '',
      fx(ctx, `ROUND(C${r},9)`, round9(row.total)),
    ]).commit();
    if (due(i)) await breathe(ws, ctx.signal);
  }
  // Excluded, not yet scored and withdrawn vendors take no rank and no figures (ADR 024).
  for (const l of lines.slice(rows.length)) ws.addRow([null, l.vendor, null, null, ...plan.tops.map(() => null), statusWord(l.status), l.reason]).commit();
  for (const t of trailer) ws.addRow(t.map((x) => x || null)).commit();
  await ws.commit();
}

async function writeVotes(ws: ExcelJS.Worksheet, votes: VoteAggregate | null): Promise<void> {
  const t = m.exports.workbook;
  if (!votes) {
    ws.addRow([t.noVotes]).commit();
    return ws.commit();
  }
  ws.addRow([t.aggregation, m.voting.aggregations[votes.aggregation]]).commit();
  ws.addRow([t.votesCounted, votes.counted]).commit();
  ws.addRow([]).commit();
  ws.addRow([t.topCriterion, t.fromVotes, ...votes.groups.map((g) => t.groupColumn(g.name, g.weight, g.votes))]).commit();
  for (const c of votes.criteria) ws.addRow([c.name, votes.weights[c.id] ?? null, ...votes.groups.map((g) => g.weights?.[c.id] ?? null)]).commit();
  return ws.commit();
}

async function writeAudit(ws: ExcelJS.Worksheet, audit: AsyncIterable<ReadableAuditRow> | null, signal?: AbortSignal): Promise<void> {
  if (!audit) {
    ws.addRow([m.exports.workbook.auditClosed]).commit();
    return ws.commit();
  }
  const h = m.exports.audit;
  ws.addRow([h.at, h.actor, h.action, h.entity, h.entityId, h.summary, h.before, h.after]).commit();
  const system = m.exports.workbook.system;
  let n = 0;
  for await (const e of audit) {
    ws.addRow([e.at, e.actor_name ?? system, e.action, e.entity, e.entity_id, e.summary, e.before ?? '', e.after ?? '']).commit();
    if (due(n++)) await breathe(ws, signal);
  }
  return ws.commit();
}

/** Cheapest valid price among the ranked vendors, as the ranking judges it (0 in the sheet when there is none). */
function lowestPrice(data: ShortlistWorkbookData): number {
  let lowest = Infinity;
  for (const r of data.rows) {
    const p = data.price(r.vendorId);
    if (p !== null && p < lowest) lowest = p;
  }
  return Number.isFinite(lowest) ? lowest : 0;
}

/** The ranked vendors' prices under the evaluation's cost formula, as the ranking reads them. */
function costBasisOf(data: ShortlistWorkbookData): CostBasis {
  return costBasis(formulaOf(data), data.rows.flatMap((r) => { const p = data.price(r.vendorId); return p === null ? [] : [p]; }));
}

/**
 * Streams the shortlist workbook into `stream`: sheets Shortlist, Scores, Weights, Working, Votes,
 * Audit. With `formulas` (the export) the Shortlist's totals, points and ranks are formulas over
 * Scores and Weights, each with its cached result; without (the bench's baseline) the same cells
 * hold the results alone. Rows are committed as they are made, so memory stays flat. `signal`
 * stops the write (it rejects) at its next pause.
 */
export async function writeShortlistWorkbook(data: ShortlistWorkbookData, stream: Writable, opts: { formulas?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  // Sheet names and headings in the reader's language (issue 16); the pool thread runs in it.
  const names = sheetNames();
  const ctx: Ctx = { data, formulas: opts.formulas ?? true, lowest: lowestPrice(data), cost: costBasisOf(data), ref: refsOf(names), signal: opts.signal };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheets = Object.fromEntries(SHEETS.map((k) => [k, wb.addWorksheet(names[k])])) as Record<SheetKey, ExcelJS.Worksheet>;
  await writeShortlist(sheets.shortlist, ctx);
  await writeScores(sheets.scores, ctx);
  await writeWeights(sheets.weights, ctx);
  await writeWorking(sheets.working, ctx);
  await writeVotes(sheets.votes, data.votes);
  await writeAudit(sheets.audit, data.audit, opts.signal);
  await wb.commit();
}
