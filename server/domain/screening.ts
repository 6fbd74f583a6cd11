import type { CellAggregate, CriterionNode } from './types.js';
import { leavesOf, treeOrder } from './criteria-tree.js';
import { mustHaveGate, type MustHaveFailed } from './must-have-gate.js';

/**
 * Screening a longlist by its must-haves, with the very gate the ranking applies (server/domain/
 * ranking.ts): a vendor fails a leaf must-have when the facilitator's consensus says 0, or, without
 * a consensus, when more evaluators said fail than pass. A tie fails no one. The first failed
 * must-have in tree order is the reason, the same data the ranking gives, so a vendor screened
 * out here carries the same explanation the ranking's "excluded" list would have shown (phrased by
 * the reader: read-models/must-haves.ts).
 * test/unit/screening.test.ts holds this equal to rankVendors' excluded list.
 */

export interface MustHaveFailure { vendorId: string; name: string; criterionId: string; why: MustHaveFailed }

/** Why one cell fails its must-have (the ranking's gate), or undefined when it does not (a tie fails no one). */
export function mustHaveVerdict(name: string, cell: Pick<CellAggregate, 'pass' | 'fail' | 'consensus'>): MustHaveFailed | undefined {
  const why = mustHaveGate(name, cell.consensus, cell.pass, cell.fail);
  return why?.code === 'must_have_failed' ? why : undefined;
}

/**
 * The vendors a must-have gate knocks out, each with its first failed must-have, sorted by name
 * (then id) as the ranking sorts its excluded list. Cells of other criteria are ignored.
 * @example mustHaveFailures([{ id: 'gdpr', parentId: null, name: 'GDPR', kind: 'must-have', position: 0 }],
 *   [{ id: '7', name: 'Acme' }], [{ vendorId: '7', criterionId: 'gdpr', count: 0, sum: 0, pass: 0, fail: 0, consensus: 0 }])
 * // [{ vendorId: '7', name: 'Acme', criterionId: 'gdpr', why: { code: 'must_have_failed', criterion: 'GDPR', by: 'consensus', fail: 0, total: 0 } }]
 */
export function mustHaveFailures(
  criteria: readonly CriterionNode[],
  vendors: readonly { id: string; name: string }[],
  cells: readonly CellAggregate[],
): MustHaveFailure[] {
  const ordered = treeOrder(criteria);
  const mustHaves = leavesOf(ordered).filter((c) => c.kind === 'must-have');
  if (mustHaves.length === 0) return [];
  const gate = new Set(mustHaves.map((c) => c.id));
  const byVendor = new Map<string, Map<string, CellAggregate>>();
  for (const cell of cells) {
    if (!gate.has(cell.criterionId)) continue;
    let row = byVendor.get(cell.vendorId);
    if (!row) byVendor.set(cell.vendorId, (row = new Map()));
    row.set(cell.criterionId, cell);
  }
  const out: MustHaveFailure[] = [];
  for (const v of vendors) {
    const row = byVendor.get(v.id);
    if (!row) continue;
    for (const c of mustHaves) {
      const cell = row.get(c.id);
      const why = cell ? mustHaveVerdict(c.name, cell) : undefined;
      if (why !== undefined) {
        out.push({ vendorId: v.id, name: v.name, criterionId: c.id, why });
        break;
      }
    }
  }
  return out.sort((a, b) => {
    const x = a.name.toLowerCase();
    const y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0;
  });
}
