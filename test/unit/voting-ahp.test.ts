import { describe, expect, test } from 'vitest';
import {
  ahpToWeights, consistencyRatio, geometricMeanMatrix, principalEigenvector, rowGeometricMeanVector, worstJudgement,
  type Matrix,
} from '../../server/domain/voting/index.js';

// Every "exact" expectation below (the 9–12 digit numbers) was computed with mpmath at 50 digits
// (eigen-decomposition, not power iteration), so it checks our iteration independently.

/** a_ij = w_i / w_j: the perfectly consistent matrix whose priorities are w. */
const consistentFrom = (w: readonly number[]): number[][] => w.map((wi) => w.map((wj) => wi / wj));

interface Published {
  name: string;
  matrix: Matrix;
  /** As printed (3 decimals). */
  published: number[];
  publishedCR: number;
  /** High-precision reference (mpmath). */
  exact: number[];
  lambdaMax: number;
}

// Saaty's house-buying example: the houses A, B, C compared under each level-2 criterion
// (T. L. Saaty, The Analytic Hierarchy Process, McGraw-Hill 1980; repeated in "How to make a decision:
// the analytic hierarchy process", EJOR 48 (1990) 9–26). Checked against the reproduction of the
// tables from the Russian edition (Saaty 1993) at
// https://studopedia.net/21_112795_reshenie-i-soglasovannost.html.
const saatyHouse: Published[] = [
  {
    name: 'size of house (λmax 3.136, CI 0.068, CR 0.117)',
    matrix: [[1, 6, 8], [1 / 6, 1, 4], [1 / 8, 1 / 4, 1]],
    published: [0.754, 0.181, 0.065], publishedCR: 0.117,
    exact: [0.753553899023, 0.181135464512, 0.065310636465], lambdaMax: 3.135610844658,
  },
  {
    // The reproduction prints λmax 3.06 beside CI 0.043; CI = (λ − 3)/2 = 0.043 needs λ = 3.086.
    name: 'yard (CI 0.043, CR 0.074)',
    matrix: [[1, 5, 4], [1 / 5, 1, 1 / 3], [1 / 4, 3, 1]],
    published: [0.674, 0.101, 0.226], publishedCR: 0.074,
    exact: [0.673810571084, 0.100653929718, 0.225535499199], lambdaMax: 3.085766691257,
  },
  {
    // Printed there as 0.005 for B; 0.055 is the value that makes the vector sum to 1.
    name: 'convenience of bus (λmax 3.247, CR 0.213)',
    matrix: [[1, 7, 1 / 5], [1 / 7, 1, 1 / 8], [5, 8, 1]],
    published: [0.233, 0.055, 0.713], publishedCR: 0.213,
    exact: [0.233059234183, 0.05445372923, 0.712487036588], lambdaMax: 3.24695457256,
  },
  {
    name: 'modern facilities (λmax 3.197, CR 0.170)',
    matrix: [[1, 8, 6], [1 / 8, 1, 1 / 5], [1 / 6, 5, 1]],
    published: [0.747, 0.060, 0.193], publishedCR: 0.170,
    exact: [0.746606584853, 0.060070061013, 0.193323354134], lambdaMax: 3.197275842714,
  },
  {
    name: 'general condition (consistent: λmax 3, CR 0)',
    matrix: [[1, 1 / 2, 1 / 2], [2, 1, 1], [2, 1, 1]],
    published: [0.2, 0.4, 0.4], publishedCR: 0,
    exact: [0.2, 0.4, 0.4], lambdaMax: 3,
  },
  {
    name: 'financing (λmax 3.065, CI 0.032, CR 0.056)',
    matrix: [[1, 1 / 7, 1 / 5], [7, 1, 3], [5, 1 / 3, 1]],
    published: [0.072, 0.650, 0.278], publishedCR: 0.056,
    exact: [0.071927429882, 0.649118004631, 0.278954565486], lambdaMax: 3.06488757987,
  },
];

const others: Published[] = [
  {
    // The textbook 3×3: priorities ≈ (0.6370, 0.2583, 0.1047), λmax ≈ 3.0385, CR ≈ 0.033.
    name: 'classic [[1,3,5],[1/3,1,3],[1/5,1/3,1]]',
    matrix: [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]],
    published: [0.637, 0.258, 0.105], publishedCR: 0.033,
    exact: [0.636985571745, 0.258284994374, 0.104729433881], lambdaMax: 3.038511090558,
  },
  {
    // Wikipedia, "Analytic hierarchy process – leader example": criteria vs the goal, in the order
    // Experience, Education, Charisma, Age; printed weights .547, .127, .270, .056. CR 0.044 with
    // Saaty's RI as reported by the AHPy README for the same matrix.
    name: 'Wikipedia leader example (criteria)',
    matrix: [[1, 4, 3, 7], [1 / 4, 1, 1 / 3, 3], [1 / 3, 3, 1, 5], [1 / 7, 1 / 3, 1 / 5, 1]],
    published: [0.547, 0.127, 0.270, 0.056], publishedCR: 0.044,
    exact: [0.547569238962, 0.126555284373, 0.269949922452, 0.055925554213], lambdaMax: 4.118418024313,
  },
];

