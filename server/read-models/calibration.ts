import type { Db } from '../../db/client.js';
import { evaluatorScoreSums, offsetCorrectedCells } from '../../db/queries/calibration.js';
import { scoresStampOf } from '../../db/queries/scores.js';
import type { Actor } from '../actor.js';
import { forbidden } from '../errors.js';
import { calibrate, correctedMean, type EvaluatorCalibration } from '../domain/calibration.js';
import { CellMatrixBuilder, type CellMatrix } from '../domain/ranking-matrix.js';
import type { Scale } from '../domain/types.js';
import { agreementHiddenFor } from './agreement.js';
import { loadRankingInputs, rankInputs } from './ranking.js';

/** One vendor of the check ranking: its rank and total on offset-corrected scores, beside the official ones. */
export interface CalibratedRow { vendorId: string; name: string; rank: number; total: number; officialRank: number | null; officialTotal: number | null }

export interface CalibrationReport {
  evaluators: EvaluatorCalibration[];
  /** The ranking on offset-corrected scores: a check, never the official ranking (ADR 029). */
  check: { rows: CalibratedRow[]; ranked: number; moved: number };
}

// Both aggregates read every score (5 million for the landscape, seconds of work) and depend on the
// scores alone, so they are kept per database handle until the scores' stamp says otherwise, as
// Kendall's W is (read-models/agreement.ts).
interface Cached { key: string; evaluators: EvaluatorCalibration[]; corrected: { vendor_id: number; criterion_id: number; n: number; sum: number }[] }
const cache = new WeakMap<Db, Map<number, Cached>>();

async function aggregates(db: Db, evaluationId: number): Promise<Cached> {
  const key = await scoresStampOf(db, evaluationId);
  let byEvaluation = cache.get(db);
  if (!byEvaluation) cache.set(db, (byEvaluation = new Map()));
  const hit = byEvaluation.get(evaluationId);
  if (hit?.key === key) return hit;
  const evaluators = calibrate((await evaluatorScoreSums(db, evaluationId)).map((r) => ({
    evaluatorId: String(r.evaluator_id), name: r.name, n: r.n, sum: r.sum, sumsq: r.sumsq, shared: r.shared, offSum: r.off_sum, offSumsq: r.off_sumsq,
  })));
  const offsets = new Map(evaluators.map((e) => [Number(e.evaluatorId), e.leniency ?? 0]));
  const entry = { key, evaluators, corrected: await offsetCorrectedCells(db, evaluationId, offsets) };
  byEvaluation.set(evaluationId, entry);
  return entry;
}

/** The team's cells with each scored cell's mean replaced by its offset-corrected mean; a consensus stands (it is the panel's agreed value). */
function correctedMatrix(from: CellMatrix, corrected: Cached['corrected'], scale: Scale): CellMatrix {
  const b = new CellMatrixBuilder(from);
  for (const r of corrected) {
    const vendorId = String(r.vendor_id);
    const criterionId = String(r.criterion_id);
    const row = from.rows.get(vendorId);
    const col = from.cols.get(criterionId);
    const i = row === undefined || col === undefined ? -1 : row * from.stride + col;
    const consensus = i >= 0 && from.hasConsensus[i] === 1 ? from.consensus[i]! : null;
    b.put(vendorId, criterionId, r.n, correctedMean(r.n, r.sum, scale) * r.n, i >= 0 ? from.pass[i]! : 0, i >= 0 ? from.fail[i]! : 0, consensus);
  }
  return b.build();
}

const HIDDEN: Record<'own' | 'none', string> = {
  own: 'Calibration compares every evaluator’s scores with the panel’s: it is shown once you have submitted yours, or from review on.',
  none: 'Scores, and how each evaluator scores against the panel, are shown to stakeholders once the evaluation is in review.',
};

/** Why member `a` may not see calibration (it is everyone's scores): the message, or null when they may. */
export async function calibrationHiddenFor(db: Db, a: Actor): Promise<string | null> {
  const hidden = await agreementHiddenFor(db, a);
  return hidden ? HIDDEN[hidden] : null;
}

/**
 * Evaluator calibration for member `a`, who must be allowed to see every score (a 403 saying why
 * otherwise): each evaluator's leniency and spread, and the best `limit` vendors of the ranking on
 * offset-corrected scores beside their official rank and total.
 */
export async function calibrationReport(db: Db, a: Actor, opts: { limit?: number | undefined } = {}): Promise<CalibrationReport> {
  const hidden = await calibrationHiddenFor(db, a);
  if (hidden) throw forbidden(hidden);
  const [inputs, agg] = await Promise.all([loadRankingInputs(db, a), aggregates(db, a.evaluation.id)]);
  const official = rankInputs(inputs);
  const check = rankInputs({ ...inputs, matrix: correctedMatrix(inputs.matrix, agg.corrected, inputs.scale) });
  const officialOf = new Map(official.result.rows.map((r) => [r.vendorId, r]));
  const all = check.result.rows.map((r): CalibratedRow => {
    const o = officialOf.get(r.vendorId);
    return { vendorId: r.vendorId, name: r.name, rank: r.rank, total: r.total, officialRank: o?.rank ?? null, officialTotal: o?.total ?? null };
  });
  const moved = all.filter((r) => r.officialRank !== r.rank).length;
  return { evaluators: agg.evaluators, check: { rows: opts.limit === undefined ? all : all.slice(0, opts.limit), ranked: check.ranked, moved } };
}
