import type { Db } from '../../db/client.js';
import type { Evaluation } from '../../db/schema.js';
import { cellsOf } from '../../db/queries/scores.js';
import { rankVendors, type RankingResult } from '../domain/ranking.js';
import type { CriterionNode } from '../domain/types.js';
import type { ResolvedWeights } from '../domain/weights.js';
import { loadWeights } from './weights.js';

export interface RankingView {
  result: RankingResult;
  nodes: CriterionNode[];
  resolved: ResolvedWeights;
  weightVersion: number | null;
  /** Top-level criteria that carry weight, in display order: the breakdown's columns. */
  columns: CriterionNode[];
}

/**
 * Ranks an evaluation's vendors from the cell aggregates and the weights in force. Derived on
 * every read and never stored, so it cannot drift from the scores it explains.
 */
export async function loadRanking(db: Db, evaluation: Evaluation): Promise<RankingView> {
  const [{ nodes, resolved, version }, vendors, cells] = await Promise.all([
    loadWeights(db, evaluation.id),
    db.selectFrom('vendors').select(['id', 'name', 'price']).where('evaluation_id', '=', evaluation.id).where('screened_out', 'is', null).execute(),
    cellsOf(db, evaluation.id),
  ]);
  const result = rankVendors({
    criteria: nodes,
    leafWeights: resolved.leaves,
    scale: { min: evaluation.scale_min, max: evaluation.scale_max },
    vendors: vendors.map((v) => ({ id: String(v.id), name: v.name, price: v.price })),
    cells: cells.map((c) => ({ vendorId: String(c.vendor_id), criterionId: String(c.criterion_id), count: c.n, sum: c.sum, pass: c.pass, fail: c.fail, consensus: c.consensus })),
  });
  const columns = nodes.filter((n) => n.parentId === null && (resolved.global.get(n.id) ?? 0) > 0);
  return { result, nodes, resolved, weightVersion: version, columns };
}
