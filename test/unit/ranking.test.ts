import { test, expect, describe } from 'vitest';
import { rankVendors, type RankingInput } from '../../server/domain/ranking.js';
import type { CellAggregate, CriterionKind, CriterionNode, RankVendor } from '../../server/domain/types.js';
import { exclusionReason, reviewFlagText } from '../../views/must-have-reasons.js';

const crit = (id: string, position: number, kind: CriterionKind = 'scored', parentId: string | null = null, name = id): CriterionNode =>
  ({ id, parentId, name, kind, position });
const vendor = (id: string, name = id, price: number | null = null): RankVendor => ({ id, name, price });
const cell = (vendorId: string, criterionId: string, c: Partial<CellAggregate> = {}): CellAggregate =>
  ({ vendorId, criterionId, count: 0, sum: 0, pass: 0, fail: 0, consensus: null, ...c });
/** A cell whose mean is `mean` from `count` scores. */
const scored = (vendorId: string, criterionId: string, mean: number, count = 1): CellAggregate =>
  cell(vendorId, criterionId, { count, sum: mean * count });

const rank = (over: Partial<RankingInput> & Pick<RankingInput, 'criteria' | 'vendors'>) =>
  rankVendors({ leafWeights: new Map(), scale: { min: 0, max: 5 }, cells: [], ...over });
const summary = (rows: ReturnType<typeof rankVendors>['rows']) =>
  rows.map((r) => ({ rank: r.rank, id: r.vendorId, total: r.total }));

