import type { Db } from '../../db/client.js';
import { childrenOf, scoreCountOn } from '../../db/queries/criteria.js';

/** The sub-criteria and the number of scores deleting a criterion takes with it. */
export async function impactOf(db: Db, evaluationId: number, id: number) {
  const children = await childrenOf(db, evaluationId, id);
  return { children, scores: await scoreCountOn(db, [id, ...children.map((c) => c.id)]) };
}

/** What deleting would take with it, for the confirmation the page asks for. */
export async function deletionImpact(db: Db, evaluationId: number, id: number): Promise<{ children: string[]; scores: number }> {
  const { children, scores } = await impactOf(db, evaluationId, id);
  return { children: children.map((c) => c.name), scores };
}
