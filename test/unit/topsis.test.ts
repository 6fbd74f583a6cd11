import { describe, expect, test } from 'vitest';
import { topsis } from '../../server/domain/topsis.js';

// The worked example of TOPSIS's authors: Hwang, C.-L. & Yoon, K. (1981), "Multiple Attribute
// Decision Making: Methods and Applications", Lecture Notes in Economics and Mathematical Systems
// 186, Springer, the fighter-aircraft selection (4 aircraft × 6 attributes) of the TOPSIS section.
// Attributes: maximum speed (Mach), ferry range (NM), maximum payload (lb), acquisition cost
// ($ million, a cost attribute), reliability and manoeuvrability (rated 1–9: 3 low, 5 average,
// 7 high, 9 very high). Weights (0.2, 0.1, 0.1, 0.1, 0.2, 0.3). Published relative closeness, to
// three decimals: A1 0.643, A2 0.268, A3 0.613, A4 0.312; A1 ≻ A3 ≻ A4 ≻ A2.
const FIGHTERS = {
  matrix: [
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
  ],
  weights: [0.2, 0.1, 0.1, 0.1, 0.2, 0.3],
  cost: [false, false, false, true, false, false],
};
const PUBLISHED = [0.643, 0.268, 0.613, 0.312];

describe('TOPSIS', () => {
  test('Hwang & Yoon (1981) fighter aircraft: closeness to the published three decimals, and their ranking', () => {
    const { closeness } = topsis(FIGHTERS);
    // The book works with rounded intermediate figures (A3 computes to 0.61354 exactly and is printed
    // 0.613), so the check is to within one unit of the published third decimal.
    closeness.forEach((c, i) => expect(Math.abs(c - PUBLISHED[i]!), `A${i + 1}`).toBeLessThan(1e-3));
    const order = closeness.map((c, i) => [c, i + 1] as const).sort((a, b) => b[0] - a[0]).map(([, a]) => `A${a}`);
    expect(order).toEqual(['A1', 'A3', 'A4', 'A2']);
  });

  test('the cost attribute counts as a cost: treated as a benefit, the order changes', () => {
    const asBenefit = topsis({ ...FIGHTERS, cost: FIGHTERS.cost.map(() => false) }).closeness;
    expect(asBenefit).not.toEqual(topsis(FIGHTERS).closeness);
    // The cheapest aircraft (A3, 4.5) sits at the ideal on cost.
    expect(topsis(FIGHTERS).ideal[3]).toBeCloseTo((0.1 * 4.5) / Math.hypot(5.5, 6.5, 4.5, 5.0), 12);
  });

  test.each([
    ['one alternative', { matrix: [[3, 4]], weights: [0.5, 0.5], cost: [false, false] }, [0.5]],
    ['all equal', { matrix: [[2, 2], [2, 2]], weights: [0.5, 0.5], cost: [false, true] }, [0.5, 0.5]],
    ['a column of zeros carries nothing', { matrix: [[0, 1], [0, 3]], weights: [0.5, 0.5], cost: [false, false] }, [0, 1]],
    ['dominance', { matrix: [[5, 1], [1, 5]], weights: [1, 0], cost: [false, false] }, [1, 0]],
  ])('%s', (_, input, expected) => {
    topsis(input).closeness.forEach((c, i) => expect(c).toBeCloseTo(expected[i]!, 12));
  });
});
