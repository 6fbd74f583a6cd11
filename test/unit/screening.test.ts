import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { rankVendors } from '../../server/domain/ranking.js';
import { mustHaveFailures } from '../../server/domain/screening.js';
import { failedMustHaveText } from '../../views/must-have-reasons.js';
import type { CellAggregate, CriterionKind, CriterionNode } from '../../server/domain/types.js';

// Screening by must-haves must knock out exactly the vendors the ranking excludes, with the same reason.

const crit = (id: string, position: number, kind: CriterionKind = 'scored', parentId: string | null = null, name = id): CriterionNode =>
  ({ id, parentId, name, kind, position });
const cell = (vendorId: string, criterionId: string, c: Partial<CellAggregate> = {}): CellAggregate =>
  ({ vendorId, criterionId, count: 0, sum: 0, pass: 0, fail: 0, consensus: null, ...c });
const vendor = (id: string, name = id) => ({ id, name });

/** What the ranking excludes, in the shape screening returns. */
function rankingExcludes(criteria: CriterionNode[], vendors: { id: string; name: string }[], cells: CellAggregate[]) {
  const weights = new Map(criteria.map((c) => [c.id, 1]));
  return rankVendors({ criteria, leafWeights: weights, scale: { min: 0, max: 5 }, vendors: vendors.map((v) => ({ ...v, price: null })), cells })
    .excluded.map(({ vendorId, name, criterionId, why }) => ({ vendorId, name, criterionId, why }));
}

const cases: { name: string; criteria: CriterionNode[]; vendors: { id: string; name: string }[]; cells: CellAggregate[]; expected: string[] }[] = [
  {
    name: 'consensus 0 fails; a consensus pass overrides a failing majority',
    criteria: [crit('q', 0), crit('gdpr', 1, 'must-have', null, 'GDPR')],
    vendors: [vendor('a', 'Acme'), vendor('b', 'Beta')],
    cells: [cell('a', 'gdpr', { consensus: 0, pass: 3 }), cell('b', 'gdpr', { consensus: 1, fail: 3 })],
    expected: ['Failed must-have "GDPR" (consensus)'],
  },
  {
    name: 'a majority of fail votes fails; a tie or no votes does not',
    criteria: [crit('gdpr', 0, 'must-have', null, 'GDPR')],
    vendors: [vendor('a', 'Acme'), vendor('b', 'Beta'), vendor('c', 'Gamma'), vendor('d', 'Delta')],
    cells: [cell('a', 'gdpr', { pass: 1, fail: 2, count: 3 }), cell('b', 'gdpr', { pass: 2, fail: 2, count: 4 }), cell('c', 'gdpr')],
    expected: ['Failed must-have "GDPR" (2 of 3 evaluators)'],
  },
  {
    name: 'the first failed must-have in tree order (by position, not id) names the reason',
    criteria: [crit('top', 0), crit('m2', 0, 'must-have', 'top', 'EU hosting'), crit('m1', 1, 'must-have', 'top', 'SSO'), crit('s', 2, 'scored', 'top')],
    vendors: [vendor('v1', 'zeta'), vendor('v2', 'Alpha'), vendor('v3', 'alpha')],
    cells: [
      cell('v1', 'm1', { fail: 1 }), cell('v1', 'm2', { fail: 1 }),
      cell('v2', 'm1', { consensus: 0 }),
      cell('v3', 'm2', { fail: 2, pass: 1 }), cell('v3', 's', { count: 1, sum: 0, fail: 5 }),
    ],
    expected: ['Failed must-have "SSO" (consensus)', 'Failed must-have "EU hosting" (2 of 3 evaluators)', 'Failed must-have "EU hosting" (1 of 1 evaluators)'],
  },
  {
    name: 'a must-have with children is not a leaf and gates nothing; an orphan counts as top-level',
    criteria: [crit('p', 0, 'must-have'), crit('c', 0, 'scored', 'p'), crit('o', 1, 'must-have', 'missing', 'Orphan')],
    vendors: [vendor('a'), vendor('b')],
    cells: [cell('a', 'p', { fail: 3 }), cell('b', 'o', { fail: 1 })],
    expected: ['Failed must-have "Orphan" (1 of 1 evaluators)'],
  },
  {
    name: 'no must-haves: nobody fails',
    criteria: [crit('q', 0)],
    vendors: [vendor('a')],
    cells: [cell('a', 'q', { fail: 4 })],
    expected: [],
  },
];

describe('mustHaveFailures matches rankVendors’ excluded list', () => {
  test.each(cases)('$name', ({ criteria, vendors, cells, expected }) => {
    const screened = mustHaveFailures(criteria, vendors, cells);
    expect(screened).toEqual(rankingExcludes(criteria, vendors, cells));
    expect(screened.map((f) => failedMustHaveText(f.why))).toEqual(expected);
  });

  test('on random trees, votes and consensuses', () => {
    const arb = fc.record({
      kinds: fc.array(fc.constantFrom<CriterionKind>('scored', 'must-have', 'cost'), { minLength: 1, maxLength: 6 }),
      parents: fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 6, maxLength: 6 }),
      positions: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
      vendors: fc.array(fc.constantFrom('Acme', 'acme', 'Beta', 'Zed', 'zed'), { minLength: 1, maxLength: 6 }),
      cells: fc.array(fc.record({
        v: fc.nat(5), c: fc.nat(5), pass: fc.nat(3), fail: fc.nat(3),
        consensus: fc.option(fc.constantFrom(0, 1, 3), { nil: null }),
      }), { maxLength: 30 }),
    });
    fc.assert(fc.property(arb, (a) => {
      const criteria = a.kinds.map((kind, i) => {
        const parent = a.parents[i]!;
        // Parents only point backwards, so the tree never loops; -1 is top level.
        return crit(`c${i}`, a.positions[i]!, kind, parent >= 0 && parent < i ? `c${parent}` : null, `Criterion ${i}`);
      });
      const vendors = a.vendors.map((name, i) => vendor(`v${i}`, name));
      const seen = new Set<string>();
      const cells = a.cells.flatMap((x) => {
        const key = `v${x.v % vendors.length}:c${x.c % criteria.length}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [cell(`v${x.v % vendors.length}`, `c${x.c % criteria.length}`, { pass: x.pass, fail: x.fail, count: x.pass + x.fail, consensus: x.consensus })];
      });
      expect(mustHaveFailures(criteria, vendors, cells)).toEqual(rankingExcludes(criteria, vendors, cells));
    }), { numRuns: 300 });
  });
});