describe('rankVendors', () => {
  test('3 vendors × 3 criteria on a 0–5 scale, worked by hand', () => {
    // Q (top) = { c1 0.3, c2 0.2 }, c3 top-level leaf 0.5
    const criteria = [crit('q', 0), crit('c1', 0, 'scored', 'q'), crit('c2', 1, 'scored', 'q'), crit('c3', 1)];
    const leafWeights = new Map([['c1', 0.3], ['c2', 0.2], ['c3', 0.5]]);
    const cells = [
      // alpha: c1 (4+5)/2 = 4.5 → 0.9, c2 6/2 = 3 → 0.6, c3 4 → 0.8
      cell('alpha', 'c1', { count: 2, sum: 9 }), cell('alpha', 'c2', { count: 2, sum: 6 }), scored('alpha', 'c3', 4),
      // bravo: c1 5 → 1, c2 2 → 0.4, c3 3 → 0.6
      scored('bravo', 'c1', 5), scored('bravo', 'c2', 2), scored('bravo', 'c3', 3),
      // charlie: c1 3 → 0.6, c2 5 → 1, c3 5 → 1
      scored('charlie', 'c1', 3), scored('charlie', 'c2', 5), scored('charlie', 'c3', 5),
    ];
    const { rows } = rank({ criteria, leafWeights, cells, vendors: [vendor('alpha'), vendor('bravo'), vendor('charlie')] });
    // alpha   100 × (0.3×0.9 + 0.2×0.6 + 0.5×0.8) = 27 + 12 + 40 = 79  → q 39, c3 40
    // bravo   100 × (0.3×1   + 0.2×0.4 + 0.5×0.6) = 30 +  8 + 30 = 68  → q 38, c3 30
    // charlie 100 × (0.3×0.6 + 0.2×1   + 0.5×1)   = 18 + 20 + 50 = 88  → q 38, c3 50
    expect(rows.map((r) => [r.rank, r.vendorId])).toEqual([[1, 'charlie'], [2, 'alpha'], [3, 'bravo']]);
    const expected = { charlie: [88, 38, 50], alpha: [79, 39, 40], bravo: [68, 38, 30] } as const;
    for (const r of rows) {
      const [total, q, c3] = expected[r.vendorId as keyof typeof expected];
      expect(r.total).toBeCloseTo(total, 9);
      expect(r.breakdown.q).toBeCloseTo(q, 9);
      expect(r.breakdown.c3).toBeCloseTo(c3, 9);
      expect(r.coverage).toBeCloseTo(1, 12);
      expect(r.provisional).toBe(false);
    }
  });

  test.each([
    // consensus 2 beats mean 10/2 = 5: 100 × 2/5 = 40
    { name: 'consensus overrides the mean', c: { count: 2, sum: 10, consensus: 2 }, total: 40, coverage: 1 },
    // no consensus → mean 10/2 = 5 → 100 × 5/5 = 100
    { name: 'mean without consensus', c: { count: 2, sum: 10 }, total: 100, coverage: 1 },
    // consensus without any scores still counts: 100 × 3/5 = 60
    { name: 'consensus with no scores', c: { consensus: 3 }, total: 60, coverage: 1 },
    // consensus 0 is a real value (0 points) not an absent one
    { name: 'consensus 0 is a value', c: { count: 3, sum: 15, consensus: 0 }, total: 0, coverage: 1 },
  ])('$name', ({ c, total, coverage }) => {
    const { rows } = rank({ criteria: [crit('a', 0)], leafWeights: new Map([['a', 1]]), vendors: [vendor('v')], cells: [cell('v', 'a', c)] });
    expect(rows[0]?.total).toBeCloseTo(total, 9);
    expect(rows[0]?.coverage).toBeCloseTo(coverage, 12);
  });

  test.each([
    // a 5 → 1, b 2.5 → 0.5: 100 × (0.6 + 0.4×0.5) = 80
    { name: 'fully scored', cells: [scored('v', 'a', 5), scored('v', 'b', 2.5)], total: 80, coverage: 1, provisional: false },
    // b has no cell: 100 × 0.6 = 60, coverage 0.6
    { name: 'missing cell', cells: [scored('v', 'a', 5)], total: 60, coverage: 0.6, provisional: true },
    // b marked N/A by everyone (count 0, no consensus): same as missing
    { name: 'N/A cell', cells: [scored('v', 'a', 5), cell('v', 'b')], total: 60, coverage: 0.6, provisional: true },
  ])('absent values: $name', ({ cells, total, coverage, provisional }) => {
    const { rows } = rank({ criteria: [crit('a', 0), crit('b', 1)], leafWeights: new Map([['a', 0.6], ['b', 0.4]]), vendors: [vendor('v')], cells });
    expect(rows[0]?.total).toBeCloseTo(total, 9);
    expect(rows[0]?.coverage).toBeCloseTo(coverage, 12);
    expect(rows[0]?.provisional).toBe(provisional);
  });

  test('equal totals share a rank (1, 1, 3), ordered by name case-insensitively', () => {
    // Bravo 4/5 → 80, alpha 4/5 → 80, charlie 2/5 → 40; case-sensitive order would put "Bravo" before "alpha"
    const { rows } = rank({
      criteria: [crit('a', 0)], leafWeights: new Map([['a', 1]]),
      vendors: [vendor('b', 'Bravo'), vendor('c', 'charlie'), vendor('al', 'alpha')],
      cells: [scored('b', 'a', 4), scored('c', 'a', 2), scored('al', 'a', 4)],
    });
    expect(rows.map((r) => [r.rank, r.name])).toEqual([[1, 'alpha'], [1, 'Bravo'], [3, 'charlie']]);
  });

  test('float noise does not split a tie', () => {
    // scale 0–1, weight 1: x = 100 × (0.1 + 0.2) = 30.000000000000004, y = 100 × 0.3 = 30, z = 20
    const { rows } = rank({
      criteria: [crit('a', 0)], leafWeights: new Map([['a', 1]]), scale: { min: 0, max: 1 },
      vendors: [vendor('y'), vendor('z'), vendor('x')],
      cells: [cell('x', 'a', { consensus: 0.1 + 0.2 }), cell('y', 'a', { consensus: 0.3 }), cell('z', 'a', { consensus: 0.2 })],
    });
    const byId = new Map(rows.map((r) => [r.vendorId, r]));
    expect(byId.get('x')?.total).not.toBe(byId.get('y')?.total); // the noise is really there
    expect(rows.map((r) => [r.rank, r.vendorId])).toEqual([[1, 'x'], [1, 'y'], [3, 'z']]);
  });

  test.each([
    // min 100: 100/100 = 1 → 100, 100/200 = 0.5 → 50, null → absent, so not ranked (issue 11)
    { name: 'lowest price / price', prices: [100, 200, null], totals: [100, 50, null] },
    // lowest is 0: priced 0 → 1, every other priced vendor → 0, null still absent
    { name: 'zero lowest price', prices: [0, 50, null], totals: [100, 0, null] },
    // no vendor priced: nothing to rank on
    { name: 'no prices', prices: [null, null, null], totals: [null, null, null] },
  ])('cost criterion: $name', ({ prices, totals }) => {
    const vendors = prices.map((p, i) => vendor(`v${i}`, `v${i}`, p));
    // a score cell on the cost leaf must be ignored: cost reads the price
    const { rows, unscored } = rank({ criteria: [crit('price', 0, 'cost')], leafWeights: new Map([['price', 1]]), vendors, cells: [scored('v2', 'price', 5)] });
    const byId = new Map(rows.map((r) => [r.vendorId, r]));
    totals.forEach((total, i) => {
      if (total === null) {
        expect(byId.has(`v${i}`), `v${i}`).toBe(false);
        expect(unscored.map((u) => u.vendorId), `v${i}`).toContain(`v${i}`);
      } else {
        expect(byId.get(`v${i}`)?.total, `v${i}`).toBeCloseTo(total, 9);
        expect(byId.get(`v${i}`)?.coverage, `v${i}`).toBe(1);
      }
    });
  });

  test('cost uses the lowest price among ranked vendors only', () => {
    // cheap (10) fails the must-have, so min = 100: mid 100/100 → 100, dear 100/400 → 25
    const { rows, excluded } = rank({
      criteria: [crit('m', 0, 'must-have'), crit('price', 1, 'cost')], leafWeights: new Map([['price', 1]]),
      vendors: [vendor('cheap', 'cheap', 10), vendor('mid', 'mid', 100), vendor('dear', 'dear', 400)],
      cells: [cell('cheap', 'm', { count: 1, fail: 1 })],
    });
    expect(excluded.map((e) => e.vendorId)).toEqual(['cheap']);
    expect(summary(rows)).toEqual([{ rank: 1, id: 'mid', total: 100 }, { rank: 2, id: 'dear', total: 25 }]);
  });

  // m2 is listed first but m1 comes first by position, so m1 is the one named
  const gateCriteria = [crit('m2', 1, 'must-have', null, 'SSO'), crit('m1', 0, 'must-have', null, 'Security'), crit('s', 2)];
  test.each([
    { name: 'fail by majority', cells: [cell('v', 'm1', { count: 3, pass: 1, fail: 2 })],
      why: { by: 'votes', fail: 2, total: 3 }, reason: 'Failed must-have "Security" (2 of 3 evaluators)', flagged: false },
    { name: 'fail by consensus 0 despite passing votes', cells: [cell('v', 'm1', { count: 3, pass: 3, consensus: 0 })],
      why: { by: 'consensus', fail: 0, total: 3 }, reason: 'Failed must-have "Security" (consensus)', flagged: false },
    { name: 'pass by consensus 1 despite failing votes', cells: [cell('v', 'm1', { count: 3, fail: 3, consensus: 1 })],
      reason: null, flagged: false },
    { name: 'tied votes are flagged, not excluded', cells: [cell('v', 'm1', { count: 4, pass: 2, fail: 2 })],
      reason: null, flagged: true },
    { name: 'no votes pass', cells: [cell('v', 'm1')], reason: null, flagged: false },
    { name: 'failing two names the first by position, once',
      cells: [cell('v', 'm2', { count: 1, fail: 1 }), cell('v', 'm1', { count: 2, fail: 2 })],
      why: { by: 'votes', fail: 2, total: 2 }, reason: 'Failed must-have "Security" (2 of 2 evaluators)', flagged: false },
  ])('must-have: $name', ({ cells, why, reason, flagged }) => {
    const { rows, excluded, flags } = rank({
      criteria: gateCriteria, leafWeights: new Map([['s', 1]]),
      vendors: [vendor('v', 'Vendor'), vendor('ok', 'Okay')], cells: [...cells, scored('v', 's', 5), scored('ok', 's', 1)],
    });
    // The domain gives data; the reader's words come from views/must-have-reasons.ts (English here).
    expect(excluded).toEqual(reason === null ? [] : [{ vendorId: 'v', name: 'Vendor', criterionId: 'm1', why: { code: 'must_have_failed', criterion: 'Security', ...why } }]);
    expect(excluded.map(exclusionReason)).toEqual(reason === null ? [] : [reason]);
    expect(rows.map((r) => r.vendorId)).toEqual(reason === null ? ['v', 'ok'] : ['ok']);
    expect(flags).toEqual(flagged ? [{ vendorId: 'v', criterionId: 'm1', why: { code: 'must_have_tied' } }] : []);
    expect(flags.map(reviewFlagText)).toEqual(flagged ? ['tied must-have votes'] : []);
  });

  test('the first failed must-have follows tree order, children right after their parent', () => {
    // p (position 0) holds m-child (position 5); top-level m-top has position 1 → tree order m-child, m-top
    const criteria = [crit('p', 0), crit('m-child', 5, 'must-have', 'p', 'Child'), crit('s', 6, 'scored', 'p'), crit('m-top', 1, 'must-have', null, 'Top')];
    const { excluded } = rank({
      criteria, leafWeights: new Map([['s', 1]]), vendors: [vendor('v')],
      cells: [cell('v', 'm-top', { count: 1, fail: 1 }), cell('v', 'm-child', { count: 1, fail: 1 })],
    });
    expect(excluded.map((e) => e.criterionId)).toEqual(['m-child']);
  });

  test('breakdown is keyed by weight-carrying top-level criteria and sums to the total', () => {
    // q = { c1 0.2, c2 0.3 }, c3 0.1, e 0.4 (unscored), g = { g1 must-have } carries nothing
    const criteria = [
      crit('q', 0), crit('c1', 0, 'scored', 'q'), crit('c2', 1, 'scored', 'q'), crit('c3', 1), crit('e', 2),
      crit('g', 3), crit('g1', 0, 'must-have', 'g'),
    ];
    const leafWeights = new Map([['c1', 0.2], ['c2', 0.3], ['c3', 0.1], ['e', 0.4]]);
    const { rows } = rank({ criteria, leafWeights, vendors: [vendor('v')], cells: [scored('v', 'c1', 5), scored('v', 'c2', 2.5), scored('v', 'c3', 4)] });
    const row = rows[0];
    // q = 100 × (0.2×1 + 0.3×0.5) = 35, c3 = 100 × 0.1×0.8 = 8, e = 0 → total 43, coverage 0.6
    expect(Object.keys(row?.breakdown ?? {})).toEqual(['q', 'c3', 'e']);
    expect(row?.breakdown.q).toBeCloseTo(35, 9);
    expect(row?.breakdown.c3).toBeCloseTo(8, 9);
    expect(row?.breakdown.e).toBe(0);
    expect(row?.total).toBeCloseTo(43, 9);
    expect(Object.values(row?.breakdown ?? {}).reduce((a, b) => a + b, 0)).toBeCloseTo(row?.total ?? NaN, 12);
    expect(row?.coverage).toBeCloseTo(0.6, 12);
  });

  test('a 1–10 scale normalises and clamps against its own range', () => {
    const { rows } = rank({
      criteria: [crit('a', 0), crit('b', 1)], leafWeights: new Map([['a', 0.5], ['b', 0.5]]), scale: { min: 1, max: 10 },
      vendors: [vendor('v1'), vendor('v2'), vendor('v3')],
      cells: [
        // v1: a (5.5−1)/9 = 0.5, b (10−1)/9 = 1 → 100 × (0.25 + 0.5) = 75
        scored('v1', 'a', 5.5), scored('v1', 'b', 10),
        // v2: a (1−1)/9 = 0, b mean (7+8.5)/2 = 7.75 → 6.75/9 = 0.75 → 100 × 0.375 = 37.5
        scored('v2', 'a', 1), cell('v2', 'b', { count: 2, sum: 15.5 }),
        // v3: a consensus 12 → 11/9 clamps to 1, b consensus 0 → −1/9 clamps to 0 → 50
        cell('v3', 'a', { consensus: 12 }), cell('v3', 'b', { consensus: 0 }),
      ],
    });
    expect(summary(rows).map((r) => [r.rank, r.id])).toEqual([[1, 'v1'], [2, 'v3'], [3, 'v2']]);
    expect(rows.map((r) => r.total)).toEqual([expect.closeTo(75, 9), expect.closeTo(50, 9), expect.closeTo(37.5, 9)]);
  });
});
