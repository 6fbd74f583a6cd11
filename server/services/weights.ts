import type { Db } from '../../db/client.js';
import { loadWeights } from '../read-models/weights.js';
import { insertWeightSet } from '../../db/queries/weights.js';
import { recordAudit } from '../../db/queries/audit.js';
import { applyWeightUpdate, resolveWeights, type ResolvedWeights } from '../domain/weights.js';
import { badRequest } from '../errors.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';
import { weightChangeNeedsReason } from '../domain/rules/structure.js';
import { m } from '../../views/messages/index.js';

/**
 * Sets weights directly (facilitator): each touched sibling set is renormalised and the result is
 * stored as a new weight-set version, so earlier rankings stay reproducible. From scoring on the
 * change needs a `reason`, stored with the version so the ranking can say who changed it and why.
 */
export async function setWeights(db: Db, a: Actor, update: Record<string, number>, reason?: string): Promise<{ version: number; resolved: ResolvedWeights }> {
  const afterScoring = weightChangeNeedsReason(a.evaluation.status);
  if (afterScoring && !reason?.trim()) {
    throw badRequest(m.errors.reasonForWeights, { reason: m.errors.reasonForWeightsField });
  }
  return db.transaction().execute(async (trx) => {
    const { nodes, resolved } = await loadWeights(trx, a.evaluation.id);
    const known = new Set(nodes.map((n) => n.id));
    const fields: Record<string, string> = {};
    for (const [id, w] of Object.entries(update)) {
      if (!known.has(id)) fields[`weights.${id}`] = m.errors.notCriterionField;
      else if (!Number.isFinite(w) || w < 0) fields[`weights.${id}`] = m.errors.weightNotNumberField;
    }
    if (Object.keys(fields).length > 0) throw badRequest(m.errors.weightsUnusable, fields);
    const local = applyWeightUpdate(nodes, resolved.local, update);
    const next = resolveWeights(nodes, local);
    const { version } = await insertWeightSet(trx, a.evaluation.id, next.local, { source: 'direct', createdBy: a.userId, at: nowIso(), reason: afterScoring ? reason!.trim() : null });
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'set', entity: 'weights', entityId: version,
      before: Object.fromEntries(resolved.local), after: { ...Object.fromEntries(next.local), ...(reason?.trim() ? { reason: reason.trim() } : {}) },
    });
    return { version, resolved: next };
  });
}
