import { describe, expect, test } from 'vitest';
import {
  ces, churnRate, csat, csatFromCounts, nps, npsFromShares, referralRate, retentionRate, retentionRateDirect, simpleClv, totalClv,
} from '../../server/domain/cx-metrics.js';

// Every worked example of seed 004 ("Welche Customer Experience-Kennzahlen …") appears below,
// named in a comment, next to the edge cases. Results are compared to 12 decimals: the functions
// do not round.

const close = (actual: number | null, expected: number | null) => {
  if (expected === null) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(actual!).toBeCloseTo(expected, 12);
  }
};

/** n answers of each value, e.g. repeat([10, 88], [7, 4], [3, 8]) → 88 tens, 4 sevens, 8 threes. */
const repeat = (...groups: [value: number, count: number][]): number[] => groups.flatMap(([v, n]) => Array<number>(n).fill(v));

describe('nps', () => {
  test.each<{ name: string; scores: number[]; expected: number | null }>([
    // Seed 004: 88% promoters and 8% detractors give an NPS of 80 — here as 100 answers.
    { name: 'seed 004: 88% promoters − 8% detractors = 80', scores: repeat([9, 50], [10, 38], [7, 2], [8, 2], [0, 3], [6, 5]), expected: 80 },
    { name: 'all promoters → 100', scores: [9, 10, 10, 9], expected: 100 },
    { name: 'all detractors → −100', scores: [0, 3, 6, 6], expected: -100 },
    { name: 'passives only → 0', scores: [7, 8, 8, 7], expected: 0 },
    { name: 'boundaries: 9 promotes, 7 and 8 are passive, 6 detracts', scores: [9, 8, 7, 6], expected: 0 },
    // 2 promoters, 1 detractor of 3: (2 − 1) / 3 × 100
    { name: 'one third, not rounded', scores: [10, 9, 0], expected: 100 / 3 },
    { name: 'a single promoter → 100', scores: [10], expected: 100 },
    { name: 'no answers → null', scores: [], expected: null },
  ])('$name', ({ scores, expected }) => close(nps(scores), expected));

  test.each<{ name: string; promoters: number; detractors: number; expected: number }>([
    // Seed 004: 88% − 8% = 80.
    { name: 'seed 004: 88% − 8% = 80', promoters: 88, detractors: 8, expected: 80 },
    { name: 'all promoters', promoters: 100, detractors: 0, expected: 100 },
    { name: 'all detractors', promoters: 0, detractors: 100, expected: -100 },
    { name: 'no promoters or detractors (passives only)', promoters: 0, detractors: 0, expected: 0 },
  ])('npsFromShares: $name', ({ promoters, detractors, expected }) => close(npsFromShares(promoters, detractors), expected));
});

describe('csat', () => {
  test.each<{ name: string; answers: number[]; expected: number | null }>([
    // Seed 004: 37 of 50 answers positive → 74%.
    { name: 'seed 004: 37 satisfied of 50 → 74', answers: repeat([5, 20], [4, 17], [3, 8], [2, 3], [1, 2]), expected: 74 },
    { name: 'all 4 or 5 → 100', answers: [4, 5, 5], expected: 100 },
    { name: 'none satisfied → 0', answers: [1, 2, 3], expected: 0 },
    { name: 'the 4/3 boundary', answers: [4, 3], expected: 50 },
    { name: 'no answers → null', answers: [], expected: null },
  ])('$name', ({ answers, expected }) => close(csat(answers), expected));

  test('a different idea of "satisfied" can be passed in', () => {
    // Only top-box (5) answers count: 1 of 4.
    close(csat([5, 4, 4, 3], (a) => a === 5), 25);
  });

  test.each<{ name: string; satisfied: number; total: number; expected: number | null }>([
    // Seed 004: 37 / 50 × 100 = 74.
    { name: 'seed 004: 37 of 50 → 74', satisfied: 37, total: 50, expected: 74 },
    { name: 'all satisfied', satisfied: 12, total: 12, expected: 100 },
    { name: 'nobody asked → null', satisfied: 0, total: 0, expected: null },
  ])('csatFromCounts: $name', ({ satisfied, total, expected }) => close(csatFromCounts(satisfied, total), expected));
});

describe('ces', () => {
  test.each<{ name: string; scores: number[]; expected: number | null }>([
    // Seed 004: five answers 10, 10, 8, 6, 9 → 43 / 5 = 8.6.
    { name: 'seed 004: 10, 10, 8, 6, 9 → 8.6', scores: [10, 10, 8, 6, 9], expected: 8.6 },
    { name: 'one answer is its own mean', scores: [3], expected: 3 },
    { name: 'not rounded: 1, 2, 2 → 5/3', scores: [1, 2, 2], expected: 5 / 3 },
    { name: 'no answers → null', scores: [], expected: null },
  ])('$name', ({ scores, expected }) => close(ces(scores), expected));
});

describe('churn, retention and referrals', () => {
  test.each<{ name: string; value: number | null; expected: number | null }>([
    // Seed 004: 20 customers lost of 2,500 at the start → 0.8%.
    { name: 'seed 004: churn 20 / 2500 → 0.8', value: churnRate(20, 2500), expected: 0.8 },
    // Seed 004: retention is the opposite of churn, 100 − 0.8 = 99.2%.
    { name: 'seed 004: retention 100 − 0.8 → 99.2', value: retentionRate(20, 2500), expected: 99.2 },
    // Seed 004's direct method: 2,480 still there of 2,500 → 99.2%, the same as above.
    { name: 'seed 004: direct retention 2480 / 2500 → 99.2', value: retentionRateDirect(2480, 2500), expected: 99.2 },
    // 120 new customers at the end are not retained ones: (2600 − 120) / 2500.
    { name: 'direct retention leaves out customers won in the period', value: retentionRateDirect(2600, 2500, 120), expected: 99.2 },
    // Seed 004: 100 referral purchases of 3,000 → 3.3% (3.33…, not rounded here).
    { name: 'seed 004: referral rate 100 / 3000 → 3.33…', value: referralRate(100, 3000), expected: 10 / 3 },
    { name: 'nobody lost → churn 0', value: churnRate(0, 2500), expected: 0 },
    { name: 'nobody lost → retention 100', value: retentionRate(0, 2500), expected: 100 },
    { name: 'no customers at the start → churn null', value: churnRate(0, 0), expected: null },
    { name: 'no customers at the start → retention null', value: retentionRate(0, 0), expected: null },
    { name: 'no customers at the start → direct retention null', value: retentionRateDirect(10, 0), expected: null },
    { name: 'no purchases → referral rate null', value: referralRate(0, 0), expected: null },
  ])('$name', ({ value, expected }) => close(value, expected));
});

describe('customer lifetime value', () => {
  test.each<{ name: string; value: number; expected: number }>([
    // Seed 004: a $50 update bought every year for five years → $250.
    { name: 'seed 004: $50 × 5 years = $250', value: simpleClv(50, 5), expected: 250 },
    // Seed 004: 1,000 regular customers, 90% of them like that one → $225,000.
    { name: 'seed 004: 1000 customers × 90% × $250 = $225,000', value: totalClv(1000, 0.9, 250), expected: 225_000 },
    // The two chained, as the seed tells it.
    { name: 'seed 004: chained', value: totalClv(1000, 0.9, simpleClv(50, 5)), expected: 225_000 },
    { name: 'no years → 0', value: simpleClv(50, 0), expected: 0 },
    { name: 'no customers → 0', value: totalClv(0, 0.9, 250), expected: 0 },
  ])('$name', ({ value, expected }) => close(value, expected));
});
