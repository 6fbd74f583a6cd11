import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { rankVendors } from '../../server/domain/ranking.js';
import { CellMatrixBuilder, matrixFromCells, rankMatrix } from '../../server/domain/ranking-matrix.js';
import { vendorWorking } from '../../server/domain/working.js';
import type { CellAggregate, CriterionKind, CriterionNode, RankVendor, Scale } from '../../server/domain/types.js';

// Property (issue 6, ADR 008): the typed-array fast path the app ranks with returns exactly what the
// reference `rankVendors` returns — same rows in the same order, same ranks, totals, coverage and
// breakdowns to the last bit, same exclusions, reasons and flags — on random small evaluations,
// including malformed input (orphans, odd weights, odd prices, cells of unknown vendors).

const id = fc.integer({ min: 1, max: 40 }).map(String);
const names = fc.constantFrom('Acme', 'acme', 'ACME', 'Beta', 'beta', 'Zeta', 'Éclair', 'eclair', 'Alpha', '10x', '9 Labs', '');

/** A criteria tree of up to 4 tops with up to 3 children each; positions collide on purpose. */
const criteriaArb: fc.Arbitrary<CriterionNode[]> = fc
  .array(fc.record({
    name: names,
    position: fc.integer({ min: 0, max: 3 }),
    kind: fc.constantFrom<CriterionKind>('scored', 'scored', 'must-have', 'cost'),
    children: fc.array(fc.record({ name: names, position: fc.integer({ min: 0, max: 3 }), kind: fc.constantFrom<CriterionKind>('scored', 'scored', 'must-have', 'must-have', 'cost') }), { maxLength: 3 }),
  }), { minLength: 0, maxLength: 4 })
  .chain((tops) => {
    const total = tops.reduce((n, t) => n + 1 + t.children.length, 0);
    return fc.tuple(fc.constant(tops), fc.shuffledSubarray(Array.from({ length: 60 }, (_, i) => String(i + 1)), { minLength: total, maxLength: total }), fc.boolean());
  })
  .map(([tops, ids, orphan]) => {
    const out: CriterionNode[] = [];
    let k = 0;
    for (const t of tops) {
      const topId = ids[k++]!;
      out.push({ id: topId, parentId: null, name: t.name, kind: t.children.length > 0 ? 'scored' : t.kind, position: t.position });
      for (const c of t.children) out.push({ id: ids[k++]!, parentId: topId, name: c.name, kind: c.kind, position: c.position });
    }
    // Now and then a leaf whose parent is missing: ranked as a top of its own.
    if (orphan) out.push({ id: '99', parentId: '98', name: 'Orphan', kind: 'scored', position: 0 });
    return out;
  });

const weight = fc.oneof(fc.constantFrom(0, 0.1, 0.25, 1 / 3, 0.5, 1, -1, NaN, Infinity), fc.double({ min: 0, max: 1, noNaN: true }));
const price = fc.oneof(fc.constantFrom(null, 0, 0, 100, 250.5, 1e6, -5, NaN, Infinity), fc.double({ min: 0, max: 1e5, noNaN: true }));
const scale = fc.constantFrom<Scale>({ min: 0, max: 5 }, { min: 1, max: 10 }, { min: 3, max: 3 }, { min: 0, max: 1 });
const consensus = fc.constantFrom(null, null, null, 0, 1, 3.5, 5, -1, Infinity);

const vendorsArb: fc.Arbitrary<RankVendor[]> = fc
  .uniqueArray(fc.record({ id, name: names, price }), { selector: (v) => v.id, maxLength: 12 });

function cellsArb(vendorIds: string[], criterionIds: string[]): fc.Arbitrary<CellAggregate[]> {
  // Mostly cells of known vendors and criteria; some of unknown ones, which ranking must ignore.
  const v = vendorIds.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...vendorIds) }, { weight: 1, arbitrary: id }) : id;
  const c = criterionIds.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...criterionIds) }, { weight: 1, arbitrary: id }) : id;
  return fc.array(fc.record({
    vendorId: v, criterionId: c,
    count: fc.integer({ min: 0, max: 4 }),
    sum: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: -5, max: 50, noNaN: true })),
    pass: fc.integer({ min: 0, max: 3 }), fail: fc.integer({ min: 0, max: 3 }),
    consensus,
  }), { maxLength: 60 });
}

