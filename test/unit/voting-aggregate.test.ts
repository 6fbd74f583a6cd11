import { describe, expect, test } from 'vitest';
import {
  aggregateVotes, consensus, dispersion, type Aggregation, type GroupedVote,
} from '../../server/domain/voting/index.js';

const ids = ['a', 'b', 'c'];
const vote = (a: number, b: number, c: number, groupId: string | null = null): GroupedVote =>
  ({ weights: { a, b, c }, groupId });
const pair = (a: number, b: number, groupId: string | null = null): GroupedVote => ({ weights: { a, b }, groupId });

/** Same keys, each value close to the expected one (used for weights and for five-number summaries). */
const expectWeights = (actual: object | undefined, expected: Record<string, number>, digits = 9): void => {
  const got = (actual ?? {}) as Record<string, number>;
  expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expect(got[k], k).toBeCloseTo(v, digits);
};

describe('aggregateVotes within one group', () => {
  const votes = [vote(0.5, 0.3, 0.2), vote(0.2, 0.5, 0.3), vote(0.2, 0.2, 0.6)];

  test.each<{ aggregation: Aggregation; expected: Record<string, number> }>([
    // a: (0.5+0.2+0.2)/3 = 0.3; b: 1.0/3; c: 1.1/3 — already sums to 1
    { aggregation: 'mean', expected: { a: 0.3, b: 1 / 3, c: 1.1 / 3 } },
    // medians 0.2, 0.3, 0.3 (sum 0.8) → 0.25, 0.375, 0.375
    { aggregation: 'median', expected: { a: 0.25, b: 0.375, c: 0.375 } },
    // ∛(0.5·0.2·0.2) = ∛0.02 = 0.271441761659; ∛0.03 = 0.310723250595; ∛0.036 = 0.330192724889;
    // sum 0.912357737144 → 0.297516807945, 0.340571727454, 0.361911464600 (mpmath, 30 digits)
    { aggregation: 'geometric', expected: { a: 0.297516807945, b: 0.340571727454, c: 0.3619114646 } },
  ])('$aggregation', ({ aggregation, expected }) => {
    expectWeights(aggregateVotes(votes, [], aggregation, ids), expected);
  });

  test('median of an even count is the mean of the two middle votes', () => {
    // a: 0.1, 0.3 → 0.2; b: 0.9, 0.7 → 0.8
    expectWeights(aggregateVotes([pair(0.1, 0.9), pair(0.3, 0.7)], [], 'median', ['a', 'b']), { a: 0.2, b: 0.8 });
  });

  test('geometric: one zero vetoes a criterion', () => {
    // c: √(0 · 0.2) = 0; a = b = √(0.5·0.4) → renormalised to 1/2 each
    const r = aggregateVotes([vote(0.5, 0.5, 0), vote(0.4, 0.4, 0.2)], [], 'geometric', ids);
    expectWeights(r, { a: 0.5, b: 0.5, c: 0 });
  });

  test('geometric: when every criterion is vetoed, equal shares', () => {
    // a: √(1·0) = 0, b: √(0·1) = 0 → nothing left → 1/2 each
    expectWeights(aggregateVotes([pair(1, 0), pair(0, 1)], [], 'geometric', ['a', 'b']), { a: 0.5, b: 0.5 });
  });
});

