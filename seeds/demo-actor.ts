import type { Db } from '../db/client.js';
import { evaluationForMember } from '../db/queries/evaluations.js';
import type { Actor } from '../server/actor.js';

/**
 * A member acting in the evaluation as it is now: read afresh before each step, because the
 * services check the status and settings the actor carries (a stale actor would still be in draft).
 */
export async function actorIn(db: Db, evaluationId: number, userId: number): Promise<Actor> {
  const access = await evaluationForMember(db, evaluationId, userId);
  if (!access) throw new Error(`demo seed: user ${userId} is not a member of evaluation ${evaluationId}`);
  return { ...access, userId };
}
