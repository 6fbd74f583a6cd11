import type { Db } from '../../db/client.js';
import type { DeadlineStage } from '../../db/schema.js';
import { updateEvaluation } from '../../db/queries/evaluations.js';
import { planReminders } from '../../db/queries/deadline-reminders.js';
import { auditAs } from './audit-as.js';
import { REMINDER_HOURS } from '../mail/scheduler.js';
import { nowIso } from '../time.js';
import type { DeadlinesInput } from '../schemas/deadlines.js';
import type { Actor } from '../actor.js';

export interface Deadlines { voting: string | null; scoring: string | null }

export const deadlinesOf = (e: { voting_deadline: string | null; scoring_deadline: string | null }): Deadlines => ({ voting: e.voting_deadline, scoring: e.scoring_deadline });

/**
 * Sets (or clears, with null) the voting and scoring deadlines; a field left out keeps its value.
 * The reminders of a changed deadline are planned anew in the same transaction, with the audit entry.
 */
export async function setDeadlines(db: Db, a: Actor, input: DeadlinesInput): Promise<Deadlines> {
  const before = deadlinesOf(a.evaluation);
  const after: Deadlines = { voting: input.voting === undefined ? before.voting : input.voting, scoring: input.scoring === undefined ? before.scoring : input.scoring };
  await db.transaction().execute(async (trx) => {
    await updateEvaluation(trx, a.evaluation.id, { voting_deadline: after.voting, scoring_deadline: after.scoring }, nowIso());
    for (const stage of ['voting', 'scoring'] as DeadlineStage[]) {
      if (after[stage] !== before[stage]) await planReminders(trx, a.evaluation.id, stage, after[stage], REMINDER_HOURS);
    }
    await auditAs(trx, a, 'set', 'deadlines', a.evaluation.id, before, after);
  });
  return after;
}
