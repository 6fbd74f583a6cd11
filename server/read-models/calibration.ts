import type { Db } from '../../db/client.js';
import { userNamesOf } from '../../db/queries/calibration.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { exclusionsOf } from '../../db/queries/panel.js';
import { forEachScoreValue } from '../../db/queries/score-stream.js';
import { vendorIdsOf } from '../../db/queries/vendors.js';
import { correctedTotals, gridSums, type CalibrationGrid } from '../domain/calibration-grid.js';
import { leavesOf } from '../domain/criteria-tree.js';
import { heavyKey } from '../heavy/data-key.js';
import { heavyKeyed } from '../heavy/jobs.js';
import { flagColumns, float64Columns } from '../heavy/shared-columns.js';
import { scoresStampOf } from '../../db/queries/scores.js';
import type { Actor } from '../actor.js';
import { forbidden } from '../errors.js';
import { calibrate, correctedMean, type EvaluatorCalibration } from '../domain/calibration.js';
import { CellMatrixBuilder, type CellMatrix } from '../domain/ranking-matrix.js';
import type { Scale } from '../domain/types.js';
import { agreementHiddenFor } from './agreement.js';
import { loadRankingInputs, rankInputs, type RankingInputs } from './ranking.js';
import { m } from '../../views/messages/index.js';
import { nextTurn } from '../next-turn.js';

/** One vendor of the check ranking: its rank and total on offset-corrected scores, beside the official ones. */
export interface CalibratedRow { vendorId: string; name: string; rank: number; total: number; officialRank: number | null; officialTotal: number | null }

export interface CalibrationReport {
  evaluators: EvaluatorCalibration[];
  /** The ranking on offset-corrected scores: a check, never the official ranking (ADR 029). */
  check: { rows: CalibratedRow[]; ranked: number; moved: number };
}

// Calibration reads every score (5 million for the landscape, seconds of work). Like Kendall's W
// (read-models/agreement.ts, ADR 017) the scores are read in steps that yield to the event loop
// into a grid of typed arrays, and everything computed from them (each evaluator's sums, the
// offset-corrected cells, the official and the check ranking) runs in the heavy pool when big
// (a `calibration` task, ADR 037). The result is kept per database handle until the scores'
// stamp or the ranking's inputs say otherwise.
interface Cached { key: string; report: CalibrationReport }
let cache = new WeakMap<Db, Map<number, Cached>>();

/** Forgets every kept calibration grid (the bench times a first read). */
export const clearCalibrationCache = (): void => { cache = new WeakMap(); };

/** The counted values on the scored leaves (N/A and an excluded evaluator's values on that vendor left out), as a grid. */
async function readGrid(db: Db, evaluationId: number, leafIds: readonly string[], vendorIds: readonly number[]): Promise<CalibrationGrid> {
  await nextTurn();
  const excluded = new Set((await exclusionsOf(db, evaluationId)).map((x) => `${x.user_id}:${x.vendor_id}`));
  const leafAt = new Map(leafIds.map((id, l) => [Number(id), l]));
  const vendorAt = new Map(vendorIds.map((id, v) => [id, v]));
  const L = leafIds.length;
  const evaluatorAt = new Map<number, number>();
  // Columns of shared slabs with flags for "a value was read" (heavy/shared-columns.ts): making
  // 42 MB of NaN-filled arrays in one step of the read and copying them to the pool held the event
  // loop for 150 ms on the landscape; the thread turns unflagged cells into NaN (withMissingAsNaN).
  const columns = float64Columns(vendorIds.length);
  const flagged = flagColumns(vendorIds.length);
  const values: Float64Array[] = [];
  const has: Uint8Array[] = [];
  await forEachScoreValue(db, evaluationId, (vendorId, criterionId, evaluatorId, value) => {
    const l = leafAt.get(criterionId);
    const v = vendorAt.get(vendorId);
    if (l === undefined || v === undefined || excluded.has(`${evaluatorId}:${vendorId}`)) return;
    let e = evaluatorAt.get(evaluatorId);
    if (e === undefined) {
      evaluatorAt.set(evaluatorId, (e = evaluatorAt.size));
      for (let k = 0; k < L; k++) { values.push(columns.next()); has.push(flagged.next()); }
    }
    values[e * L + l]![v] = value;
    has[e * L + l]![v] = 1;
  }, vendorIds);
  const evaluatorIds = [...evaluatorAt.keys()];
  const names = await userNamesOf(db, evaluatorIds);
  return { evaluatorIds, names: evaluatorIds.map((id) => names.get(id) ?? ''), leafIds: [...leafIds], vendorIds: vendorIds.map(String), values, has };
}

