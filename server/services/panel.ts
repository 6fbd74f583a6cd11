import type { Db } from '../../db/client.js';
import { scoreCountOf } from '../../db/queries/scores.js';
import { declarationOf, excludedVendorIds, insertSubmission, saveDeclaration, submissionOf } from '../../db/queries/panel.js';
import { recordAudit } from '../../db/queries/audit.js';
import { conflict, forbidden, type AppError } from '../errors.js';
import { nowIso } from '../time.js';
import { isScoringOpen, mayScore, type MayScoreRefusal, type ScoringFacts } from '../domain/rules/may-score.js';
import type { Actor } from '../actor.js';
import { mayJoinPanel } from '../domain/rules/visibility.js';
import { othersHaveScores } from '../../db/queries/own-scores.js';
import { withdrawnVendorIds } from '../../db/queries/vendor-withdrawals.js';
import { m } from '../../views/messages/index.js';

/** The HTTP answer to each may-score refusal (409 for the stage, 403 for a conflict of interest). */
export function mayScoreError(refusal: MayScoreRefusal, status: string): AppError {
  switch (refusal) {
    case 'scoring_closed': return conflict('scoring_closed', m.errors.scoringClosed(status));
    case 'declaration_required': return conflict('declaration_required', m.errors.declareBeforeScoring);
    case 'scores_submitted': return conflict('scores_submitted', m.errors.scoresLocked);
    case 'vendor_withdrawn': return conflict('vendor_withdrawn', m.errors.vendorWithdrawn);
    case 'excluded': return forbidden(m.errors.excludedFromVendor);
  }
}

/** The domain's may-score rule as the error that explains what stands in the way, or null. */
export function mayScoreProblem(f: ScoringFacts): AppError | null {
  const refusal = mayScore(f);
  return refusal === null ? null : mayScoreError(refusal, f.status);
}

/** The may-score rules for a write to `vendorIds`; throws what stands in the way. */
export async function assertMayScore(db: Db, a: Actor, vendorIds: readonly number[]): Promise<void> {
  const excluded = await excludedVendorIds(db, a.evaluation.id, a.userId);
  const withdrawn = await withdrawnVendorIds(db, a.evaluation.id);
  const problem = mayScoreProblem({
    status: a.evaluation.status,
    declared: (await declarationOf(db, a.evaluation.id, a.userId)) !== undefined,
    submitted: (await submissionOf(db, a.evaluation.id, a.userId)) !== undefined,
    excluded: vendorIds.some((v) => excluded.has(v)),
    withdrawn: vendorIds.some((v) => withdrawn.has(v)),
  });
  if (problem) throw problem;
}

/** Records (or replaces) the caller's conflict-of-interest declaration. */
export async function declare(db: Db, a: Actor, input: { conflict: boolean; description?: string }): Promise<void> {
  if (a.evaluation.status === 'decided') throw conflict('evaluation_locked', m.errors.locked);
  await db.transaction().execute(async (trx) => {
    const before = await declarationOf(trx, a.evaluation.id, a.userId);
    // Blind scoring: a facilitator who has watched the team's figures may not join the panel late.
    const refusal = mayJoinPanel({ role: a.role, declaredBefore: before !== undefined, othersHaveScores: before === undefined && await othersHaveScores(trx, a.evaluation.id, a.userId) });
    if (refusal) throw conflict(refusal, m.errors.tooLateToJoin);
    const row = { conflict: input.conflict ? 1 : 0, description: input.conflict ? (input.description ?? '') : '', declared_at: nowIso() };
    await saveDeclaration(trx, a.evaluation.id, a.userId, row, before !== undefined);
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'declare', entity: 'declaration', entityId: a.userId,
      before: before ? { conflict: before.conflict === 1, description: before.description } : undefined, after: { conflict: input.conflict, description: row.description },
    });
  });
}

/** Locks the caller's scores: they count as submitted and can no longer change. */
export async function submitScores(db: Db, a: Actor): Promise<{ submittedAt: string; scores: number }> {
  if (!isScoringOpen(a.evaluation.status)) throw conflict('scoring_closed', m.errors.scoringClosed(a.evaluation.status));
  if (!(await declarationOf(db, a.evaluation.id, a.userId))) throw conflict('declaration_required', m.errors.declareBeforeSubmitting);
  return db.transaction().execute(async (trx) => {
    const existing = await submissionOf(trx, a.evaluation.id, a.userId);
    if (existing) throw conflict('scores_submitted', m.errors.alreadySubmitted);
    const at = nowIso();
    await insertSubmission(trx, a.evaluation.id, a.userId, at);
    const n = await scoreCountOf(trx, a.evaluation.id, a.userId);
    await recordAudit(trx, { teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'submit', entity: 'submission', entityId: a.userId, after: { scores: n } });
    return { submittedAt: at, scores: n };
  });
}