describe('principalEigenvector + consistencyRatio on published examples', () => {
  test.each([...saatyHouse, ...others])('$name', ({ matrix, published, publishedCR, exact, lambdaMax }) => {
    const r = principalEigenvector(matrix);
    r.vector.forEach((w, i) => {
      // Printed to 3 decimals by older software: agree within 0.001.
      expect(Math.abs(w - (published[i] ?? NaN)), `published[${i}]`).toBeLessThanOrEqual(0.001);
      expect(w, `exact[${i}]`).toBeCloseTo(exact[i] ?? NaN, 10);
    });
    expect(r.lambdaMax).toBeCloseTo(lambdaMax, 10);
    // Published CRs are rounded to 3 decimals, i.e. within 0.0005.
    expect(Math.abs(consistencyRatio(r.lambdaMax, matrix.length) - publishedCR)).toBeLessThanOrEqual(0.0005);
  });

  test('the eigenvector satisfies A·w = λmax·w', () => {
    const A = others[1]!.matrix;
    const { vector: w, lambdaMax } = principalEigenvector(A);
    A.forEach((row, i) => {
      const aw = row.reduce((s, a, j) => s + a * (w[j] ?? 0), 0);
      expect(aw).toBeCloseTo(lambdaMax * (w[i] ?? 0), 10);
    });
  });
});

describe('perfectly consistent matrices', () => {
  test.each([
    { w: [0.4, 0.3, 0.2, 0.1] },
    { w: [0.35, 0.25, 0.2, 0.12, 0.08] },
    { w: [0.5, 0.5] },
  ])('built from $w → w back (1e-12), λmax = n, CR 0, no worst judgement', ({ w }) => {
    const A = consistentFrom(w);
    const r = principalEigenvector(A);
    r.vector.forEach((x, i) => expect(Math.abs(x - (w[i] ?? NaN))).toBeLessThan(1e-12));
    expect(Math.abs(r.lambdaMax - w.length)).toBeLessThan(1e-12);
    expect(consistencyRatio(r.lambdaMax, w.length)).toBeLessThan(1e-12);
    expect(worstJudgement(A, r.vector)).toBeNull();
  });
});

describe('consistencyRatio', () => {
  test.each([
    { name: 'n = 1 → 0', lambda: 1, n: 1, cr: 0 },
    { name: 'n = 2 → 0 whatever λ', lambda: 2.5, n: 2, cr: 0 },
    // (3.0385111 − 3)/2 / 0.58 = 0.033199
    { name: 'n = 3 uses RI 0.58', lambda: 3.038511090558, n: 3, cr: 0.033199216 },
    // (4.5 − 4)/3 / 0.90 = 0.185185…
    { name: 'n = 4 uses RI 0.90', lambda: 4.5, n: 4, cr: 0.5 / 3 / 0.9 },
    // (10.9 − 10)/9 / 1.49 = 0.067114…
    { name: 'n = 10 uses RI 1.49', lambda: 10.9, n: 10, cr: 0.9 / 9 / 1.49 },
    // Beyond the table RI stays 1.49: (12.5 − 12)/11 / 1.49 = 0.0305064
    { name: 'n = 12 reuses RI 1.49', lambda: 12.5, n: 12, cr: 0.030506406345 },
    { name: 'rounding below n is clamped to 0', lambda: 3 - 1e-15, n: 3, cr: 0 },
  ])('$name', ({ lambda, n, cr }) => {
    expect(consistencyRatio(lambda, n)).toBeCloseTo(cr, 9);
  });
});

