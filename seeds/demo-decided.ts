import type { Db } from '../db/client.js';
import { criteriaOf } from '../db/queries/criteria.js';
import { createEvaluation } from '../server/services/evaluations.js';
import { addCriterion } from '../server/services/criteria.js';
import { addVendor } from '../server/services/vendors.js';
import { addMember } from '../server/services/members.js';
import { declare, submitScores } from '../server/services/panel.js';
import { saveBatch } from '../server/services/scores.js';
import { changeStatus } from '../server/services/status.js';
import { decide } from '../server/services/decision.js';
import { giveVerdict } from '../server/services/approvals.js';
import { actorIn } from './demo-actor.js';

export const DECIDED_DEMO_NAME = 'Survey tool for the contact centre';

/** Three small survey tools, how well each does on the two criteria (0–5). Invented for illustration only. */
const TOOLS: Record<string, [number, number]> = { GetFeedback: [4, 4], Qualtrics: [5, 3], Typeform: [3, 2] };

/**
 * A second, small evaluation carried to the end: decided with a reason and signed off by an
 * observer flagged as approver, so the decision and approvals pages have something to show.
 */
export async function seedDecidedDemo(db: Db, who: { facilitator: { id: number; teamId: number }; approverEmail: string }): Promise<number> {
  const me = who.facilitator.id;
  const { id } = await createEvaluation(db, who.facilitator, { name: DECIDED_DEMO_NAME, template: 'blank', scale: { min: 0, max: 5 } });
  for (const name of ['Survey channels', 'Closed-loop follow-up']) await addCriterion(db, await actorIn(db, id, me), { name, description: `How well the tool covers ${name.toLowerCase()}.` });
  const vendorIds: number[] = [];
  for (const name of Object.keys(TOOLS)) vendorIds.push(await addVendor(db, await actorIn(db, id, me), { name, category: 'Feedback & surveys' }));
  const { userId: approver } = await addMember(db, await actorIn(db, id, me), { email: who.approverEmail, role: 'observer', approver: true });

  // The facilitator scores alone here: declared before anyone else scored, so blind scoring allows it.
  await declare(db, await actorIn(db, id, me), { conflict: false });
  await changeStatus(db, await actorIn(db, id, me), 'scoring');
  const leaves = await criteriaOf(db, id);
  const values = Object.values(TOOLS);
  await saveBatch(db, await actorIn(db, id, me), vendorIds.flatMap((vendorId, v) => leaves.map((c, i) => ({ vendorId, criterionId: c.id, value: values[v]![i]! }))));
  await submitScores(db, await actorIn(db, id, me));
  await changeStatus(db, await actorIn(db, id, me), 'review');
  await decide(db, await actorIn(db, id, me), {
    vendorIds: [vendorIds[0]!],
    reason: 'GetFeedback is level with Qualtrics on the weighted score, follows up closed loops natively and costs less to run.',
  });
  await giveVerdict(db, await actorIn(db, id, approver), { verdict: 'approve', comment: 'Approved for the contact-centre budget.' });
  return id;
}
