import type { Db } from '../db/client.js';
import { criteriaOf } from '../db/queries/criteria.js';
import { createEvaluation } from '../server/services/evaluations.js';
import { addCriterion } from '../server/services/criteria.js';
import { addVendor } from '../server/services/vendors.js';
import { addMember } from '../server/services/members.js';
import { declare, submitScores } from '../server/services/panel.js';
import { saveBatch } from '../server/services/scores.js';
import { changeStatus } from '../server/services/status.js';
import { setDeadlines } from '../server/services/deadlines.js';
import { actorIn } from './demo-actor.js';

export const SCORING_DEMO_NAME = 'Chat and messaging add-on';

/** Four messaging add-ons and how well each does on the three criteria (0–5). Invented for illustration only. */
const ADD_ONS: Record<string, [number, number, number]> = { Infobip: [5, 4, 3], Braze: [4, 3, 4], 'Sinch Engage': [3, 4, 3], Twilio: [4, 5, 2] };
const CRITERIA = ['WhatsApp and RCS coverage', 'Agent hand-over', 'Consent and opt-out handling'];

/**
 * A third, small evaluation caught in the middle of scoring, so a newcomer sees the scoring grid,
 * the panel's progress and a deadline while they are live: the evaluator has submitted, the
 * facilitator (who scores too) has filled two of the three rows and not yet submitted.
 */
export async function seedScoringDemo(db: Db, who: { facilitator: { id: number; teamId: number }; evaluatorEmail: string }): Promise<number> {
  const me = who.facilitator.id;
  const { id } = await createEvaluation(db, who.facilitator, { name: SCORING_DEMO_NAME, template: 'blank', scale: { min: 0, max: 5 } });
  for (const name of CRITERIA) await addCriterion(db, await actorIn(db, id, me), { name, description: `How well the add-on handles ${name.toLowerCase()}.` });
  const vendorIds: number[] = [];
  for (const name of Object.keys(ADD_ONS)) vendorIds.push(await addVendor(db, await actorIn(db, id, me), { name, category: 'Messaging' }));
  const { userId: eli } = await addMember(db, await actorIn(db, id, me), { email: who.evaluatorEmail, role: 'evaluator' });

  await declare(db, await actorIn(db, id, me), { conflict: false });
  await changeStatus(db, await actorIn(db, id, me), 'scoring');
  // A week from the seed's day: the deadline shows on every page of the stage, reminders are planned.
  await setDeadlines(db, await actorIn(db, id, me), { scoring: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 7 * 86_400_000).toISOString() });
  const leaves = await criteriaOf(db, id);
  const strengths = Object.values(ADD_ONS);
  const cells = (rows: number, nudge: number) => vendorIds.slice(0, rows).flatMap((vendorId, v) => leaves.map((c, i) => ({ vendorId, criterionId: c.id, value: Math.max(0, Math.min(5, strengths[v]![i]! + nudge)) })));

  await declare(db, await actorIn(db, id, eli), { conflict: false });
  await saveBatch(db, await actorIn(db, id, eli), cells(vendorIds.length, -1));
  await submitScores(db, await actorIn(db, id, eli));
  await saveBatch(db, await actorIn(db, id, me), cells(2, 0));
  return id;
}
