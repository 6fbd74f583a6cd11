import type { Db } from '../../db/client.js';
import { updateEvaluation } from '../../db/queries/evaluations.js';
import { vendorIn } from '../../db/queries/vendors.js';
import { consensusOf, writeConsensus } from '../../db/queries/score-cells.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { recordAudit } from '../../db/queries/audit.js';
import { stampCells } from '../../db/queries/scores.js';
import { scoreValueProblem } from '../domain/score-values.js';
import { scoreValueText } from './score-value-text.js';
import { badRequest, conflict, notALeaf, notFound } from '../errors.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';
import { leavesOf } from '../domain/criteria-tree.js';
import { m } from '../../views/messages/index.js';

/** Leaves of the evaluation by id (parents are never scored), and the ids of every criterion. */
async function leaves(db: Db, evaluationId: number) {
  const rows = await criteriaOf(db, evaluationId);
  return { leaves: new Map(leavesOf(rows).map((r) => [r.id, r])), all: new Set(rows.map((r) => r.id)) };
}

/**
 * Sets (or with value null, removes) the consensus score of a cell during review, with its
 * rationale. The evaluators' own scores are left untouched beside it.
 */
export async function setConsensus(db: Db, a: Actor, input: { vendorId: number; criterionId: number; value: number | null; rationale: string }): Promise<void> {
  if (a.evaluation.status !== 'review') throw conflict('not_in_review', m.errors.consensusInReview);
  await db.transaction().execute(async (trx) => {
    const tree = await leaves(trx, a.evaluation.id);
    const leaf = tree.leaves.get(input.criterionId);
    if (!leaf && tree.all.has(input.criterionId)) throw notALeaf();
    if (!leaf) throw notFound('leaf');
    if (!(await vendorIn(trx, a.evaluation.id, input.vendorId))) throw notFound('vendor');
    if (input.value !== null) {
      const problem = scoreValueProblem(leaf.kind, { min: a.evaluation.scale_min, max: a.evaluation.scale_max }, input.value);
      if (problem) throw badRequest(scoreValueText(problem), { value: scoreValueText(problem) });
    }
    const before = await consensusOf(trx, input.vendorId, input.criterionId);
    const at = nowIso();
    // The cell changes, so cached rankings of this evaluation must see it (ADR 008).
    await stampCells(trx, a.evaluation.id, [{ vendorId: input.vendorId, criterionId: input.criterionId }], { scores: false });
    await writeConsensus(trx, a.evaluation.id, input, { value: input.value, rationale: input.rationale, by: a.userId, at });
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: input.value === null ? 'clear-consensus' : 'consensus', entity: 'score-cell',
      entityId: `${input.vendorId}:${input.criterionId}`,
      before: before && before.consensus !== null ? { value: before.consensus, rationale: before.consensus_rationale } : undefined,
      after: { value: input.value, rationale: input.rationale },
    });
  });
}

export async function setDisagreementThreshold(db: Db, a: Actor, threshold: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await updateEvaluation(trx, a.evaluation.id, { disagreement_threshold: threshold }, nowIso());
    await recordAudit(trx, { teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'set', entity: 'disagreement-threshold', entityId: a.evaluation.id, before: { threshold: a.evaluation.disagreement_threshold }, after: { threshold } });
  });
}
