/**
 * How a price becomes a 0–1 cost score (issue 14, ADR 030). The evaluation records one formula;
 * `GET /ranking?costFormula=…` ranks under another as a what-if. Every formula reads the prices of
 * the vendors ranked (valid prices only), so an excluded or unscored bargain moves nobody.
 */
export const COST_FORMULAS = ['lowest-over-price', 'linear', 'relative-to-average'] as const;
export type CostFormula = (typeof COST_FORMULAS)[number];
export const DEFAULT_COST_FORMULA: CostFormula = 'lowest-over-price';

export const isCostFormula = (x: unknown): x is CostFormula => typeof x === 'string' && (COST_FORMULAS as readonly string[]).includes(x);

/** What a cost score is computed from: the formula and the lowest, highest and mean valid price among the ranked vendors (±Infinity / NaN when none). */
export interface CostBasis { formula: CostFormula; lowest: number; highest: number; average: number }

/** The basis of `prices` (the ranked vendors' valid prices) under `formula`. */
export function costBasis(formula: CostFormula, prices: Iterable<number>): CostBasis {
  let lowest = Infinity;
  let highest = -Infinity;
  let sum = 0;
  let n = 0;
  for (const p of prices) {
    if (p < lowest) lowest = p;
    if (p > highest) highest = p;
    sum += p;
    n++;
  }
  return { formula, lowest, highest, average: n > 0 ? sum / n : NaN };
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * The cost score of a valid price:
 * - `lowest-over-price`: lowest ÷ price (1 for the cheapest; a free offer takes 1 and every other 0);
 * - `linear`: 1 − (price − lowest) ÷ (highest − lowest) (1 for the cheapest, 0 for the dearest; 1 for all when they are equal);
 * - `relative-to-average`: clamp(1 − price ÷ (2 × average), 0, 1) (½ at the average, 0 from twice the average; 1 for a free offer).
 * The XLSX Working sheet writes the same arithmetic as Excel formulas (exports/shortlist-xlsx.ts).
 */
export function costScore(price: number, b: CostBasis): number {
  if (b.formula === 'linear') {
    const span = b.highest - b.lowest;
    return span > 0 ? 1 - (price - b.lowest) / span : 1;
  }
  if (b.formula === 'relative-to-average') return b.average > 0 ? clamp01(1 - price / (2 * b.average)) : price === 0 ? 1 : 0;
  return b.lowest === 0 ? (price === 0 ? 1 : 0) : b.lowest / price;
}

/** A short name for pages and the audit sentence. */
export const COST_FORMULA_LABELS: Record<CostFormula, string> = {
  'lowest-over-price': 'lowest price ÷ price',
  linear: 'linear between the lowest and the highest price',
  'relative-to-average': 'relative to the average price',
};
