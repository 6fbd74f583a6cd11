import type { ScoreValueProblem } from '../domain/score-values.js';
import { m } from '../../views/messages/index.js';

/** A score value's problem (domain/score-values.ts) as a sentence in the current language. */
export function scoreValueText(p: ScoreValueProblem): string {
  switch (p.code) {
    case 'costTakesPrice': return m.errors.costTakesPrice;
    case 'notANumber': return m.errors.scoreNotANumber;
    case 'mustHaveZeroOrOne': return m.errors.mustHaveZeroOrOne;
    case 'outOfScale': return m.errors.scoreOutOfScale(p.min, p.max);
  }
}
