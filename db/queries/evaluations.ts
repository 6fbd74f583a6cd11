import type { Db } from '../client.js';
import { precompiled } from '../precompiled.js';
import type { Evaluation, MemberRole } from '../schema.js';

/** An evaluation together with the caller's role in it. */
export interface EvaluationAccess { evaluation: Evaluation; role: MemberRole }

const memberEvaluation = precompiled((db, evaluationId: number, userId: number) => db
  .selectFrom('evaluations')
  .innerJoin('evaluation_members as m', 'm.evaluation_id', 'evaluations.id')
  .selectAll('evaluations')
  .select('m.role')
  .where('evaluations.id', '=', evaluationId)
  .where('m.user_id', '=', userId)
  .where('m.removed_at', 'is', null));

/** The evaluation if `userId` is a current member of it; undefined otherwise (absent and hidden look the same). */
export async function evaluationForMember(db: Db, evaluationId: number, userId: number): Promise<EvaluationAccess | undefined> {
  const row = (await memberEvaluation(db, evaluationId, userId))[0];
  if (!row) return undefined;
  const { role, ...evaluation } = row;
  return { evaluation, role };
}

/** The evaluations a user is a member of, newest first, with counts for the home page. */
export async function evaluationsForUser(db: Db, userId: number) {
  return db
    .selectFrom('evaluations as e')
    .innerJoin('evaluation_members as m', 'm.evaluation_id', 'e.id')
    .select(['e.id', 'e.name', 'e.status', 'e.created_at', 'm.role'])
    .select((eb) => [
      eb.selectFrom('vendors').select((x) => x.fn.countAll<number>().as('n')).whereRef('vendors.evaluation_id', '=', 'e.id').as('vendor_count'),
      eb.selectFrom('criteria').select((x) => x.fn.countAll<number>().as('n')).whereRef('criteria.evaluation_id', '=', 'e.id').as('criterion_count'),
    ])
    .where('m.user_id', '=', userId)
    .where('m.removed_at', 'is', null)
    .orderBy('e.id', 'desc')
    .execute();
}
