import type { Scale } from './types.js';

/**
 * Evaluator calibration (issue 14, point 5; ADR 029): how lenient each
 * evaluator is against the panel and how widely they score, from sums the database aggregated.
 * Pure: the same figures on SQLite and PostgreSQL, and a worked example in test/unit/calibration.test.ts.
 */

/** An evaluator's sums over their counted values on scored criteria (see db/queries/calibration.ts). */
export interface EvaluatorSums {
  evaluatorId: string; name: string;
  /** Values given, their sum and sum of squares. */
  n: number; sum: number; sumsq: number;
  /** Values on cells at least one other evaluator also scored, and the sum and sum of squares of their offsets from the cell's panel mean. */
  shared: number; offSum: number; offSumsq: number;
}

export interface EvaluatorCalibration {
  evaluatorId: string; name: string;
  /** Values given on scored criteria (N/A left out). */
  scores: number;
  /** The mean of those values. */
  mean: number;
  /** Their standard deviation (population: divided by the count). */
  sd: number;
  /** Values on cells shared with at least one other evaluator. */
  shared: number;
  /** Leniency: the mean offset from the panel mean on shared cells (positive = scores above the panel); null when nothing is shared. */
  leniency: number | null;
  /** The standard deviation of those offsets; null when nothing is shared. */
  offsetSd: number | null;
}

/** Population standard deviation from a count, a sum and a sum of squares (never negative from rounding). */
export const sdOf = (n: number, sum: number, sumsq: number): number => {
  if (n <= 0) return 0;
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sumsq / n - mean * mean));
};

/** Leniency and spread per evaluator, most lenient first (ties by name). */
export function calibrate(rows: readonly EvaluatorSums[]): EvaluatorCalibration[] {
  return rows.map((r): EvaluatorCalibration => ({
    evaluatorId: r.evaluatorId, name: r.name, scores: r.n,
    mean: r.n > 0 ? r.sum / r.n : 0, sd: sdOf(r.n, r.sum, r.sumsq),
    shared: r.shared,
    leniency: r.shared > 0 ? r.offSum / r.shared : null,
    offsetSd: r.shared > 0 ? sdOf(r.shared, r.offSum, r.offSumsq) : null,
  })).sort((a, b) => (b.leniency ?? 0) - (a.leniency ?? 0) || a.name.localeCompare(b.name) || a.evaluatorId.localeCompare(b.evaluatorId));
}

/**
 * A cell's offset-corrected mean: the mean of its values with each evaluator's leniency taken off
 * (`correctedSum` = Σ (value − leniency)), kept on the scale, since a correction can push a mean
 * past its ends and the normalisation assumes it cannot.
 */
export function correctedMean(count: number, correctedSum: number, scale: Scale): number {
  const mean = correctedSum / count;
  return mean < scale.min ? scale.min : mean > scale.max ? scale.max : mean;
}
