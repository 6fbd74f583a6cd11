import { describe, expect, test } from 'vitest';
import {
  ahpToWeights, pointsToWeights, rankToWeights, ratingsToWeights, rocWeights,
} from '../../server/domain/voting/index.js';
import type { Problems } from '../../server/domain/voting/methods.js';
import { voteProblemsText } from '../../server/services/vote-problem-text.js';

const ids = ['a', 'b', 'c'];

const expectWeights = (actual: Record<string, number>, expected: Record<string, number>, digits = 12): void => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expect(actual[k], k).toBeCloseTo(v, digits);
};

/** The problems of a failed result, phrased as the API answers them (and that every message is a real sentence). */
const problemsOf = (r: { ok: true } | { ok: false; problems: Problems }): Record<string, string> => {
  if (r.ok) throw new Error('expected the vote to be rejected');
  const phrased = voteProblemsText(r.problems);
  for (const message of Object.values(phrased)) expect(message).toMatch(/^[A-Z"].*\.$/);
  return phrased;
};

describe('rocWeights (Barron & Barrett 1996)', () => {
  // Published table, 4 decimals; toBeCloseTo(·, 4) allows ±0.00005, i.e. the printed rounding.
  test.each([
    { n: 2, w: [0.75, 0.25] },
    { n: 3, w: [0.6111, 0.2778, 0.1111] },
    { n: 4, w: [0.5208, 0.2708, 0.1458, 0.0625] },
    { n: 5, w: [0.4567, 0.2567, 0.1567, 0.09, 0.04] },
    // n = 6..10 worked from w_i = (1/n) Σ_{k=i..n} 1/k with exact fractions (Python Fraction):
    // n=6: w1 = (49/20)/6 = 49/120; w6 = 1/36
    { n: 6, w: [0.4083, 0.2417, 0.1583, 0.1028, 0.0611, 0.0278] },
    { n: 7, w: [0.3704, 0.2276, 0.1561, 0.1085, 0.0728, 0.0442, 0.0204] },
    { n: 8, w: [0.3397, 0.2147, 0.1522, 0.1106, 0.0793, 0.0543, 0.0335, 0.0156] },
    { n: 9, w: [0.3143, 0.2032, 0.1477, 0.1106, 0.0828, 0.0606, 0.0421, 0.0262, 0.0123] },
    // n=10: w1 = H10/10 = (7381/2520)/10 = 0.292897…; w10 = 1/100
    { n: 10, w: [0.2929, 0.1929, 0.1429, 0.1096, 0.0846, 0.0646, 0.0479, 0.0336, 0.0211, 0.01] },
  ])('n = $n', ({ n, w }) => {
    const roc = rocWeights(n);
    expect(roc).toHaveLength(n);
    roc.forEach((x, i) => expect(x, `w${i + 1}`).toBeCloseTo(w[i] ?? NaN, 4));
    expect(roc.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
    // Last weight is (1/n)(1/n); the first is the harmonic number H_n / n.
    expect(roc[n - 1]).toBeCloseTo(1 / (n * n), 15);
    let h = 0;
    for (let k = 1; k <= n; k++) h += 1 / k;
    expect(roc[0]).toBeCloseTo(h / n, 14);
  });

  test('exact values: n = 3 → 11/18, 5/18, 2/18; n = 6 → 49/120 first', () => {
    const r3 = rocWeights(3);
    expect(r3[0]).toBeCloseTo(11 / 18, 15);
    expect(r3[1]).toBeCloseTo(5 / 18, 15);
    expect(r3[2]).toBeCloseTo(2 / 18, 15);
    expect(rocWeights(6)[0]).toBeCloseTo(49 / 120, 15);
  });
});

describe('pointsToWeights', () => {
  test('weights are points / 100', () => {
    const r = pointsToWeights({ a: 50, b: 30, c: 20 }, ids);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expectWeights(r.weights, { a: 0.5, b: 0.3, c: 0.2 });
  });

  test('decimals that do not add up exactly in binary (33.3 + 33.3 + 33.4) still count as 100', () => {
    const r = pointsToWeights({ a: 33.3, b: 33.3, c: 33.4 }, ids);
    expect(r.ok).toBe(true);
  });

  test('zero points for a criterion is allowed', () => {
    const r = pointsToWeights({ a: 100, b: 0, c: 0 }, ids);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expectWeights(r.weights, { a: 1, b: 0, c: 0 });
  });

  test.each<{ name: string; points: Record<string, number>; path: string; mentions: string }>([
    { name: 'sum 99', points: { a: 50, b: 30, c: 19 }, path: 'points', mentions: '99' },
    { name: 'sum 101', points: { a: 50, b: 30, c: 21 }, path: 'points', mentions: '101' },
    { name: 'negative', points: { a: 60, b: 50, c: -10 }, path: 'points.c', mentions: 'negative' },
    { name: 'not a number', points: { a: Number.NaN, b: 50, c: 50 }, path: 'points.a', mentions: 'number' },
    { name: 'infinite', points: { a: Number.POSITIVE_INFINITY, b: 0, c: 0 }, path: 'points.a', mentions: 'number' },
    { name: 'unknown id', points: { a: 50, b: 30, c: 20, x: 0 }, path: 'points.x', mentions: 'not one of the criteria' },
    { name: 'missing id', points: { a: 50, b: 50 }, path: 'points.c', mentions: 'points' },
  ])('$name → problem at $path', ({ points, path, mentions }) => {
    const problems = problemsOf(pointsToWeights(points, ids));
    expect(Object.keys(problems)).toEqual([path]);
    expect(problems[path]).toContain(mentions);
  });

  test('an id like "__proto__" is treated as data, never as the prototype', () => {
    const points = JSON.parse('{"__proto__": 40, "b": 60}') as Record<string, number>;
    const r = pointsToWeights(points, ['__proto__', 'b']);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(Object.hasOwn(r.weights, '__proto__')).toBe(true);
    expect(r.weights['__proto__']).toBeCloseTo(0.4, 12);
  });

  test('no criteria at all → problem at criteria', () => {
    expect(Object.keys(problemsOf(pointsToWeights({}, [])))).toEqual(['criteria']);
  });
});

describe('ratingsToWeights', () => {
  test('ratings normalised: 5, 3, 2 → 5/10, 3/10, 2/10', () => {
    const r = ratingsToWeights({ a: 5, b: 3, c: 2 }, ids);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expectWeights(r.weights, { a: 0.5, b: 0.3, c: 0.2 });
  });

  test('all rated alike → equal shares', () => {
    const r = ratingsToWeights({ a: 1, b: 1, c: 1 }, ids);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expectWeights(r.weights, { a: 1 / 3, b: 1 / 3, c: 1 / 3 });
  });

  test.each<{ name: string; ratings: Record<string, number>; path: string }>([
    { name: '0', ratings: { a: 0, b: 3, c: 3 }, path: 'ratings.a' },
    { name: '6', ratings: { a: 6, b: 3, c: 3 }, path: 'ratings.a' },
    { name: '2.5', ratings: { a: 2.5, b: 3, c: 3 }, path: 'ratings.a' },
    { name: 'unknown id', ratings: { a: 1, b: 3, c: 3, z: 2 }, path: 'ratings.z' },
    { name: 'missing id', ratings: { a: 1, b: 3 }, path: 'ratings.c' },
  ])('$name → problem at $path', ({ ratings, path }) => {
    expect(Object.keys(problemsOf(ratingsToWeights(ratings, ids)))).toEqual([path]);
  });
});

describe('rankToWeights', () => {
  test('most important first gets the largest ROC weight: [c, a, b] → 11/18, 5/18, 2/18', () => {
    const r = rankToWeights(['c', 'a', 'b'], ids);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expectWeights(r.weights, { c: 11 / 18, a: 5 / 18, b: 2 / 18 });
  });

  test.each([
    // the duplicate is reported where it repeats; b is then missing
    { name: 'duplicate', order: ['a', 'c', 'a'], paths: ['order', 'order.2'] },
    { name: 'unknown id', order: ['a', 'x', 'b', 'c'], paths: ['order.1'] },
    { name: 'missing id', order: ['a', 'b'], paths: ['order'] },
    { name: 'empty', order: [], paths: ['order'] },
  ])('$name → problems at $paths', ({ order, paths }) => {
    expect(Object.keys(problemsOf(rankToWeights(order, ids))).sort()).toEqual(paths);
  });
});

describe('ahpToWeights validation', () => {
  // Each case breaks one thing in the classic 3×3 [[1,3,5],[1/3,1,3],[1/5,1/3,1]].
  const good = (): number[][] => [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]];
  const edit = (changes: [number, number, number][]): number[][] => {
    const m = good();
    for (const [i, j, v] of changes) m[i]![j] = v;
    return m;
  };

  test('a valid vote: weights keyed by the criteria order given, plus CR and λmax', () => {
    // Rows in the order c, a, b — so c gets the largest weight, 0.636986 (see voting-ahp.test.ts).
    const r = ahpToWeights(['c', 'a', 'b'], good(), ids);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expectWeights(r.weights, { c: 0.636985571745, a: 0.258284994374, b: 0.104729433881 }, 10);
    expect(r.lambdaMax).toBeCloseTo(3.038511090558, 10);
    expect(r.consistencyRatio).toBeCloseTo(0.033199216, 8);
    // A 3×3 has one cycle, so all judgements deviate equally; the tie goes to the first (row 0, col 1).
    expect(r.worstJudgement).toMatchObject({ row: 0, col: 1, a: 3 });
  });

  test('1/3 sent as 0.3333333 (7 digits) is reciprocal enough; 0.333 is not', () => {
    expect(ahpToWeights(ids, edit([[1, 0, 0.3333333]]), ids).ok).toBe(true);
    expect(Object.keys(problemsOf(ahpToWeights(ids, edit([[1, 0, 0.333]]), ids)))).toEqual(['matrix.1.0']);
  });

  test.each([
    { name: 'too few rows', matrix: good().slice(0, 2), paths: ['matrix'] },
    { name: 'non-square (short row)', matrix: [[1, 3, 5], [1 / 3, 1], [1 / 5, 1 / 3, 1]], paths: ['matrix.1'] },
    { name: 'non-reciprocal', matrix: edit([[1, 0, 1 / 2]]), paths: ['matrix.1.0'] },
    // 10 and its mirror 1/10 are both off the 1/9…9 scale
    { name: 'entry 10', matrix: edit([[0, 2, 10], [2, 0, 1 / 10]]), paths: ['matrix.0.2', 'matrix.2.0'] },
    { name: 'negative', matrix: edit([[0, 1, -3]]), paths: ['matrix.0.1'] },
    { name: 'zero', matrix: edit([[0, 1, 0]]), paths: ['matrix.0.1'] },
    { name: 'NaN', matrix: edit([[2, 1, Number.NaN]]), paths: ['matrix.2.1'] },
    { name: 'diagonal not 1', matrix: edit([[1, 1, 2]]), paths: ['matrix.1.1'] },
  ])('$name → problems at $paths', ({ matrix, paths }) => {
    expect(Object.keys(problemsOf(ahpToWeights(ids, matrix, ids))).sort()).toEqual(paths);
  });

  test.each([
    { name: 'missing criterion', criteria: ['a', 'b'], paths: ['criteria', 'matrix'] },
    { name: 'unknown criterion', criteria: ['a', 'b', 'x'], paths: ['criteria', 'criteria.2'] },
    { name: 'duplicate criterion', criteria: ['a', 'b', 'a'], paths: ['criteria', 'criteria.2'] },
  ])('$name → problems at $paths', ({ criteria, paths }) => {
    // The 3×3 matrix is fine for three listed criteria; with two listed it has a row too many.
    expect(Object.keys(problemsOf(ahpToWeights(criteria, good(), ids))).sort()).toEqual(paths);
  });

  test('1/9 typed as 0.1111111111 is on the scale', () => {
    const m = [[1, 9, 9], [0.1111111111, 1, 1], [0.1111111111, 1, 1]];
    expect(ahpToWeights(ids, m, ids).ok).toBe(true);
  });
});