const evaluationArb = fc
  .record({ criteria: criteriaArb, vendors: vendorsArb, scale, limit: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }) })
  .chain((e) => fc.record({
    cells: cellsArb(e.vendors.map((v) => v.id), e.criteria.map((c) => c.id)),
    weights: fc.array(fc.tuple(fc.constantFrom('1', ...e.criteria.map((c) => c.id)), weight), { maxLength: 12 }),
    split: fc.nat(),
  }).map((x) => ({ ...e, ...x, leafWeights: new Map(x.weights) })));

describe('rankMatrix ≡ rankVendors', () => {
  test('on random small evaluations, bit for bit', () => {
    fc.assert(
      fc.property(evaluationArb, (e) => {
        const reference = rankVendors({ criteria: e.criteria, leafWeights: e.leafWeights, scale: e.scale, vendors: e.vendors, cells: e.cells });
        const fast = rankMatrix({ criteria: e.criteria, leafWeights: e.leafWeights, scale: e.scale, vendors: e.vendors, matrix: matrixFromCells(e.cells), limit: e.limit });
        expect(fast).toStrictEqual({ ...reference, rows: e.limit === undefined ? reference.rows : reference.rows.slice(0, e.limit), ranked: reference.rows.length });
      }),
      { numRuns: 2000 },
    );
  });

  test('each vendor\'s working (issue 14) has the ranking\'s total and coverage bit for bit, and says why when it is not ranked', () => {
    fc.assert(
      fc.property(evaluationArb, (e) => {
        const input = { criteria: e.criteria, leafWeights: e.leafWeights, scale: e.scale, vendors: e.vendors, matrix: matrixFromCells(e.cells) };
        const ranking = rankMatrix(input);
        const rows = new Map(ranking.rows.map((r) => [r.vendorId, r]));
        for (const v of e.vendors) {
          const w = vendorWorking(input, v.id);
          const row = rows.get(v.id);
          if (!row) {
            expect('status' in w && w.status).toBe(ranking.excluded.some((x) => x.vendorId === v.id) ? 'excluded' : 'unscored');
            continue;
          }
          if ('status' in w) throw new Error(`ranked vendor ${v.id} has no working`);
          expect([w.total, w.coverage]).toStrictEqual([row.total, row.coverage]);
          const sum = w.lines.reduce((s, l) => s + l.contribution, 0);
          if (Number.isFinite(w.total)) expect(Math.abs(sum - w.total)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('a matrix extended from an earlier one (as the cache applies changes) ranks like one built at once', () => {
    fc.assert(
      fc.property(evaluationArb, (e) => {
        const at = e.cells.length === 0 ? 0 : e.split % (e.cells.length + 1);
        const first = matrixFromCells(e.cells.slice(0, at));
        const snapshot = rankMatrix({ criteria: e.criteria, leafWeights: e.leafWeights, scale: e.scale, vendors: e.vendors, matrix: first });
        const b = new CellMatrixBuilder(first);
        for (const c of e.cells.slice(at)) b.set(c.vendorId, c.criterionId, c);
        const extended = b.build();
        const input = { criteria: e.criteria, leafWeights: e.leafWeights, scale: e.scale, vendors: e.vendors };
        expect(rankMatrix({ ...input, matrix: extended })).toStrictEqual(rankMatrix({ ...input, matrix: matrixFromCells(e.cells) }));
        // The earlier matrix was copied, not changed under its reader.
        expect(rankMatrix({ ...input, matrix: first })).toStrictEqual(snapshot);
      }),
      { numRuns: 500 },
    );
  });

  test('growing past the first capacity and stride keeps every cell where it was', () => {
    const cells: CellAggregate[] = [];
    for (let v = 0; v < 70; v++) for (let c = 0; c < 9; c++) cells.push({ vendorId: `v${v}`, criterionId: `c${(c * 7 + v) % 9}`, count: 1, sum: (v * 9 + c) % 6, pass: v % 2, fail: c % 3, consensus: v % 11 === 0 ? 1 : null });
    const m = matrixFromCells(cells);
    for (const cell of cells) {
      const i = m.rows.get(cell.vendorId)! * m.stride + m.cols.get(cell.criterionId)!;
      expect(m.value[i]).toBe(cell.consensus ?? cell.sum);
      expect([m.pass[i], m.fail[i], m.hasConsensus[i]]).toEqual([cell.pass, cell.fail, cell.consensus === null ? 0 : 1]);
    }
  });
});
