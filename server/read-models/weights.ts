import type { Db } from '../../db/client.js';
import { criteriaOf, toNodes } from '../../db/queries/criteria.js';
import { currentWeightSet } from '../../db/queries/weights.js';
import { resolveWeights, type ResolvedWeights } from '../domain/weights.js';
import type { CriterionNode } from '../domain/types.js';

/** The evaluation's criteria with the weights now in force (newest weight set, resolved). */
export async function loadWeights(db: Db, evaluationId: number): Promise<{ nodes: CriterionNode[]; resolved: ResolvedWeights; version: number | null }> {
  const [rows, current] = await Promise.all([criteriaOf(db, evaluationId), currentWeightSet(db, evaluationId)]);
  const nodes = toNodes(rows);
  return { nodes, resolved: resolveWeights(nodes, current.local), version: current.set?.version ?? null };
}