describe('aggregateVotes across groups', () => {
  // Marketing (two votes) → mean (0.6, 0.4); IT (one vote) → (0.2, 0.8).
  const votes = [pair(0.7, 0.3, 'mkt'), pair(0.5, 0.5, 'mkt'), pair(0.2, 0.8, 'it')];

  test('group weights 1 (marketing) and 2 (IT): weighted mean of the group means, not of the votes', () => {
    // a: (1·0.6 + 2·0.2)/3 = 1/3; b: (1·0.4 + 2·0.8)/3 = 2/3.
    // Pooling the three votes would give a = (0.7+0.5+0.2)/3 = 0.4667 instead.
    const r = aggregateVotes(votes, [{ id: 'mkt', weight: 1 }, { id: 'it', weight: 2 }], 'mean', ['a', 'b']);
    expectWeights(r, { a: 1 / 3, b: 2 / 3 });
  });

  test('group weights 2 (marketing) and 1 (IT)', () => {
    // a: (2·0.6 + 1·0.2)/3 = 1.4/3; b: (2·0.4 + 1·0.8)/3 = 1.6/3
    const r = aggregateVotes(votes, [{ id: 'mkt', weight: 2 }, { id: 'it', weight: 1 }], 'mean', ['a', 'b']);
    expectWeights(r, { a: 1.4 / 3, b: 1.6 / 3 });
  });

  test('a group with no votes is skipped and the others renormalised', () => {
    const groups = [{ id: 'mkt', weight: 1 }, { id: 'it', weight: 2 }, { id: 'finance', weight: 5 }];
    // finance has no votes, so the result is the same as without it: 1/3, 2/3
    expectWeights(aggregateVotes(votes, groups, 'mean', ['a', 'b']), { a: 1 / 3, b: 2 / 3 });
  });

  test('a group of weight 0 is dropped', () => {
    const groups = [{ id: 'mkt', weight: 0 }, { id: 'it', weight: 2 }];
    expectWeights(aggregateVotes(votes, groups, 'mean', ['a', 'b']), { a: 0.2, b: 0.8 });
  });

  test('votes without a group form one implicit group of weight 1', () => {
    // ungrouped: mean of (0.1, 0.9) and (0.3, 0.7) = (0.2, 0.8), weight 1; mkt (0.6, 0.4) weight 3
    // a: (3·0.6 + 1·0.2)/4 = 0.5; b: (3·0.4 + 1·0.8)/4 = 0.5
    const mixed = [pair(0.7, 0.3, 'mkt'), pair(0.5, 0.5, 'mkt'), pair(0.1, 0.9), pair(0.3, 0.7)];
    expectWeights(aggregateVotes(mixed, [{ id: 'mkt', weight: 3 }], 'mean', ['a', 'b']), { a: 0.5, b: 0.5 });
  });

  test('median is taken within each group before the groups are combined', () => {
    // mkt median of (0.7, 0.5) = 0.6 → (0.6, 0.4); it (0.2, 0.8); weights 1:1 → (0.4, 0.6)
    const r = aggregateVotes(votes, [{ id: 'mkt', weight: 1 }, { id: 'it', weight: 1 }], 'median', ['a', 'b']);
    expectWeights(r, { a: 0.4, b: 0.6 });
  });
});

describe('aggregateVotes edge cases', () => {
  test('no votes → equal shares', () => {
    expectWeights(aggregateVotes([], [{ id: 'g', weight: 1 }], 'mean', ids), { a: 1 / 3, b: 1 / 3, c: 1 / 3 });
  });

  test('only weight-0 groups voted → equal shares, as if nobody had', () => {
    expectWeights(aggregateVotes([pair(1, 0, 'g')], [{ id: 'g', weight: 0 }], 'mean', ['a', 'b']), { a: 0.5, b: 0.5 });
  });

  test('a vote missing a later-added criterion counts it as 0 and is rescaled over the current criteria', () => {
    // {a: 0.6, b: 0.4, gone: 0.5} read over [a, b, c] → (0.6, 0.4, 0) — already sums to 1
    const r = aggregateVotes([{ weights: { a: 0.6, b: 0.4, gone: 0.5 }, groupId: null }], [], 'mean', ids);
    expectWeights(r, { a: 0.6, b: 0.4, c: 0 });
  });
});

