import { describe, expect, test } from 'vitest';
import { disagreements, kendallW, ranks } from '../../server/domain/agreement.js';

describe('ranks', () => {
  test.each([
    [[3, 1, 2], [3, 1, 2]],
    [[10, 20, 20, 30], [1, 2.5, 2.5, 4]],
    [[5, 5, 5], [2, 2, 2]],
  ])('%j → %j', (values, expected) => expect(ranks(values)).toEqual(expected));
});

describe('kendallW', () => {
  test('identical orders → 1; two opposite orders → 0', () => {
    expect(kendallW([[1, 2, 3, 4], [10, 20, 30, 40], [0, 1, 2, 5]])).toBeCloseTo(1, 12);
    expect(kendallW([[1, 2, 3, 4], [4, 3, 2, 1]])).toBeCloseTo(0, 12);
  });

  test('worked example without ties: 3 raters × 4 items', () => {
    // Ranks per rater: A=[1,2,3,4], B=[2,1,3,4], C=[1,3,2,4]; R = [4, 6, 8, 12], R̄ = 7.5.
    // S = 12.25 + 2.25 + 0.25 + 20.25 = 35; W = 12·35 / (9·(64 − 4)) = 420 / 540 = 0.7778.
    expect(kendallW([[1, 2, 3, 4], [2, 1, 3, 4], [1, 3, 2, 4]])).toBeCloseTo(420 / 540, 12);
  });

  test('worked example with ties: 2 raters × 4 items', () => {
    // Rater 1 scores [3, 3, 4, 5] → ranks [1.5, 1.5, 3, 4], one tie group of 2: T1 = 8 − 2 = 6.
    // Rater 2 scores [1, 2, 3, 4] → ranks [1, 2, 3, 4], T2 = 0.
    // R = [2.5, 3.5, 6, 8], R̄ = 5; S = 6.25 + 2.25 + 1 + 9 = 18.5.
    // W = 12·18.5 / (4·60 − 2·6) = 222 / 228 = 0.97368.
    expect(kendallW([[3, 3, 4, 5], [1, 2, 3, 4]])).toBeCloseTo(222 / 228, 12);
  });

  test('undefined cases give null', () => {
    expect(kendallW([[1, 2, 3]])).toBeNull();
    expect(kendallW([[1], [2]])).toBeNull();
    expect(kendallW([[2, 2], [3, 3]])).toBeNull();
    expect(kendallW([[1, 2], [1, 2, 3]])).toBeNull();
  });
});

describe('disagreements', () => {
  const cell = (vendorId: string, min: number | null, max: number | null, kind: 'scored' | 'must-have' = 'scored', pass = 0, fail = 0) => ({ vendorId, criterionId: 'c', min, max, pass, fail, kind });

  test('spread ≥ 30% of a 0–5 scale (1.5) is flagged, widest first; smaller spreads are not', () => {
    const out = disagreements([cell('a', 2, 3), cell('b', 1, 2.5), cell('c', 0, 5), cell('d', null, null)], { min: 0, max: 5 }, 0.3);
    expect(out).toEqual([{ vendorId: 'c', criterionId: 'c', spread: 5 }, { vendorId: 'b', criterionId: 'c', spread: 1.5 }]);
  });

  test('a must-have with a pass and a fail is a full-range disagreement; unanimous is none', () => {
    const out = disagreements([cell('x', 0, 1, 'must-have', 1, 1), cell('y', 1, 1, 'must-have', 2, 0)], { min: 0, max: 5 }, 0.3);
    expect(out).toEqual([{ vendorId: 'x', criterionId: 'c', spread: 5 }]);
  });

  test('the threshold is a share of the scale: 1–10 with 0.5 needs a spread of 4.5', () => {
    expect(disagreements([cell('a', 3, 7)], { min: 1, max: 10 }, 0.5)).toEqual([]);
    expect(disagreements([cell('a', 2, 7)], { min: 1, max: 10 }, 0.5)).toHaveLength(1);
  });
});
