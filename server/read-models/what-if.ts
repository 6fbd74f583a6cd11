import type { CostFormula } from '../domain/cost-formula.js';
import { topLevelOf } from '../domain/criteria-tree.js';
import { parseWhatIfWeights } from '../schemas/what-if.js';
import type { RankingInputs } from './ranking.js';

/** A what-if on the ranking (ADR 030): another cost formula, other top-level weights. Nothing is stored. */
export interface WhatIf { costFormula?: CostFormula | undefined; weights?: string | undefined }

/**
 * The inputs as the what-if would have them: the same data the reader may see (the visibility rule
 * was applied when they were loaded), with the cost formula replaced and the top-level shares
 * replaced by the what-if's (checked against the top-level criteria the reader sees: a 400 with
 * `fields` otherwise). Every reader of the inputs — the ranking, TOPSIS, the heavy layer's cache
 * key — then sees the what-if, so cached results never mix with the stored weights'.
 */
export function whatIfInputs(inputs: RankingInputs, q: WhatIf): RankingInputs {
  if (q.costFormula === undefined && q.weights === undefined) return inputs;
  const out: RankingInputs = { ...inputs, costFormula: q.costFormula ?? inputs.costFormula };
  if (q.weights !== undefined) {
    const shares = parseWhatIfWeights(q.weights, topLevelOf(inputs.nodes).map((n) => n.id));
    out.local = new Map(inputs.local);
    for (const [id, w] of Object.entries(shares)) out.local.set(id, w);
  }
  return out;
}
