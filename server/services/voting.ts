import type { Db } from '../../db/client.js';
import { myVote, saveVote } from '../../db/queries/votes.js';
import { recordAudit } from '../../db/queries/audit.js';
import { ahpToWeights, pointsToWeights, rankToWeights, ratingsToWeights } from '../domain/voting/index.js';
import { voteProblemsText } from './vote-problem-text.js';
import type { VoteBody } from '../schemas/votes.js';
import { badRequest, conflict } from '../errors.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';
import { allowedMethods, votingCriteria } from '../read-models/votes.js';
import { m } from '../../views/messages/index.js';

export interface VoteResult { weights: Record<string, number>; consistencyRatio?: number; worstJudgement?: { row: string; col: string; a: number; implied: number } | null }

/** Turns a vote body into weights (pure checks in the domain); throws a 400 naming each problem. */
export function weighVote(body: VoteBody, ids: string[]): VoteResult {
  const r =
    body.method === 'points' ? pointsToWeights(body.points, ids)
    : body.method === 'rating' ? ratingsToWeights(body.ratings, ids)
    : body.method === 'rank' ? rankToWeights(body.order, ids)
    : ahpToWeights(body.criteria, body.matrix, ids);
  if (!r.ok) {
    const fields = voteProblemsText(r.problems);
    throw badRequest(Object.values(fields)[0] ?? m.errors.voteNotValid, fields);
  }
  if (body.method !== 'ahp' || r.consistencyRatio === undefined) return { weights: r.weights };
  const worst = r.worstJudgement ? { row: body.criteria[r.worstJudgement.row]!, col: body.criteria[r.worstJudgement.col]!, a: r.worstJudgement.a, implied: r.worstJudgement.implied } : null;
  return { weights: r.weights, consistencyRatio: r.consistencyRatio, worstJudgement: worst };
}

/** Saves (or replaces) the caller's vote while voting is open. */
export async function castVote(db: Db, a: Actor, body: VoteBody): Promise<VoteResult> {
  if (a.evaluation.status !== 'voting') throw conflict('voting_closed', m.errors.votingClosed);
  if (!allowedMethods(a.evaluation).includes(body.method)) {
    throw badRequest(m.errors.methodsAccepted(allowedMethods(a.evaluation).join(', ')), { method: m.errors.methodNotAllowedField });
  }
  const ids = (await votingCriteria(db, a.evaluation.id)).map((c) => c.id);
  const result = weighVote(body, ids);
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    const before = await myVote(trx, a.evaluation.id, a.userId);
    const row = { method: body.method, payload: JSON.stringify(body), weights: JSON.stringify(result.weights), consistency_ratio: result.consistencyRatio ?? null, updated_at: at };
    await saveVote(trx, a.evaluation.id, a.userId, row, before !== undefined);
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: before ? 'revote' : 'vote', entity: 'vote', entityId: a.userId,
      before: before ? { method: before.method, weights: JSON.parse(before.weights) } : undefined,
      after: { method: body.method, weights: result.weights, ...(result.consistencyRatio !== undefined ? { consistencyRatio: result.consistencyRatio } : {}) },
    });
  });
  return result;
}
