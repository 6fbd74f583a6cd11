import type { Db } from '../client.js';
import type { DeadlineStage } from '../schema.js';

/**
 * Plans the reminders of a stage's new deadline and drops the unclaimed ones of an earlier one
 * (claimed rows stay: they are the record of what was sent).
 */
export async function planReminders(db: Db, evaluationId: number, stage: DeadlineStage, deadline: string | null, leads: readonly number[]): Promise<void> {
  await db.deleteFrom('deadline_reminders').where('evaluation_id', '=', evaluationId).where('kind', '=', 'reminder').where('stage', '=', stage).where('claimed_at', 'is', null).execute();
  if (deadline === null) return;
  const at = Date.parse(deadline);
  await db.insertInto('deadline_reminders')
    .values(leads.map((h) => ({ evaluation_id: evaluationId, stage, deadline, hours_before: h, due_at: new Date(at - h * 3_600_000).toISOString() })))
    .onConflict((oc) => oc.doNothing()).execute();
}

/** Records that a stage opened, for the "voting/scoring is open" notice the scheduler sends (inside the status change's transaction). */
export async function insertOpenedNotice(db: Db, evaluationId: number, stage: DeadlineStage, at: string): Promise<void> {
  await db.insertInto('deadline_reminders').values({ evaluation_id: evaluationId, kind: 'opened', stage, deadline: at, hours_before: 0, due_at: at })
    .onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Mailings due at `now` whose evaluation is in their stage: reminders whose deadline is still
 * ahead (one due while the stage has not opened waits for it), and notices of a stage opened since
 * `openedSince` (older ones are not worth sending late).
 */
export async function dueReminders(db: Db, now: string, openedSince: string, limit = 50) {
  return db.selectFrom('deadline_reminders as r').innerJoin('evaluations as e', 'e.id', 'r.evaluation_id')
    .select(['r.id', 'r.kind', 'r.evaluation_id', 'r.stage', 'r.deadline', 'r.hours_before', 'e.name as evaluation_name', 'e.voting_deadline', 'e.scoring_deadline'])
    .where('r.claimed_at', 'is', null).where('r.due_at', '<=', now).whereRef('e.status', '=', 'r.stage')
    .where((eb) => eb.or([eb.and([eb('r.kind', '=', 'reminder'), eb('r.deadline', '>', now)]), eb.and([eb('r.kind', '=', 'opened'), eb('r.due_at', '>=', openedSince)])]))
    .orderBy('r.due_at').limit(limit).execute();
}

/** Claims a reminder: the conditional update lets exactly one process send it. */
export async function claimReminder(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('deadline_reminders').set({ claimed_at: at }).where('id', '=', id).where('claimed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setReminderRecipients(db: Db, id: number, n: number): Promise<void> {
  await db.updateTable('deadline_reminders').set({ recipients: n }).where('id', '=', id).execute();
}

/** Members of the stage who have not done their part yet, with their e-mail: who a reminder goes to. */
export async function laggardsOf(db: Db, evaluationId: number, stage: DeadlineStage) {
  const base = db.selectFrom('evaluation_members as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.id', 'u.email', 'u.name', 'u.locale'])
    .where('m.evaluation_id', '=', evaluationId).where('m.removed_at', 'is', null);
  if (stage === 'voting') {
    return base.where('m.role', 'in', ['facilitator', 'stakeholder'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('votes as v').select('v.user_id').whereRef('v.evaluation_id', '=', 'm.evaluation_id').whereRef('v.user_id', '=', 'm.user_id'))))
      .orderBy('u.id').execute();
  }
  // A facilitator scores only once they have declared (a facilitator who runs the panel does not).
  return base.where((eb) => eb.or([eb('m.role', '=', 'evaluator'), eb.and([eb('m.role', '=', 'facilitator'),
    eb.exists(eb.selectFrom('declarations as d').select('d.user_id').whereRef('d.evaluation_id', '=', 'm.evaluation_id').whereRef('d.user_id', '=', 'm.user_id'))])]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('submissions as s').select('s.user_id').whereRef('s.evaluation_id', '=', 'm.evaluation_id').whereRef('s.user_id', '=', 'm.user_id'))))
    .orderBy('u.id').execute();
}

/** Members concerned by a stage that opens: voters for voting, scorers for scoring. */
export async function stageMembersOf(db: Db, evaluationId: number, stage: DeadlineStage) {
  return db.selectFrom('evaluation_members as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.id', 'u.email', 'u.name', 'u.locale'])
    .where('m.evaluation_id', '=', evaluationId).where('m.removed_at', 'is', null)
    .where('m.role', 'in', stage === 'voting' ? ['facilitator', 'stakeholder'] : ['facilitator', 'evaluator']).orderBy('u.id').execute();
}
