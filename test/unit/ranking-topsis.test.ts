import { describe, expect, test } from 'vitest';
import { matrixFromCells } from '../../server/domain/ranking-matrix.js';
import { rankTopsis } from '../../server/domain/ranking-topsis.js';
import type { CellAggregate, CriterionNode, RankVendor } from '../../server/domain/types.js';

// Issue 14, item 2, as the app builds it (ADR 023): rankTopsis over a small evaluation, checked
// against a hand computation written out here, not through topsis(). The matrix holds raw values —
// the mean of the scores, or the consensus where one is set — on the scale as entered, and the price
// as a cost attribute; a missing value is the worst one (the scale minimum on a scored leaf, the
// highest ranked price on the cost leaf). A vendor nobody scored is not ranked at all.

const criteria: CriterionNode[] = [
  { id: 'q', parentId: null, name: 'Quality', kind: 'scored', position: 0 },
  { id: 'fit', parentId: 'q', name: 'Fit', kind: 'scored', position: 0 },
  { id: 'ux', parentId: 'q', name: 'Usability', kind: 'scored', position: 1 },
  { id: 'price', parentId: null, name: 'Price', kind: 'cost', position: 1 },
];
const leafWeights = new Map([['fit', 0.5], ['ux', 0.2], ['price', 0.3]]);
const vendors: RankVendor[] = [
  { id: 'v1', name: 'Acme', price: 100 },
  { id: 'v2', name: 'Beta', price: 150 },
  { id: 'v3', name: 'Gamma', price: null },
  { id: 'v4', name: 'Delta', price: 80 },
];
const cell = (vendorId: string, criterionId: string, count: number, sum: number, consensus: number | null = null): CellAggregate => ({ vendorId, criterionId, count, sum, pass: 0, fail: 0, consensus });
const cells: CellAggregate[] = [
  cell('v1', 'fit', 2, 9), // mean 4.5
  cell('v1', 'ux', 2, 2, 3), // the scores say 1, the consensus 3: the consensus counts
  cell('v2', 'fit', 1, 3), // 3
  cell('v2', 'ux', 0, 0), // N/A from everyone: the scale minimum, 1
  cell('v3', 'fit', 2, 4), // 2
  cell('v3', 'ux', 1, 5), // 5; no price: the highest ranked price, 150
  // v4 (Delta) has no scores: not ranked, so its low price 80 is not the ideal either.
];

/** The hand computation: raw matrix, vector normalisation, weights, ideal and anti-ideal, closeness. */
function byHand(): Record<string, number> {
  const raw: Record<string, [number, number, number]> = { v1: [4.5, 3, 100], v2: [3, 1, 150], v3: [2, 5, 150] };
  const w = [0.5, 0.2, 0.3];
  const norm = [Math.sqrt(4.5 ** 2 + 3 ** 2 + 2 ** 2), Math.sqrt(3 ** 2 + 1 ** 2 + 5 ** 2), Math.sqrt(100 ** 2 + 150 ** 2 + 150 ** 2)];
  const v = Object.fromEntries(Object.entries(raw).map(([id, row]) => [id, row.map((x, j) => (w[j]! * x) / norm[j]!)]));
  const col = (j: number) => Object.values(v).map((row) => row[j]!);
  // Fit and usability: more is better; price: less is better.
  const ideal = [Math.max(...col(0)), Math.max(...col(1)), Math.min(...col(2))];
  const anti = [Math.min(...col(0)), Math.min(...col(1)), Math.max(...col(2))];
  const dist = (row: number[], to: number[]) => Math.sqrt(row.reduce((s, x, j) => s + (x - to[j]!) ** 2, 0));
  return Object.fromEntries(Object.entries(v).map(([id, row]) => [id, dist(row, anti) / (dist(row, ideal) + dist(row, anti))]));
}

describe('rankTopsis: the method check as the app computes it (issue 14, item 2)', () => {
  const rows = rankTopsis({ criteria, leafWeights, scale: { min: 1, max: 5 }, vendors, matrix: matrixFromCells(cells) });
  const want = byHand();

  test('closeness and total equal the hand computation to 1e-9', () => {
    expect(rows.map((r) => r.vendorId).sort()).toEqual(['v1', 'v2', 'v3']);
    for (const r of rows) {
      expect(Math.abs(r.closeness - want[r.vendorId]!), r.name).toBeLessThan(1e-9);
      expect(Math.abs(r.total - 100 * want[r.vendorId]!), r.name).toBeLessThan(1e-9);
    }
  });

  test('ranks follow closeness, best first', () => {
    const order = Object.entries(want).sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(rows.map((r) => r.vendorId)).toEqual(order);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  test('the consensus, not the mean, and the worst value for what is missing: other inputs give other figures', () => {
    // Had the consensus been ignored (mean 1), or Gamma's missing price been the lowest, the result would differ.
    const noConsensus = rankTopsis({ criteria, leafWeights, scale: { min: 1, max: 5 }, vendors, matrix: matrixFromCells(cells.map((c) => ({ ...c, consensus: null }))) });
    expect(noConsensus.find((r) => r.vendorId === 'v1')!.closeness).not.toBeCloseTo(want.v1!, 6);
    const gammaCheap = rankTopsis({ criteria, leafWeights, scale: { min: 1, max: 5 }, vendors: vendors.map((v) => (v.id === 'v3' ? { ...v, price: 100 } : v)), matrix: matrixFromCells(cells) });
    expect(gammaCheap.find((r) => r.vendorId === 'v3')!.closeness).toBeGreaterThan(want.v3!);
  });
});
