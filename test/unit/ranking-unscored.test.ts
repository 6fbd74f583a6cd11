import { describe, expect, test } from 'vitest';
import { rankVendors } from '../../server/domain/ranking.js';
import { matrixFromCells, rankMatrix, type MatrixRankingInput } from '../../server/domain/ranking-matrix.js';
import type { CellAggregate, CriterionKind, CriterionNode, RankVendor } from '../../server/domain/types.js';

// Issue 11, "not scored is not ranked": a vendor nobody scored leaves the rows for `unscored`, takes
// no rank and moves nobody else's; must-have gates still come first.

const crit = (id: string, position: number, kind: CriterionKind = 'scored'): CriterionNode => ({ id, parentId: null, name: id.toUpperCase(), kind, position });
const vendor = (id: string, name: string, price: number | null = null): RankVendor => ({ id, name, price });
const cell = (vendorId: string, criterionId: string, c: Partial<CellAggregate>): CellAggregate =>
  ({ vendorId, criterionId, count: 0, sum: 0, pass: 0, fail: 0, consensus: null, ...c });
const scored = (vendorId: string, criterionId: string, value: number) => cell(vendorId, criterionId, { count: 1, sum: value });

type Input = Omit<MatrixRankingInput, 'matrix' | 'scale'> & { cells: CellAggregate[] };
/** rankMatrix over the cells, checked against the reference rankVendors (which ignores `limit`). */
function rank(input: Input) {
  const base = { criteria: input.criteria, leafWeights: input.leafWeights, scale: { min: 0, max: 5 }, vendors: input.vendors };
  const fast = rankMatrix({ ...base, matrix: matrixFromCells(input.cells), limit: input.limit });
  const reference = rankVendors({ ...base, cells: input.cells });
  expect(fast.unscored).toStrictEqual(reference.unscored);
  expect(fast.excluded).toStrictEqual(reference.excluded);
  return fast;
}

// a and b share the weight; m is a must-have, p a cost leaf when weighted.
const criteria = [crit('a', 0), crit('b', 1), crit('m', 2, 'must-have'), crit('p', 3, 'cost')];
const quality = new Map([['a', 0.5], ['b', 0.5]]);

describe('rankMatrix: not scored is not ranked', () => {
  test('unscored vendors leave the rows, listed by name; ranks are contiguous over the scored ones', () => {
    const vendors = [vendor('z', 'Zeta'), vendor('y', 'yankee'), vendor('x', 'Xray'), vendor('w', 'Whisky'), vendor('v', 'Victor')];
    // Zeta 5 → 50, Xray 5 → 50 (tie), Victor 1 → 10; yankee and Whisky have no cell at all.
    const cells = [scored('z', 'a', 5), scored('x', 'b', 5), scored('v', 'a', 1)];
    const r = rank({ criteria, leafWeights: quality, vendors, cells });
    expect(r.rows.map((row) => [row.rank, row.name])).toEqual([[1, 'Xray'], [1, 'Zeta'], [3, 'Victor']]);
    expect(r.unscored).toEqual([{ vendorId: 'w', name: 'Whisky' }, { vendorId: 'y', name: 'yankee' }]);
    expect(r.ranked).toBe(3);
    expect(r.excluded).toEqual([]);
  });

  test('a vendor excluded by a must-have stays in `excluded`, scored or not', () => {
    const vendors = [vendor('s', 'Scored'), vendor('f', 'Failed, never scored'), vendor('g', 'Failed, scored'), vendor('n', 'Nobody')];
    const cells = [scored('s', 'a', 4), cell('f', 'm', { count: 1, fail: 1 }), cell('g', 'm', { count: 2, fail: 2 }), scored('g', 'a', 5)];
    const r = rank({ criteria, leafWeights: quality, vendors, cells });
    expect(r.rows.map((row) => [row.rank, row.vendorId])).toEqual([[1, 's']]);
    expect(r.excluded.map((x) => x.vendorId)).toEqual(['f', 'g']);
    expect(r.unscored.map((u) => u.vendorId)).toEqual(['n']);
  });

  test.each([
    { name: 'N/A from everyone', cells: [cell('v', 'a', { count: 0 })], ranked: false },
    { name: 'a passed must-have alone', cells: [cell('v', 'm', { count: 1, pass: 1 })], ranked: false },
    { name: 'a score on a leaf of weight 0', cells: [scored('v', 'c', 5)], ranked: false },
    { name: 'a consensus without scores', cells: [cell('v', 'a', { consensus: 3 })], ranked: true },
    { name: 'a score of 0', cells: [scored('v', 'a', 0)], ranked: true },
  ])('$name: ranked $ranked', ({ cells, ranked }) => {
    const r = rank({ criteria: [...criteria, crit('c', 4)], leafWeights: quality, vendors: [vendor('v', 'V')], cells });
    expect(r.rows.map((row) => row.vendorId)).toEqual(ranked ? ['v'] : []);
    expect(r.unscored.map((u) => u.vendorId)).toEqual(ranked ? [] : ['v']);
  });

  test('a price alone does not rank a vendor when quality criteria are weighted, nor set the cheapest price', () => {
    const leafWeights = new Map([['a', 0.5], ['p', 0.5]]);
    // bargain (10) is unscored, so the cheapest ranked price is 100: cheap 100/100 → 50, dear 100/200 → 25.
    const vendors = [vendor('bargain', 'Bargain', 10), vendor('cheap', 'Cheap', 100), vendor('dear', 'Dear', 200)];
    const r = rank({ criteria, leafWeights, vendors, cells: [scored('cheap', 'a', 0), scored('dear', 'a', 0)] });
    expect(r.rows.map((row) => [row.vendorId, row.total])).toEqual([['cheap', 50], ['dear', 25]]);
    expect(r.unscored.map((u) => u.vendorId)).toEqual(['bargain']);
  });

  test('a price-only ranking ranks priced vendors; the unpriced are not yet scored', () => {
    const vendors = [vendor('p1', 'Priced', 100), vendor('p0', 'Unpriced')];
    const r = rank({ criteria, leafWeights: new Map([['p', 1]]), vendors, cells: [] });
    expect(r.rows.map((row) => [row.rank, row.vendorId])).toEqual([[1, 'p1']]);
    expect(r.unscored.map((u) => u.vendorId)).toEqual(['p0']);
  });

  test('with a limit, `ranked` counts the scored vendors only and every unscored one is still listed', () => {
    const vendors = Array.from({ length: 6 }, (_, i) => vendor(`v${i}`, `V${i}`));
    const cells = [scored('v0', 'a', 1), scored('v1', 'a', 2), scored('v2', 'a', 3)];
    const r = rank({ criteria, leafWeights: quality, vendors, cells, limit: 2 });
    expect(r.rows.map((row) => [row.rank, row.vendorId])).toEqual([[1, 'v2'], [2, 'v1']]);
    expect(r.ranked).toBe(3);
    expect(r.unscored.map((u) => u.vendorId)).toEqual(['v3', 'v4', 'v5']);
  });

  test('nothing scored: no rows, every vendor in `unscored`', () => {
    const r = rank({ criteria, leafWeights: quality, vendors: [vendor('b', 'B'), vendor('a', 'A')], cells: [] });
    expect(r.rows).toEqual([]);
    expect(r.ranked).toBe(0);
    expect(r.unscored).toEqual([{ vendorId: 'a', name: 'A' }, { vendorId: 'b', name: 'B' }]);
  });
});
