import { test, expect, describe } from 'vitest';
import { applyWeightUpdate, normalise, resolveWeights } from '../../server/domain/weights.js';
import type { CriterionKind, CriterionNode } from '../../server/domain/types.js';

let pos = 0;
const node = (id: string, parentId: string | null = null, kind: CriterionKind = 'scored'): CriterionNode =>
  ({ id, parentId, name: id.toUpperCase(), kind, position: pos++ });

const closeMap = (actual: Map<string, number>, expected: Record<string, number>): void => {
  expect([...actual.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [id, w] of Object.entries(expected)) expect(actual.get(id), id).toBeCloseTo(w, 12);
};

type Case = { name: string; input: Record<string, number>; expected: Record<string, number> };

describe('normalise', () => {
  test.each<Case>([
    // 1/(1+3), 3/(1+3)
    { name: 'scales to sum 1', input: { a: 1, b: 3 }, expected: { a: 0.25, b: 0.75 } },
    // nothing positive → 1/2 each
    { name: 'all zero → equal shares', input: { a: 0, b: 0 }, expected: { a: 0.5, b: 0.5 } },
    // −1 and NaN count as 0, so b takes 2/2
    { name: 'negative and NaN count as zero', input: { a: -1, b: 2, c: Number.NaN }, expected: { a: 0, b: 1, c: 0 } },
    { name: 'empty → empty', input: {}, expected: {} },
  ])('$name', ({ input, expected }) => {
    const out = normalise(input);
    expect(Object.keys(out).sort()).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expect(out[k]).toBeCloseTo(v, 12);
  });
});

describe('resolveWeights', () => {
  test('no stored weights → equal shares at the top level', () => {
    const criteria = [node('a'), node('b'), node('c')];
    const r = resolveWeights(criteria, new Map());
    // three carriers, none stored → 1/3 each; top level so global = local
    closeMap(r.local, { a: 1 / 3, b: 1 / 3, c: 1 / 3 });
    closeMap(r.global, { a: 1 / 3, b: 1 / 3, c: 1 / 3 });
    closeMap(r.leaves, { a: 1 / 3, b: 1 / 3, c: 1 / 3 });
  });

  test('a criterion with no stored weight gets the mean of its siblings, then the set is normalised', () => {
    const criteria = [node('a'), node('b'), node('c')];
    const r = resolveWeights(criteria, new Map([['a', 0.5], ['b', 0.3]]));
    // c = mean(0.5, 0.3) = 0.4; sum = 1.2 → a 0.5/1.2 = 5/12, b 0.3/1.2 = 1/4, c 0.4/1.2 = 1/3
    closeMap(r.local, { a: 5 / 12, b: 0.25, c: 1 / 3 });
  });

  test('a must-have sibling gets 0 and its stored share is redistributed', () => {
    const criteria = [node('a'), node('b'), node('m', null, 'must-have')];
    const r = resolveWeights(criteria, new Map([['a', 0.5], ['b', 0.3], ['m', 0.2]]));
    // only a, b carry: 0.5/0.8 = 0.625, 0.3/0.8 = 0.375
    closeMap(r.local, { a: 0.625, b: 0.375, m: 0 });
    closeMap(r.leaves, { a: 0.625, b: 0.375 });
  });

  test('a must-have is ignored when computing the mean for a new sibling', () => {
    const criteria = [node('a'), node('new'), node('m', null, 'must-have')];
    const r = resolveWeights(criteria, new Map([['a', 0.6], ['m', 0.1]]));
    // new = mean over carriers with stored weights = 0.6 (not (0.6+0.1)/2); 0.6/1.2 each
    closeMap(r.local, { a: 0.5, new: 0.5, m: 0 });
  });

  test('a parent whose children are all must-have carries no weight', () => {
    const criteria = [node('p'), node('m1', 'p', 'must-have'), node('m2', 'p', 'must-have'), node('a')];
    const r = resolveWeights(criteria, new Map([['p', 0.7], ['a', 0.3], ['m1', 0.5], ['m2', 0.5]]));
    // top set: only a carries → a = 0.3/0.3 = 1, p = 0; children of p all non-carrying → 0
    closeMap(r.local, { p: 0, a: 1, m1: 0, m2: 0 });
    closeMap(r.global, { p: 0, a: 1, m1: 0, m2: 0 });
    closeMap(r.leaves, { a: 1 });
  });

  test('global weight is the product of local shares along the path', () => {
    const criteria = [node('x'), node('x1', 'x'), node('x2', 'x'), node('y', null, 'cost')];
    const r = resolveWeights(criteria, new Map([['x', 0.6], ['y', 0.4], ['x1', 0.25], ['x2', 0.75]]));
    // x1 = 0.6 × 0.25 = 0.15, x2 = 0.6 × 0.75 = 0.45; cost leaf y carries 0.4; leaves 0.15+0.45+0.4 = 1
    closeMap(r.global, { x: 0.6, x1: 0.15, x2: 0.45, y: 0.4 });
    closeMap(r.leaves, { x1: 0.15, x2: 0.45, y: 0.4 });
  });

  test('children shares are normalised within their own parent, independent of the top level', () => {
    const criteria = [node('x'), node('x1', 'x'), node('x2', 'x'), node('x3', 'x', 'must-have'), node('y')];
    const r = resolveWeights(criteria, new Map([['x', 1], ['y', 3], ['x1', 2], ['x2', 6], ['x3', 9]]));
    // top: x 1/4, y 3/4; children of x: x1 2/8 = 0.25, x2 6/8 = 0.75, x3 must-have 0
    // globals: x1 0.25 × 0.25 = 0.0625, x2 0.25 × 0.75 = 0.1875
    closeMap(r.local, { x: 0.25, y: 0.75, x1: 0.25, x2: 0.75, x3: 0 });
    closeMap(r.leaves, { x1: 0.0625, x2: 0.1875, y: 0.75 });
  });

  test('negative and non-finite stored weights count as zero', () => {
    const criteria = [node('a'), node('b'), node('c')];
    const r = resolveWeights(criteria, new Map([['a', -1], ['b', Number.POSITIVE_INFINITY], ['c', 2]]));
    // a → 0, b → 0, c 2/2 = 1
    closeMap(r.local, { a: 0, b: 0, c: 1 });
  });
});

describe('applyWeightUpdate', () => {
  test('renormalises only the touched sibling set', () => {
    const criteria = [node('x'), node('x1', 'x'), node('x2', 'x'), node('y')];
    // top set deliberately unnormalised (3:1) to show it is left alone
    const current = new Map([['x', 3], ['y', 1], ['x1', 0.25], ['x2', 0.75]]);
    const out = applyWeightUpdate(criteria, current, { x1: 0.5 });
    // children of x: x1 0.5, x2 keeps 0.75 → sum 1.25 → 0.4, 0.6; top set untouched (3, 1)
    closeMap(out, { x: 3, y: 1, x1: 0.4, x2: 0.6 });
  });

  test('untouched members of a touched set keep their resolved share', () => {
    const criteria = [node('a'), node('b'), node('c')];
    const current = new Map([['a', 2], ['b', 6]]);
    const out = applyWeightUpdate(criteria, current, { a: 0.5 });
    // resolved: c = mean(2, 6) = 4 → /12 → a 1/6, b 1/2, c 1/3
    // update: a 0.5, b 0.5, c 1/3 → sum 4/3 → a 0.375, b 0.375, c 0.25
    closeMap(out, { a: 0.375, b: 0.375, c: 0.25 });
  });

  test('must-have members of a touched set keep their entry and take no share', () => {
    const criteria = [node('a'), node('b'), node('m', null, 'must-have')];
    const current = new Map([['a', 0.4], ['b', 0.4], ['m', 0.2]]);
    const out = applyWeightUpdate(criteria, current, { a: 1 });
    // resolved b = 0.4/0.8 = 0.5; update a 1, b 0.5 → sum 1.5 → a 2/3, b 1/3
    closeMap(out, { a: 2 / 3, b: 1 / 3, m: 0.2 });
  });

  test('unknown ids are ignored and the input map is not mutated', () => {
    const criteria = [node('a'), node('b')];
    const current = new Map([['a', 0.7], ['b', 0.3]]);
    const out = applyWeightUpdate(criteria, current, { ghost: 5 });
    closeMap(out, { a: 0.7, b: 0.3 });
    out.set('a', 0);
    expect(current.get('a')).toBe(0.7);
  });

  test('a negative update counts as zero before renormalising', () => {
    const criteria = [node('a'), node('b'), node('c')];
    const current = new Map([['a', 0.2], ['b', 0.3], ['c', 0.5]]);
    const out = applyWeightUpdate(criteria, current, { a: -4 });
    // a 0, b 0.3, c 0.5 → sum 0.8 → b 0.375, c 0.625
    closeMap(out, { a: 0, b: 0.375, c: 0.625 });
  });
});
