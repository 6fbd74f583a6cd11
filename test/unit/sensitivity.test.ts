import { describe, expect, test } from 'vitest';
import { leaderAt, rankAcceptability, stabilityIntervals, totalsAt, type ScoreMatrix } from '../../server/domain/sensitivity.js';
import { seededRandom } from '../../server/domain/random.js';

// Two criteria, two vendors: A is strong on criterion 1, B on criterion 2.
const two: ScoreMatrix = { vendorIds: ['A', 'B'], criterionIds: ['c1', 'c2'], s: [[90, 30], [40, 80]] };

describe('stabilityIntervals', () => {
  test('hand-worked two-vendor case', () => {
    // At w = (0.6, 0.4): A = 54 + 12 = 66, B = 24 + 32 = 56 → A leads.
    expect(totalsAt(two, [0.6, 0.4])).toEqual([66, 56]);
    expect(leaderAt(two, [0.6, 0.4])).toBe(0);
    // A stays first while 90x + 30(1 − x) ≥ 40x + 80(1 − x) ⇔ 60x + 30 ≥ −40x + 80 ⇔ x ≥ 0.5.
    const s = stabilityIntervals(two, [0.6, 0.4]);
    expect(s.c1!.low).toBeCloseTo(0.5, 12);
    expect(s.c1!.high).toBeCloseTo(1, 12);
    // For c2 (x = w2, w1 = 1 − x): A ≥ B ⇔ 30x + 90(1 − x) ≥ 80x + 40(1 − x) ⇔ x ≤ 0.5.
    expect(s.c2!.low).toBeCloseTo(0, 12);
    expect(s.c2!.high).toBeCloseTo(0.5, 12);
  });

  test('a dominant leader is stable over the whole range', () => {
    const dominant: ScoreMatrix = { vendorIds: ['A', 'B'], criterionIds: ['c1', 'c2', 'c3'], s: [[90, 90, 90], [10, 20, 30]] };
    const s = stabilityIntervals(dominant, [0.2, 0.3, 0.5]);
    for (const id of ['c1', 'c2', 'c3']) expect(s[id]).toEqual({ low: 0, high: 1 });
  });

  test('three criteria: the others are rescaled in proportion', () => {
    // w = (0.5, 0.25, 0.25). Varying c1 = x, the others each get (1 − x)/2.
    // A: 80x + (1 − x)(20 + 20)/2 = 60x + 20; B: 20x + (1 − x)(80 + 60)/2 = −50x + 70.
    // A ≥ B ⇔ 110x ≥ 50 ⇔ x ≥ 5/11.
    const m: ScoreMatrix = { vendorIds: ['A', 'B'], criterionIds: ['c1', 'c2', 'c3'], s: [[80, 20, 20], [20, 80, 60]] };
    expect(leaderAt(m, [0.5, 0.25, 0.25])).toBe(0);
    expect(stabilityIntervals(m, [0.5, 0.25, 0.25]).c1!.low).toBeCloseTo(5 / 11, 12);
  });
});

describe('rankAcceptability', () => {
  test('one vote only: every sample is that vote', () => {
    const r = rankAcceptability(two, [[0.9, 0.1]], 200, seededRandom(1));
    expect(r).toEqual({ A: { first: 1, top3: 1 }, B: { first: 0, top3: 1 } });
  });

  test('two opposite votes: A wins when the mix puts over half on the first vote', () => {
    // Mix λ·(1, 0) + (1 − λ)·(0, 1) with λ ~ Uniform(0, 1) (Dirichlet(1, 1)).
    // A ≥ B ⇔ 90λ + 30(1 − λ) ≥ 40λ + 80(1 − λ) ⇔ λ ≥ 0.5, so P(A first) ≈ 0.5.
    const r = rankAcceptability(two, [[1, 0], [0, 1]], 4000, seededRandom(7));
    expect(r.A!.first).toBeGreaterThan(0.46);
    expect(r.A!.first).toBeLessThan(0.54);
    expect(r.A!.first + r.B!.first).toBeCloseTo(1, 12);
  });

  test('top three counts ties and small fields correctly; seeded runs repeat exactly', () => {
    const four: ScoreMatrix = { vendorIds: ['A', 'B', 'C', 'D'], criterionIds: ['c'], s: [[90], [80], [70], [10]] };
    const r = rankAcceptability(four, [], 50, seededRandom(3));
    expect(r.C).toEqual({ first: 0, top3: 1 });
    expect(r.D).toEqual({ first: 0, top3: 0 });
    expect(rankAcceptability(two, [], 100, seededRandom(9))).toEqual(rankAcceptability(two, [], 100, seededRandom(9)));
  });
});
