import type { CriterionKind, Scale } from './types.js';

/** Why a value cannot be stored, as a code: the sentence is made in the reader's language outside the domain. */
export type ScoreValueProblem = { code: 'costTakesPrice' | 'notANumber' | 'mustHaveZeroOrOne' } | { code: 'outOfScale'; min: number; max: number };

/**
 * Why a value cannot be stored for a criterion of this kind, or null when it can.
 * `null` values mean N/A and are always allowed on scored and must-have leaves.
 */
export function scoreValueProblem(kind: CriterionKind, scale: Scale, value: number | null): ScoreValueProblem | null {
  if (kind === 'cost') return { code: 'costTakesPrice' };
  if (value === null) return null;
  if (!Number.isFinite(value)) return { code: 'notANumber' };
  if (kind === 'must-have') return value === 0 || value === 1 ? null : { code: 'mustHaveZeroOrOne' };
  if (value < scale.min || value > scale.max) return { code: 'outOfScale', min: scale.min, max: scale.max };
  return null;
}

/** Running figures for one vendor × criterion cell, from the evaluators' values (null = N/A). */
export function aggregateCell(values: readonly (number | null)[]): { n: number; sum: number; min: number | null; max: number | null; pass: number; fail: number; na: number } {
  let n = 0, sum = 0, pass = 0, fail = 0, na = 0;
  let min: number | null = null, max: number | null = null;
  for (const v of values) {
    if (v === null) { na++; continue; }
    n++;
    sum += v;
    min = min === null ? v : Math.min(min, v);
    max = max === null ? v : Math.max(max, v);
    if (v === 1) pass++;
    if (v === 0) fail++;
  }
  return { n, sum, min, max, pass, fail, na };
}
