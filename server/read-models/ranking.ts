import type { Db } from '../../db/client.js';
import { cellsChangedSince, cellsOfCriterion, cellsVersionOf, type CellRow } from '../../db/queries/scores.js';
import { currentWeightSet } from '../../db/queries/weights.js';
import { criteriaOf, criterionParentsOf, toNodes } from '../../db/queries/criteria.js';
import { vendorCountOf, vendorsInRunning } from '../../db/queries/vendors.js';
import type { RankingResult } from '../domain/ranking.js';
import { CellMatrixBuilder, rankMatrix, type CellMatrix } from '../domain/ranking-matrix.js';
import type { CriterionNode, RankVendor, Scale } from '../domain/types.js';
import { resolveWeights, type ResolvedWeights } from '../domain/weights.js';
import { leavesOf, topLevelOf } from '../domain/criteria-tree.js';
import type { Actor } from '../actor.js';
import { visibilityOf, visibilityWithScores } from './visibility.js';
import { ownScoreCells } from '../../db/queries/own-scores.js';
import { anyScoredCell } from '../../db/queries/score-cells.js';
import type { Visibility } from '../domain/rules/visibility.js';
import { heavy } from '../heavy/jobs.js';
import { DEFAULT_COST_FORMULA, isCostFormula, type CostFormula } from '../domain/cost-formula.js';
import { exclusionReason } from '../../views/must-have-reasons.js';
import { nextTurn } from '../next-turn.js';

/**
 * Whose scores a ranking was computed from (API.md "Who sees what"): `own`, the reader's alone
 * (a scorer before submitting, before review); `team`, everyone's.
 */
export type RankingBasis = 'own' | 'team';

export interface RankingView {
  /** The ranking; `rows` holds the best `limit` vendors when a limit was asked for, else all of them. */
  result: RankingResult;
  /** How many vendors were ranked (`result.rows` may be cut to the limit; `result.unscored` are not ranked). */
  ranked: number;
  nodes: CriterionNode[];
  resolved: ResolvedWeights;
  weightVersion: number | null;
  /** Top-level criteria that carry weight, in display order: the breakdown's columns. */
  columns: CriterionNode[];
  /** Two envelopes: prices are sealed for this member, so the cost criteria were left out. */
  pricesHidden: boolean;
  /** Blind scoring: computed from the reader's own scores alone, or from the team's. */
  view: RankingBasis;
  /** The cost formula the totals were computed with (ADR 030). */
  costFormula: CostFormula;
}

/**
 * Everything a ranking is computed from, loaded once so it can be ranked under several weightings,
 * as the member it was loaded for may see it.
 */
export interface RankingInputs {
  /** The criteria tree, without the cost criteria when prices are sealed for the member. */
  nodes: CriterionNode[]; pricesHidden: boolean; local: Map<string, number>; weightVersion: number | null; vendors: RankVendor[]; scale: Scale;
  /** The evaluation's cell aggregates (a cached snapshot that never changes under its reader), or the reader's own cells. */
  matrix: CellMatrix;
  /** Blind scoring: whose scores `matrix` holds. */
  view: RankingBasis;
  /** The cells_version `matrix` was read at (the team's cached cells only): heavy results are cached by it (ADR 017). */
  cellsVersion?: number;
  /** Consensus rationales of cells ("vendorId:criterionId"), so a must-have knock-out says why. */
  rationales: ReadonlyMap<string, string>;
  /** How a price becomes a cost score: the evaluation's choice, or a what-if's (ADR 030). */
  costFormula: CostFormula;
}

// ---------------------------------------------------------------------------------------------
// The cell cache (ADR 008). Each process keeps, per database handle and evaluation, the cells as a
// typed-array matrix stamped with the evaluation's cells_version. Every read checks the stamp (one
// primary-key lookup); when another request or another process has written cells since, only the
// cells stamped later are read and applied to a copy. Vendors, criteria and weights are read fresh
// on every ranking, so renames, prices, screening and deletions need no stamp: cells of a deleted
// vendor or criterion stay in the copy but nothing asks for them, and ids are never reused.

interface CachedCells { version: number; matrix: CellMatrix; rationales: ReadonlyMap<string, string> }
interface DbCache { entries: Map<number, CachedCells>; loading: Map<number, Promise<CachedCells>> }

const caches = new WeakMap<Db, DbCache>();
/** About 25 bytes a cell: the landscape's 350,000 cells are 9 MB; this bounds a process at ~50 MB. */
const MAX_CACHED_CELLS = 2_000_000;
/** A longer list of changes than this is read as a full reload (bounded memory per read). */
const DELTA_LIMIT = 20_000;


function apply(b: CellMatrixBuilder, rationales: Map<string, string>, r: CellRow): void {
  const vendorId = String(r.vendor_id);
  const criterionId = String(r.criterion_id);
  b.put(vendorId, criterionId, r.n, r.sum, r.pass, r.fail, r.consensus);
  const key = `${vendorId}:${criterionId}`;
  if (r.consensus_rationale) rationales.set(key, r.consensus_rationale);
  else if (rationales.size > 0) rationales.delete(key);
}