/** The team's cells with each scored cell's mean replaced by its offset-corrected mean; a consensus stands (it is the panel's agreed value). */
function correctedMatrix(from: CellMatrix, g: CalibrationGrid, n: Float64Array, corrected: Float64Array, scale: Scale): CellMatrix {
  const b = new CellMatrixBuilder(from);
  const V = g.vendorIds.length;
  g.leafIds.forEach((criterionId, l) => {
    const col = from.cols.get(criterionId);
    g.vendorIds.forEach((vendorId, v) => {
      const count = n[l * V + v]!;
      if (count === 0) return;
      const row = from.rows.get(vendorId);
      const i = row === undefined || col === undefined ? -1 : row * from.stride + col;
      const consensus = i >= 0 && from.hasConsensus[i] === 1 ? from.consensus[i]! : null;
      b.put(vendorId, criterionId, count, correctedMean(count, corrected[l * V + v]!, scale) * count, i >= 0 ? from.pass[i]! : 0, i >= 0 ? from.fail[i]! : 0, consensus);
    });
  });
  return b.build();
}

/**
 * The whole calibration from the inputs and the grid, no I/O (a pool thread runs it): each
 * evaluator's leniency and spread, and every ranked vendor of the ranking on offset-corrected
 * scores beside its official rank and total.
 */
export function calibrationOfGrid(inputs: RankingInputs, g: CalibrationGrid): CalibrationReport {
  const { sums, cells } = gridSums(g);
  const evaluators = calibrate(sums);
  const corrected = correctedTotals(g, cells, new Map(evaluators.map((e) => [e.evaluatorId, e.leniency ?? 0])));
  const official = rankInputs(inputs);
  const check = rankInputs({ ...inputs, matrix: correctedMatrix(inputs.matrix, g, cells.n, corrected, inputs.scale) });
  const officialOf = new Map(official.result.rows.map((r) => [r.vendorId, r]));
  const rows = check.result.rows.map((r): CalibratedRow => {
    const o = officialOf.get(r.vendorId);
    return { vendorId: r.vendorId, name: r.name, rank: r.rank, total: r.total, officialRank: o?.rank ?? null, officialTotal: o?.total ?? null };
  });
  return { evaluators, check: { rows, ranked: check.ranked, moved: rows.filter((r) => r.officialRank !== r.rank).length } };
}

/** Why member `a` may not see calibration (it is everyone's scores): the message, or null when they may. */
export async function calibrationHiddenFor(db: Db, a: Actor): Promise<string | null> {
  const hidden = await agreementHiddenFor(db, a);
  return hidden ? m.errors.calibrationHidden[hidden] : null;
}

/**
 * Evaluator calibration for member `a`, who must be allowed to see every score (a 403 saying why
 * otherwise): each evaluator's leniency and spread, and the best `limit` vendors of the ranking on
 * offset-corrected scores beside their official rank and total.
 */
export async function calibrationReport(db: Db, a: Actor, opts: { limit?: number | undefined } = {}): Promise<CalibrationReport> {
  const hidden = await calibrationHiddenFor(db, a);
  if (hidden) throw forbidden(hidden);
  const id = a.evaluation.id;
  const [inputs, stamp] = await Promise.all([loadRankingInputs(db, a), scoresStampOf(db, id)]);
  const key = `calibration|${stamp}|${heavyKey(a, inputs, 'calibration', [])}`;
  let byEvaluation = cache.get(db);
  if (!byEvaluation) cache.set(db, (byEvaluation = new Map()));
  let report = byEvaluation.get(id)?.key === key ? byEvaluation.get(id)!.report : null;
  if (!report) {
    // Loading the inputs, digesting them for the key and listing 14,000 vendor ids each take 10–50
    // ms on the landscape; done in one turn with the grid's first step they held the loop for
    // 55–70 ms (issue 15, promise 1), so the read starts on a turn of its own.
    await nextTurn();
    const leafIds = leavesOf(await criteriaOf(db, id)).filter((c) => c.kind === 'scored').map((c) => String(c.id));
    const grid = await readGrid(db, id, leafIds, await vendorIdsOf(db, id));
    report = await heavyKeyed(a, { kind: 'calibration', inputs, grid }, key);
    // The read went in steps: a score written between them may be half in it, so only a read the stamp did not move under is kept.
    if ((await scoresStampOf(db, id)) === stamp) byEvaluation.set(id, { key, report });
  }
  const { rows } = report.check;
  return { evaluators: report.evaluators, check: { ...report.check, rows: opts.limit === undefined ? rows : rows.slice(0, opts.limit) } };
}
