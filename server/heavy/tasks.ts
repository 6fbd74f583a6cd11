import { rankInputs, type RankingInputs, type RankingView } from '../read-models/ranking.js';
import { rankAcceptability, stabilityIntervals, type ScoreMatrix } from '../domain/sensitivity.js';
import { seededRandom } from '../domain/random.js';
import { rankTopsis, type TopsisRow } from '../domain/ranking-topsis.js';
import { resolveWeights } from '../domain/weights.js';
import { kendallW } from '../domain/agreement.js';
import { withMissingAsNaN, type CalibrationGrid } from '../domain/calibration-grid.js';
import { calibrationOfGrid, type CalibrationReport } from '../read-models/calibration.js';
import { shortlistFileBytes, type ShortlistFileSource } from '../exports/shortlist-files.js';
import { priceQualityOf, type PriceQuality } from '../read-models/price-quality.js';
import { methodCheckOf, type MethodCheck } from '../read-models/method-check.js';
import { rankingAnswerBytes, type RankingAnswerExtras } from '../exports/ranking-answer.js';

/**
 * The heavy computations as plain data in, plain data out (ADR 017): they run in a pool thread or
 * inline, and give the same result either way. Nothing here reads the database or the Actor; the
 * read model loaded the inputs as the reader may see them (visibility rule) before handing them over.
 */
export type HeavyTask =
  | { kind: 'rank'; inputs: RankingInputs; topLevel?: Record<string, number> | undefined; limit?: number | undefined }
  | { kind: 'sensitivity'; inputs: RankingInputs; votes: Record<string, number>[]; samples: number }
  | { kind: 'topsis'; inputs: RankingInputs }
  | { kind: 'kendall'; grid: KendallGrid }
  | { kind: 'calibration'; inputs: RankingInputs; grid: CalibrationGrid }
  | { kind: 'shortlistFile'; inputs: RankingInputs; source: Omit<ShortlistFileSource, 'inputs'> }
  | { kind: 'priceQuality'; inputs: RankingInputs; limit: number }
  | { kind: 'methodCheck'; inputs: RankingInputs; limit: number }
  | { kind: 'rankingAnswer'; inputs: RankingInputs; limit?: number | undefined; extras: RankingAnswerExtras };

/**
 * Every evaluator's values per leaf criterion, as the agreement read model gathered them: per leaf
 * (in `leafIds` order), one array of `vendors` values per evaluator who scored it (NaN: no value).
 */
/** Per leaf, one column of values per evaluator; `has` (same shape) flags the vendors that have a value, else NaN in `rows` means none. */
export interface KendallGrid { leafIds: string[]; vendors: number; rows: Float64Array[][]; has?: Uint8Array[][] }

export interface SensitivityFigures {
  stability: Record<string, { low: number; high: number }>;
  acceptability: Record<string, { first: number; top3: number }>;
  /** Top-level criteria with their weight in force, in display order. */
  criteria: { id: string; name: string; weight: number }[];
  leader: { vendorId: string; name: string } | null;
  names: Record<string, string>;
  votes: number;
}

export type HeavyResult<T extends HeavyTask> = T extends { kind: 'rank' } ? RankingView : T extends { kind: 'topsis' } ? TopsisRow[] : T extends { kind: 'kendall' } ? Record<string, number | null>
  : T extends { kind: 'calibration' } ? CalibrationReport : T extends { kind: 'shortlistFile' | 'rankingAnswer' } ? Uint8Array<ArrayBuffer> : T extends { kind: 'priceQuality' } ? PriceQuality : T extends { kind: 'methodCheck' } ? MethodCheck : SensitivityFigures;

/** Roughly how many cell visits the task makes: what decides whether it is worth a thread. */
export function costOf(task: HeavyTask): number {
  if (task.kind === 'kendall') return task.grid.rows.reduce((n, rows) => n + rows.length, 0) * task.grid.vendors;
  if (task.kind === 'calibration') return task.grid.values.length * task.grid.vendorIds.length + task.inputs.vendors.length * Math.max(1, task.inputs.nodes.length);
  const cells = task.inputs.vendors.length * Math.max(1, task.inputs.nodes.length);
  if (task.kind === 'rank' || task.kind === 'topsis' || task.kind === 'shortlistFile' || task.kind === 'rankingAnswer') return cells;
  if (task.kind === 'priceQuality' || task.kind === 'methodCheck') return cells * 2;
  const tops = task.inputs.nodes.filter((n) => n.parentId === null).length;
  return cells * (tops + 1) + task.inputs.vendors.length * tops * task.samples;
}

