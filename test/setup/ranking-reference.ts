import type { Db } from '../../db/client.js';
import { criteriaOf, toNodes } from '../../db/queries/criteria.js';
import { cellsOf } from '../../db/queries/scores.js';
import { currentWeightSet } from '../../db/queries/weights.js';
import { rankVendors } from '../../server/domain/ranking.js';
import { resolveWeights } from '../../server/domain/weights.js';

// The reference ranking the cached one is checked against (ADR 008): by the property test over two
// handles on one SQLite file, and by test/pg/multi-process.test.ts over two processes on one
// PostgreSQL database.

/** The ranking as it was computed before the cache: every cell read afresh, then rankVendors. */
export async function reference(db: Db, evaluationId: number) {
  const evaluation = await db.selectFrom('evaluations').selectAll().where('id', '=', evaluationId).executeTakeFirstOrThrow();
  const [rows, current, vendors, cells, rationales] = await Promise.all([
    criteriaOf(db, evaluationId), currentWeightSet(db, evaluationId),
    db.selectFrom('vendors').select(['id', 'name', 'price']).where('evaluation_id', '=', evaluationId).where('screened_out', 'is', null).execute(),
    cellsOf(db, evaluationId),
    db.selectFrom('score_cells').innerJoin('criteria', 'criteria.id', 'score_cells.criterion_id').select(['score_cells.vendor_id', 'score_cells.criterion_id', 'score_cells.consensus_rationale'])
      .where('score_cells.evaluation_id', '=', evaluationId).where('criteria.kind', '=', 'must-have').where('score_cells.consensus_rationale', 'is not', null).execute(),
  ]);
  const nodes = toNodes(rows);
  const resolved = resolveWeights(nodes, current.local);
  const why = new Map(rationales.map((r) => [`${r.vendor_id}:${r.criterion_id}`, r.consensus_rationale ?? '']));
  const ranked = rankVendors({
    criteria: nodes, leafWeights: resolved.leaves, scale: { min: evaluation.scale_min, max: evaluation.scale_max },
    vendors: vendors.map((v) => ({ id: String(v.id), name: v.name, price: v.price })),
    cells: cells.map((c) => ({ vendorId: String(c.vendor_id), criterionId: String(c.criterion_id), count: c.n, sum: c.sum, pass: c.pass, fail: c.fail, consensus: c.consensus })),
  });
  return {
    evaluation,
    result: { ...ranked, excluded: ranked.excluded.map((x) => (why.get(`${x.vendorId}:${x.criterionId}`) ? { ...x, rationale: why.get(`${x.vendorId}:${x.criterionId}`) } : x)) },
  };
}