/**
 * Every cell of the evaluation, one criterion (column) at a time so no big row list is ever held,
 * with a turn of the event loop between columns: better-sqlite3 answers at once, so the landscape's
 * 25 columns of 14,000 cells read back to back held the loop for over a second (issue 15).
 */
async function loadAll(db: Db, evaluationId: number, version: number): Promise<CachedCells> {
  const [criteria, vendors] = await Promise.all([criterionParentsOf(db, evaluationId), vendorCountOf(db, evaluationId)]);
  const b = new CellMatrixBuilder(undefined, { rows: vendors, cols: leavesOf(criteria).length });
  const rationales = new Map<string, string>();
  for (const c of criteria) {
    for (const r of await cellsOfCriterion(db, c.id)) apply(b, rationales, r);
    await nextTurn();
  }
  return { version, matrix: b.build(), rationales };
}

/** The cached cells with what was written since applied, on a copy; a full reload when that is a lot. */
async function loadChanges(db: Db, evaluationId: number, version: number, cached: CachedCells): Promise<CachedCells> {
  const changed = await cellsChangedSince(db, evaluationId, cached.version, DELTA_LIMIT);
  if (changed === null) return loadAll(db, evaluationId, version);
  const b = new CellMatrixBuilder(cached.matrix);
  const rationales = new Map(cached.rationales);
  for (const r of changed) apply(b, rationales, r);
  return { version, matrix: b.build(), rationales };
}

function cacheOf(db: Db): DbCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { entries: new Map(), loading: new Map() }));
  return c;
}

function store(cache: DbCache, evaluationId: number, entry: CachedCells): void {
  const current = cache.entries.get(evaluationId);
  // Two loads may finish out of order; the newer stamp wins.
  if (current && current.version > entry.version) return;
  cache.entries.delete(evaluationId);
  cache.entries.set(evaluationId, entry);
  let cells = 0;
  for (const e of cache.entries.values()) cells += e.matrix.rows.size * e.matrix.stride;
  for (const [id, e] of cache.entries) {
    if (cells <= MAX_CACHED_CELLS || cache.entries.size <= 1) break;
    cells -= e.matrix.rows.size * e.matrix.stride;
    cache.entries.delete(id);
  }
}

/**
 * The evaluation's cells as of now or later: the stamp is read first, so what is returned holds
 * at least every write committed before the call. Concurrent callers share one load.
 */
