import { describe, expect, test } from 'vitest';
import { costBasis, costScore, type CostFormula } from '../../server/domain/cost-formula.js';
import { rankMatrix, matrixFromCells } from '../../server/domain/ranking-matrix.js';
import { rankVendors } from '../../server/domain/ranking.js';
import { parseWhatIfWeights } from '../../server/schemas/what-if.js';
import { AppError } from '../../server/errors.js';

// ADR 030. Worked example: prices 100, 150, 250 (lowest 100, highest 250, average 500/3 ≈ 166.67).
const PRICES = [100, 150, 250];
const scores = (f: CostFormula) => PRICES.map((p) => costScore(p, costBasis(f, PRICES)));

describe('cost formulas, by hand', () => {
  test('lowest ÷ price: 100/100 = 1, 100/150 = 2/3, 100/250 = 0.4', () => {
    expect(scores('lowest-over-price')).toEqual([1, 100 / 150, 0.4]);
  });
  test('linear: 1 − (p − 100)/150 → 1, 1 − 50/150 = 2/3, 0', () => {
    expect(scores('linear')).toEqual([1, 1 - 50 / 150, 0]);
  });
  test('relative to average: 1 − p/(2 × 166.67) → 0.7, 0.55, 0.25', () => {
    const [a, b, c] = scores('relative-to-average');
    expect(a).toBeCloseTo(0.7, 12);
    expect(b).toBeCloseTo(0.55, 12);
    expect(c).toBeCloseTo(0.25, 12);
  });
  test('edges: equal prices, a free offer, a price beyond twice the average', () => {
    expect(costScore(80, costBasis('linear', [80, 80]))).toBe(1);
    expect(costScore(0, costBasis('lowest-over-price', [0, 10]))).toBe(1);
    expect(costScore(10, costBasis('lowest-over-price', [0, 10]))).toBe(0);
    expect(costScore(0, costBasis('relative-to-average', [0, 0]))).toBe(1);
    expect(costScore(1000, costBasis('relative-to-average', [10, 10, 1000]))).toBe(0);
  });
});

describe('the ranking under each formula', () => {
  // Two criteria: Quality (scored, 0–10) 60 %, Price (cost) 40 %.
  const criteria = [
    { id: 'q', parentId: null, name: 'Quality', kind: 'scored', position: 0 },
    { id: 'p', parentId: null, name: 'Price', kind: 'cost', position: 1 },
  ] as never;
  const leafWeights = new Map([['q', 0.6], ['p', 0.4]]);
  const vendors = [{ id: 'A', name: 'A', price: 100 }, { id: 'B', name: 'B', price: 150 }, { id: 'C', name: 'C', price: 250 }];
  const cells = [['A', 5], ['B', 7], ['C', 10]].map(([v, x]) => ({ vendorId: v, criterionId: 'q', count: 1, sum: x, pass: 0, fail: 0, consensus: null })) as never;
  const scale = { min: 0, max: 10 };

  test.each(['lowest-over-price', 'linear', 'relative-to-average'] as const)('%s: the matrix ranker equals the reference and the hand sum', (costFormula) => {
    const fast = rankMatrix({ criteria, leafWeights, scale, vendors, matrix: matrixFromCells(cells), costFormula });
    const ref = rankVendors({ criteria, leafWeights, scale, vendors, cells, costFormula });
    expect(fast.rows).toEqual(ref.rows);
    const cost = scores(costFormula);
    const quality = [0.5, 0.7, 1];
    const byHand = new Map(vendors.map((v, i) => [v.id, 100 * (0.6 * quality[i]! + 0.4 * cost[i]!)]));
    for (const r of fast.rows) expect(r.total).toBeCloseTo(byHand.get(r.vendorId)!, 9);
  });

  test('the formula moves the top: lowest ÷ price puts C first, linear puts A first', () => {
    const first = (costFormula: CostFormula) => rankMatrix({ criteria, leafWeights, scale, vendors, matrix: matrixFromCells(cells), costFormula }).rows[0]!.vendorId;
    // C: 60 + 16 = 76 vs A: 30 + 40 = 70 (lowest ÷ price); C: 60 + 0 = 60 vs A: 70 (linear).
    expect(first('lowest-over-price')).toBe('C');
    expect(first('linear')).toBe('A');
  });
});

describe('what-if weights (?weights=)', () => {
  const fieldsOf = (f: () => unknown) => {
    try { f(); } catch (e) { expect(e).toBeInstanceOf(AppError); return (e as AppError & { fields?: Record<string, string> }).fields; }
    throw new Error('no error');
  };
  test('shares are taken in proportion; a top-level criterion not listed takes 0', () => {
    expect(parseWhatIfWeights('1:30,2:10', ['1', '2', '3'])).toEqual({ '1': 0.75, '2': 0.25, '3': 0 });
  });
  test('unknown ids, negative or non-numeric shares, all zero and empty answer 400 with fields', () => {
    expect(fieldsOf(() => parseWhatIfWeights('9:1', ['1']))).toHaveProperty(['weights.9']);
    expect(fieldsOf(() => parseWhatIfWeights('1:-1', ['1']))).toHaveProperty(['weights.1']);
    expect(fieldsOf(() => parseWhatIfWeights('1:abc', ['1']))).toHaveProperty(['weights.1']);
    expect(fieldsOf(() => parseWhatIfWeights('1:0,2:0', ['1', '2']))).toHaveProperty('weights');
    expect(fieldsOf(() => parseWhatIfWeights('', ['1']))).toHaveProperty('weights');
  });
});
