import type { Db } from '../../db/client.js';
import type { Evaluation } from '../../db/schema.js';
import { cellsOf } from '../../db/queries/scores.js';
import { currentWeightSet } from '../../db/queries/weights.js';
import { criteriaOf, toNodes } from '../../db/queries/criteria.js';
import { rankVendors, type RankingResult } from '../domain/ranking.js';
import type { CellAggregate, CriterionNode, RankVendor, Scale } from '../domain/types.js';
import { resolveWeights, type ResolvedWeights } from '../domain/weights.js';

export interface RankingView {
  result: RankingResult;
  nodes: CriterionNode[];
  resolved: ResolvedWeights;
  weightVersion: number | null;
  /** Top-level criteria that carry weight, in display order: the breakdown's columns. */
  columns: CriterionNode[];
}

/** Everything a ranking is computed from, loaded once so it can be ranked under several weightings. */
export interface RankingInputs {
  nodes: CriterionNode[]; local: Map<string, number>; weightVersion: number | null; vendors: RankVendor[]; cells: CellAggregate[]; scale: Scale;
  /** Consensus rationales of must-have cells ("vendorId:criterionId"), so a knock-out says why. */
  rationales: Map<string, string>;
}

export async function loadRankingInputs(db: Db, evaluation: Evaluation): Promise<RankingInputs> {
  const [rows, current, vendors, cells, rationales] = await Promise.all([
    criteriaOf(db, evaluation.id),
    currentWeightSet(db, evaluation.id),
    db.selectFrom('vendors').select(['id', 'name', 'price']).where('evaluation_id', '=', evaluation.id).where('screened_out', 'is', null).execute(),
    cellsOf(db, evaluation.id),
    db.selectFrom('score_cells').innerJoin('criteria', 'criteria.id', 'score_cells.criterion_id')
      .select(['score_cells.vendor_id', 'score_cells.criterion_id', 'score_cells.consensus_rationale'])
      .where('score_cells.evaluation_id', '=', evaluation.id).where('criteria.kind', '=', 'must-have').where('score_cells.consensus_rationale', 'is not', null).execute(),
  ]);
  return {
    rationales: new Map(rationales.map((r) => [`${r.vendor_id}:${r.criterion_id}`, r.consensus_rationale ?? ''])),
    nodes: toNodes(rows), local: current.local, weightVersion: current.set?.version ?? null, scale: { min: evaluation.scale_min, max: evaluation.scale_max },
    vendors: vendors.map((v) => ({ id: String(v.id), name: v.name, price: v.price })),
    cells: cells.map((c) => ({ vendorId: String(c.vendor_id), criterionId: String(c.criterion_id), count: c.n, sum: c.sum, pass: c.pass, fail: c.fail, consensus: c.consensus })),
  };
}

/**
 * Ranks the inputs, optionally with other top-level weights (a stakeholder group's, a what-if);
 * sub-criterion splits stay those of the weight set in force.
 */
export function rankInputs(inputs: RankingInputs, topLevel?: Record<string, number>, opts: { withoutCost?: boolean } = {}): RankingView {
  if (opts.withoutCost) {
    // Two envelopes: without prices the cost leaves drop out and their siblings share the weight.
    inputs = { ...inputs, nodes: inputs.nodes.filter((n) => n.kind !== 'cost') };
  }
  const local = new Map(inputs.local);
  if (topLevel) for (const [id, w] of Object.entries(topLevel)) local.set(id, w);
  const resolved = resolveWeights(inputs.nodes, local);
  const ranked = rankVendors({ criteria: inputs.nodes, leafWeights: resolved.leaves, scale: inputs.scale, vendors: inputs.vendors, cells: inputs.cells });
  const result = {
    ...ranked,
    excluded: ranked.excluded.map((x) => {
      const why = inputs.rationales.get(`${x.vendorId}:${x.criterionId}`);
      return why ? { ...x, reason: `${x.reason}: ${why}` } : x;
    }),
  };
  const columns = inputs.nodes.filter((n) => n.parentId === null && (resolved.global.get(n.id) ?? 0) > 0);
  return { result, nodes: inputs.nodes, resolved, weightVersion: inputs.weightVersion, columns };
}

/**
 * Ranks an evaluation's vendors from the cell aggregates and the weights in force. Derived on
 * every read and never stored, so it cannot drift from the scores it explains.
 */
export async function loadRanking(db: Db, evaluation: Evaluation, opts: { withoutCost?: boolean } = {}): Promise<RankingView> {
  return rankInputs(await loadRankingInputs(db, evaluation), undefined, opts);
}