describe('worstJudgement', () => {
  // Consistent from w = (8, 4, 2, 1)/15, i.e. b:d should be 4; we plant another value there.
  const planted = (bd: number): number[][] => {
    const A = consistentFrom([8, 4, 2, 1]);
    A[1]![3] = bd;
    A[3]![1] = 1 / bd;
    return A;
  };

  test('a reversed-ish judgement (b:d = 1/2 instead of 4): CR > 0.1 and the planted cell is named', () => {
    const A = planted(1 / 2);
    const r = ahpToWeights(['a', 'b', 'c', 'd'], A, ['a', 'b', 'c', 'd']);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    // mpmath: λmax 4.583179613568, CR = (0.583179613568/3)/0.90 = 0.215992450
    expect(r.lambdaMax).toBeCloseTo(4.583179613568, 9);
    expect(r.consistencyRatio).toBeCloseTo(0.2159924495, 9);
    expect(r.consistencyRatio).toBeGreaterThan(0.1);
    // implied w_b/w_d = 0.173255580775 / 0.135298901368 = 1.28053945023
    expect(r.worstJudgement).toMatchObject({ row: 1, col: 3, a: 0.5 });
    expect(r.worstJudgement?.implied).toBeCloseTo(1.28053945023, 9);
  });

  test('a milder slip (b:d = 1) passes Saaty\'s 10% rule (CR 0.0923) yet is still the one named', () => {
    const A = planted(1);
    const { vector, lambdaMax } = principalEigenvector(A);
    expect(consistencyRatio(lambdaMax, 4)).toBeCloseTo(0.09230583199, 9);
    const worst = worstJudgement(A, vector);
    expect(worst).toMatchObject({ row: 1, col: 3, a: 1 });
    expect(worst?.implied).toBeCloseTo(1.93081350688, 9);
  });

  test('3×3: all three judgements deviate equally (one cycle), so the first in reading order is named', () => {
    // Classic matrix: |ln(a_ij·w_j/w_i)| = ln(3·3/5)/3 = ln(1.8)/3 = 0.195929 for every pair.
    const A = others[0]!.matrix;
    const { vector: w } = principalEigenvector(A);
    for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) {
      expect(Math.abs(Math.log((A[i]![j]! * w[j]!) / w[i]!))).toBeCloseTo(Math.log(1.8) / 3, 12);
    }
    // implied w_0/w_1 = 0.636985571745 / 0.258284994374 = 2.466212074
    const worst = worstJudgement(A, w);
    expect(worst).toMatchObject({ row: 0, col: 1, a: 3 });
    expect(worst?.implied).toBeCloseTo(2.46621207433, 9);
  });

  test('n ≤ 2 → null', () => {
    expect(worstJudgement([[1, 3], [1 / 3, 1]], [0.75, 0.25])).toBeNull();
  });
});

describe('geometricMeanMatrix (AIJ)', () => {
  const classic = others[0]!.matrix;
  const size = saatyHouse[0]!.matrix;

  test('element-wise geometric mean, and the result is again reciprocal', () => {
    const g = geometricMeanMatrix([classic, size]);
    // √(3·6) = 4.242640687, √(5·8) = 6.324555320, √(3·4) = 3.464101615
    expect(g[0]![1]).toBeCloseTo(Math.sqrt(18), 12);
    expect(g[0]![2]).toBeCloseTo(Math.sqrt(40), 12);
    expect(g[1]![2]).toBeCloseTo(Math.sqrt(12), 12);
    for (let i = 0; i < 3; i++) {
      expect(g[i]![i]).toBeCloseTo(1, 12);
      for (let j = 0; j < 3; j++) expect(g[i]![j]! * g[j]![i]!).toBeCloseTo(1, 12);
    }
  });

  test('the arithmetic mean would not be reciprocal — which is why AIJ uses the geometric one', () => {
    // (3 + 6)/2 = 4.5 but (1/3 + 1/6)/2 = 0.25 ≠ 1/4.5
    expect(((3 + 6) / 2) * ((1 / 3 + 1 / 6) / 2)).not.toBeCloseTo(1, 3);
  });

  test('no matrices or mismatched sizes are programming errors', () => {
    expect(() => geometricMeanMatrix([])).toThrow(RangeError);
    expect(() => geometricMeanMatrix([classic, [[1, 2], [0.5, 1]]])).toThrow(RangeError);
  });
});

describe('why power iteration rather than the row-geometric-mean shortcut', () => {
  test('for 3×3 matrices they coincide (a known identity), so the choice only shows from n = 4', () => {
    const classic = others[0]!.matrix;
    const eig = principalEigenvector(classic).vector;
    rowGeometricMeanVector(classic).forEach((x, i) => expect(x).toBeCloseTo(eig[i] ?? NaN, 12));
  });

  test('Wikipedia car example (Cost, Safety, Style, Capacity): the two disagree in the 3rd decimal', () => {
    // AHPy (eigenvector) reports 0.510, 0.234, 0.041, 0.215 for this matrix.
    const car: Matrix = [[1, 3, 7, 3], [1 / 3, 1, 9, 1], [1 / 7, 1 / 9, 1, 1 / 7], [1 / 3, 1, 7, 1]];
    const eig = principalEigenvector(car).vector;
    const rgm = rowGeometricMeanVector(car);
    // mpmath eigenvector: 0.510075021778, 0.234352193572, 0.040518746972, 0.215054037678
    // row geometric means: 0.504213881260, 0.235537452834, 0.039054403873, 0.221194262032
    const expectedEig = [0.510075021778, 0.234352193572, 0.040518746972, 0.215054037678];
    const expectedRgm = [0.50421388126, 0.235537452834, 0.039054403873, 0.221194262032];
    eig.forEach((x, i) => expect(x).toBeCloseTo(expectedEig[i] ?? NaN, 10));
    rgm.forEach((x, i) => expect(x).toBeCloseTo(expectedRgm[i] ?? NaN, 10));
    // Cost: 0.5101 vs 0.5042 — a 0.006 gap, enough to reorder close criteria; the API promises the eigenvector.
    expect((eig[0] ?? 0) - (rgm[0] ?? 0)).toBeGreaterThan(0.005);
  });
});