export function runHeavy<T extends HeavyTask>(task: T): HeavyResult<T> {
  if (task.kind === 'rank') return rankInputs(task.inputs, task.topLevel, { limit: task.limit }) as HeavyResult<T>;
  if (task.kind === 'topsis') return topsisOfInputs(task.inputs) as HeavyResult<T>;
  if (task.kind === 'kendall') return kendallOfGrid(task.grid) as HeavyResult<T>;
  if (task.kind === 'calibration') return calibrationOfGrid(task.inputs, withMissingAsNaN(task.grid)) as HeavyResult<T>;
  if (task.kind === 'shortlistFile') return shortlistFileBytes({ ...task.source, inputs: task.inputs }) as HeavyResult<T>;
  if (task.kind === 'rankingAnswer') return rankingAnswerBytes(task.inputs, task.limit, task.extras) as HeavyResult<T>;
  if (task.kind === 'priceQuality') return priceQualityOf(task.inputs, task.limit) as HeavyResult<T>;
  if (task.kind === 'methodCheck') return methodCheckOf(task.inputs, topsisOfInputs(task.inputs), task.limit) as HeavyResult<T>;
  return sensitivityFigures(task.inputs, task.votes, task.samples) as HeavyResult<T>;
}

/**
 * Stability intervals and rank acceptability (domain/sensitivity.ts) of the inputs' ranking. The
 * seed is fixed so the same data always gives the same figures.
 */
function sensitivityFigures(inputs: RankingInputs, voteWeights: readonly Record<string, number>[], samples: number): SensitivityFigures {
  const view = rankInputs(inputs);
  const criteria = view.columns.map((c) => ({ id: c.id, name: c.name, weight: view.resolved.global.get(c.id) ?? 0 }));
  const vendorIds = view.result.rows.map((r) => r.vendorId);
  const names = Object.fromEntries(view.result.rows.map((r) => [r.vendorId, r.name]));
  // S(v, t): each top-level criterion alone at weight 1 — totals are linear in the top-level weights.
  const byCriterion = criteria.map((c) => {
    const one = rankInputs(inputs, Object.fromEntries(criteria.map((x) => [x.id, x.id === c.id ? 1 : 0])));
    return new Map(one.result.rows.map((r) => [r.vendorId, r.breakdown[c.id] ?? 0]));
  });
  const matrix: ScoreMatrix = { vendorIds, criterionIds: criteria.map((c) => c.id), s: vendorIds.map((v) => byCriterion.map((m) => m.get(v) ?? 0)) };
  const votes = voteWeights.map((w) => criteria.map((c) => w[c.id] ?? 0));
  const leader = view.result.rows[0];
  return {
    stability: stabilityIntervals(matrix, criteria.map((c) => c.weight)),
    acceptability: rankAcceptability(matrix, votes, samples, seededRandom(20_261_123)),
    criteria,
    leader: leader ? { vendorId: leader.vendorId, name: leader.name } : null,
    names,
    votes: votes.length,
  };
}

/** The method check: the inputs ranked by TOPSIS over the weights in force (domain/ranking-topsis.ts). */
function topsisOfInputs(inputs: RankingInputs): TopsisRow[] {
  const { nodes, scale, vendors, matrix } = inputs;
  return rankTopsis({ criteria: nodes, leafWeights: resolveWeights(nodes, inputs.local).leaves, scale, vendors, matrix });
}

/** Kendall's W per leaf, over the vendors every evaluator of that leaf gave a value. */
function kendallOfGrid({ leafIds, vendors, rows: byLeaf, has: hasByLeaf }: KendallGrid): Record<string, number | null> {
  const w: Record<string, number | null> = {};
  leafIds.forEach((id, l) => {
    const rows = byLeaf[l] ?? [];
    const flags = hasByLeaf?.[l];
    const valued = (e: number, v: number) => (flags ? flags[e]![v] === 1 : !Number.isNaN(rows[e]![v]!));
    const common: number[] = [];
    for (let v = 0; v < vendors; v++) if (rows.length > 0 && rows.every((_, e) => valued(e, v))) common.push(v);
    w[id] = kendallW(rows.map((r) => common.map((v) => r[v]!)));
  });
  return w;
}