describe('dispersion (type-7 quartiles)', () => {
  test('five votes: positions h = 4p fall on order statistics', () => {
    // a sorted: 0.05, 0.15, 0.25, 0.35, 0.60 → q1 = x[1], median = x[2], q3 = x[3]
    // b = 1 − a sorted: 0.40, 0.65, 0.75, 0.85, 0.95
    const as = [0.05, 0.35, 0.15, 0.6, 0.25];
    const d = dispersion(as.map((a) => pair(a, 1 - a)), ['a', 'b']);
    expectWeights(d['a'], { min: 0.05, q1: 0.15, median: 0.25, q3: 0.35, max: 0.6 }, 12);
    expectWeights(d['b'], { min: 0.4, q1: 0.65, median: 0.75, q3: 0.85, max: 0.95 }, 12);
  });

  test('six votes: positions h = 5p fall between order statistics and are interpolated', () => {
    // sorted 0.1 … 0.6: q1 at h = 1.25 → 0.2 + 0.25·0.1 = 0.225; median at 2.5 → 0.35;
    // q3 at 3.75 → 0.4 + 0.75·0.1 = 0.475 (NumPy's np.quantile gives the same)
    const as = [0.1, 0.2, 0.4, 0.3, 0.6, 0.5];
    const d = dispersion(as.map((a) => pair(a, 1 - a)), ['a', 'b']);
    expectWeights(d['a'], { min: 0.1, q1: 0.225, median: 0.35, q3: 0.475, max: 0.6 }, 12);
  });

  test('no votes → zeros', () => {
    expect(dispersion([], ['a'])).toEqual({ a: { min: 0, q1: 0, median: 0, q3: 0, max: 0 } });
  });
});

describe('consensus', () => {
  test('identical votes → strong, score 1', () => {
    expect(consensus([vote(0.5, 0.3, 0.2), vote(0.5, 0.3, 0.2), vote(0.5, 0.3, 0.2)], ids)).toEqual({ level: 'strong', score: 1 });
  });

  test('each voter backs a different single criterion → weak, score 0', () => {
    // Each criterion's weights are {0, 0, 1}: q1 = 0, q3 = 0.5 (h = 1.5), IQR 0.5 over mean 1/3 = 1.5;
    // 1 − 1.5 = −0.5, clamped to 0.
    expect(consensus([vote(1, 0, 0), vote(0, 1, 0), vote(0, 0, 1)], ids)).toEqual({ level: 'weak', score: 0 });
  });

  test('some spread → moderate', () => {
    // a: 0.5, 0.6, 0.4, 0.3 → q1 0.375, q3 0.525, IQR 0.15, mean 0.45 → 1/3
    // b: 0.5, 0.4, 0.6, 0.7 → IQR 0.15, mean 0.55 → 0.272727…
    // score = 1 − (0.333333 + 0.272727)/2 = 0.696970
    const r = consensus([pair(0.5, 0.5), pair(0.6, 0.4), pair(0.4, 0.6), pair(0.3, 0.7)], ['a', 'b']);
    expect(r.level).toBe('moderate');
    expect(r.score).toBeCloseTo(0.696969697, 9);
  });

  // Four votes a = 0.5 + d·(−1.5, −0.5, 0.5, 1.5), b = 1 − a. Type-7 quartiles at h = 0.75 and 2.25 give
  // q1 = 0.5 − 0.75d, q3 = 0.5 + 0.75d, so IQR = 1.5d for both criteria, each with mean 0.5:
  // score = 1 − 1.5d/0.5 = 1 − 3d. The d values straddle the 0.75 and 0.5 thresholds.
  test.each([
    { d: 0.08, score: 0.76, level: 'strong' },
    { d: 0.09, score: 0.73, level: 'moderate' },
    { d: 0.16, score: 0.52, level: 'moderate' },
    { d: 0.18, score: 0.46, level: 'weak' },
  ])('spread d = $d → score $score, $level', ({ d, score, level }) => {
    const votes = [-1.5, -0.5, 0.5, 1.5].map((k) => pair(0.5 + k * d, 0.5 - k * d));
    const r = consensus(votes, ['a', 'b']);
    expect(r.score).toBeCloseTo(score, 12);
    expect(r.level).toBe(level);
  });

  test('fewer than two votes → none', () => {
    expect(consensus([vote(0.5, 0.3, 0.2)], ids)).toEqual({ level: 'none', score: 0 });
    expect(consensus([], ids)).toEqual({ level: 'none', score: 0 });
  });
});