export async function cachedCells(db: Db, evaluationId: number): Promise<CachedCells> {
  const cache = cacheOf(db);
  let version = await cellsVersionOf(db, evaluationId);
  for (let attempt = 0; ; attempt++) {
    const cached = cache.entries.get(evaluationId);
    if (cached && cached.version === version) {
      cache.entries.delete(evaluationId);
      cache.entries.set(evaluationId, cached);
      return cached;
    }
    if (cached && cached.version > version && attempt === 0) {
      // Another request loaded a newer stamp meanwhile, or the database went back in time: ask again.
      version = await cellsVersionOf(db, evaluationId);
      continue;
    }
    const pending = cache.loading.get(evaluationId);
    if (pending) {
      const done = await pending.catch(() => undefined);
      if (done && done.version >= version) return done;
      continue;
    }
    const load = (cached && cached.version < version ? loadChanges(db, evaluationId, version, cached) : loadAll(db, evaluationId, version))
      .then((entry) => { store(cache, evaluationId, entry); return entry; })
      .finally(() => cache.loading.delete(evaluationId));
    cache.loading.set(evaluationId, load);
    return load;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * The ranking inputs for member `a`, as the visibility rule lets them see it: without prices (and
 * the cost criteria) while the two envelopes are sealed for them, and from their own scores alone
 * while they score blind. A member who may see no scores gets a 403: no caller can forget the rule.
 */
export async function loadRankingInputs(db: Db, a: Actor): Promise<RankingInputs> {
  return inputsAsSeen(db, a, await visibilityWithScores(db, a));
}

/** `loadRankingInputs` for pages, which say why instead of failing: null when `a` may see no scores. */
export async function visibleRankingInputs(db: Db, a: Actor): Promise<RankingInputs | null> {
  const seen = await visibilityOf(db, a);
  return seen.scores === 'none' ? null : inputsAsSeen(db, a, seen);
}

/** Whether the inputs hold any score: the reader's own when blind, else anyone's (a cell with a count). */
export async function anyScoresIn(db: Db, a: Actor, inputs: RankingInputs): Promise<boolean> {
  return inputs.view === 'own' ? inputs.matrix.rows.size > 0 : anyScoredCell(db, a.evaluation.id);
}

async function inputsAsSeen(db: Db, a: Actor, seen: Visibility): Promise<RankingInputs> {
  const { evaluation } = a;
  const own = seen.scores === 'own';
  const [rows, current, vendors, cells] = await Promise.all([
    criteriaOf(db, evaluation.id),
    currentWeightSet(db, evaluation.id),
    vendorsInRunning(db, evaluation.id),
    // Blind: the reader's own cells, read apart from the team's cached aggregates.
    own ? ownCells(db, evaluation.id, a.userId) : cachedCells(db, evaluation.id),
  ]);
  const nodes = toNodes(rows);
  return {
    // Two envelopes: without prices the cost leaves drop out and their siblings share the weight.
    nodes: seen.prices ? nodes : nodes.filter((n) => n.kind !== 'cost'), pricesHidden: !seen.prices, local: current.local, weightVersion: current.set?.version ?? null, scale: { min: evaluation.scale_min, max: evaluation.scale_max },
    vendors: vendors.map((v) => ({ id: String(v.id), name: v.name, price: seen.prices ? v.price : null })),
    matrix: cells.matrix, rationales: cells.rationales, view: own ? 'own' : 'team', costFormula: isCostFormula(evaluation.cost_formula) ? evaluation.cost_formula : DEFAULT_COST_FORMULA,
    ...(own ? {} : { cellsVersion: (cells as CachedCells).version }),
  };
}

/** One member's scores as a cell matrix, each cell theirs alone (no consensus exists before review). */
async function ownCells(db: Db, evaluationId: number, userId: number): Promise<{ matrix: CellMatrix; rationales: ReadonlyMap<string, string> }> {
  const b = new CellMatrixBuilder();
  for (const r of await ownScoreCells(db, evaluationId, userId)) {
    const v = r.value;
    b.put(String(r.vendor_id), String(r.criterion_id), v === null ? 0 : 1, v ?? 0, v === 1 ? 1 : 0, v === 0 ? 1 : 0, null);
  }
  return { matrix: b.build(), rationales: new Map() };
}

/**
 * Ranks the inputs, optionally with other top-level weights (a stakeholder group's, a what-if);
 * sub-criterion splits stay those of the weight set in force. With `limit`, row objects are made
 * for the best `limit` vendors only (ranks still count everyone).
 */
export function rankInputs(inputs: RankingInputs, topLevel?: Record<string, number>, opts: { limit?: number | undefined } = {}): RankingView {
  const { nodes } = inputs;
  const local = new Map(inputs.local);
  if (topLevel) for (const [id, w] of Object.entries(topLevel)) local.set(id, w);
  const resolved = resolveWeights(nodes, local);
  const ranked = rankMatrix({ criteria: nodes, leafWeights: resolved.leaves, scale: inputs.scale, vendors: inputs.vendors, matrix: inputs.matrix, limit: opts.limit, costFormula: inputs.costFormula });
  const result: RankingResult = {
    rows: ranked.rows,
    unscored: ranked.unscored,
    flags: ranked.flags,
    // The facilitator's rationale travels as data beside the gate's verdict; the reader phrases both.
    excluded: ranked.excluded.map((x) => {
      const rationale = inputs.rationales.get(`${x.vendorId}:${x.criterionId}`);
      return rationale ? { ...x, rationale } : x;
    }),
  };
  const columns = topLevelOf(nodes).filter((n) => (resolved.global.get(n.id) ?? 0) > 0);
  return { result, ranked: ranked.ranked, nodes, resolved, weightVersion: inputs.weightVersion, columns, pricesHidden: inputs.pricesHidden, view: inputs.view, costFormula: inputs.costFormula };
}

/**
 * The excluded vendors as a reader gets them (the ranking API): each with its reason in the
 * reader's language, phrased here from the gate's data, after the result left the pool thread.
 */
export function excludedAsRead(result: RankingResult): { vendorId: string; name: string; reason: string }[] {
  return result.excluded.map((x) => ({ vendorId: x.vendorId, name: x.name, reason: exclusionReason(x) }));
}

/**
 * `rankInputs` off the event loop when it is big (ADR 017): in a pool thread, cached by the data
 * version and the reader's view, within the team's cap on heavy jobs (429 past it).
 */
export function rankOffLoop(a: Actor, inputs: RankingInputs, topLevel?: Record<string, number>, opts: { limit?: number | undefined } = {}): Promise<RankingView> {
  return heavy(a, { kind: 'rank', inputs, topLevel, limit: opts.limit }, [topLevel ?? null, opts.limit ?? null]);
}

/**
 * Ranks an evaluation's vendors from the cell aggregates and the weights in force. Derived on
 * every read and never stored, so it cannot drift from the scores it explains; the cells come
 * from the per-process cache, checked against the evaluation's stamp on every call. Member `a` sees
 * it as the visibility rule allows (see loadRankingInputs): no caller can forget the rule.
 */
export async function loadRanking(db: Db, a: Actor, opts: { limit?: number | undefined } = {}): Promise<RankingView> {
  return rankOffLoop(a, await loadRankingInputs(db, a), undefined, opts);
}

/** `loadRanking` for pages: null when `a` may see no scores (a stakeholder before review). */
export async function visibleRanking(db: Db, a: Actor, opts: { limit?: number | undefined } = {}): Promise<RankingView | null> {
  const inputs = await visibleRankingInputs(db, a);
  return inputs ? rankOffLoop(a, inputs, undefined, opts) : null;
}
