import type { Db } from '../../db/client.js';
import type { EvaluationStatus } from '../../db/schema.js';
import { updateEvaluation } from '../../db/queries/evaluations.js';
import { insertWeightSet } from '../../db/queries/weights.js';
import { recordAudit } from '../../db/queries/audit.js';
import { insertOpenedNotice } from '../../db/queries/deadline-reminders.js';
import { canMoveStatus, STATUSES } from '../domain/permissions.js';
import { conflict } from '../errors.js';
import { nowIso } from '../time.js';
import { loadWeights } from '../read-models/weights.js';
import { voteAggregate } from '../read-models/votes.js';
import type { Actor } from '../actor.js';
import { decide } from './decision.js';
import { assertStatusPreconditions } from './status-guard.js';
import { m } from '../../views/messages/index.js';

/**
 * Moves the evaluation along its lifecycle. Closing voting (voting → scoring) freezes the votes'
 * aggregate into a new weight-set version in the same transaction, so the ranking uses it at once.
 * The move's preconditions (status-preconditions.ts) are checked first; `force` goes past the
 * overridable ones and the audit entry records what it went past.
 */
export async function changeStatus(db: Db, a: Actor, to: EvaluationStatus, opts: { force?: boolean } = {}): Promise<{ status: EvaluationStatus; weightSetVersion: number | null }> {
  const from = a.evaluation.status;
  if (!canMoveStatus(from, to)) {
    const next = STATUSES[STATUSES.indexOf(from) + 1];
    throw conflict('invalid_transition', from === 'decided'
      ? m.errors.statusNeverChanges
      : m.errors.oneStepAtATime(from, next ?? ''));
  }
  // Deciding records the decision too (the vendors ranked first, no reason); services/decision.ts.
  if (to === 'decided') return decide(db, a, null).then(() => ({ status: to, weightSetVersion: null }));
  return db.transaction().execute(async (trx) => {
    const forced = await assertStatusPreconditions(trx, a, to, opts.force === true);
    let weightSetVersion: number | null = null;
    let votes = 0;
    if (from === 'voting' && to === 'scoring') {
      const agg = await voteAggregate(trx, a.evaluation);
      votes = agg.counted;
      if (agg.counted > 0) {
        const { resolved } = await loadWeights(trx, a.evaluation.id);
        const local = new Map(resolved.local);
        for (const [id, w] of Object.entries(agg.weights)) local.set(id, w);
        const note = `Voting closed: ${agg.counted} vote${agg.counted === 1 ? '' : 's'}, ${agg.aggregation} within groups, ${agg.ahpMode.toUpperCase()} for AHP`;
        weightSetVersion = (await insertWeightSet(trx, a.evaluation.id, local, { source: 'vote', note, createdBy: a.userId, at: nowIso() })).version;
      }
    }
    await updateEvaluation(trx, a.evaluation.id, { status: to }, nowIso());
    // The "voting/scoring is open" e-mail: recorded with the change, sent by the scheduler (ADR 020).
    if (to === 'voting' || to === 'scoring') await insertOpenedNotice(trx, a.evaluation.id, to, nowIso());
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'status', entity: 'evaluation', entityId: a.evaluation.id,
      before: { status: from }, after: { status: to, ...(weightSetVersion !== null ? { weightSetVersion, votes } : {}), ...(forced.length > 0 ? { forced } : {}) },
    });
    return { status: to, weightSetVersion };
  });
}

/** Opens voting again after it was closed; recorded, and the frozen weight set stays in history. */
export async function reopenVoting(db: Db, a: Actor): Promise<void> {
  if (a.evaluation.status !== 'scoring') throw conflict('invalid_transition', m.errors.reopenVotingInScoring);
  await db.transaction().execute(async (trx) => {
    await updateEvaluation(trx, a.evaluation.id, { status: 'voting' }, nowIso());
    await recordAudit(trx, { teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'reopen-voting', entity: 'evaluation', entityId: a.evaluation.id, before: { status: 'scoring' }, after: { status: 'voting' } });
  });
}
