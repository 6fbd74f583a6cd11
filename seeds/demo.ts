import type { Db } from '../db/client.js';
import { criteriaOf } from '../db/queries/criteria.js';
import { vendorsOf } from '../db/queries/vendors.js';
import { anyUserExists } from '../db/queries/users.js';
import { createEvaluation } from '../server/services/evaluations.js';
import { addCriterion } from '../server/services/criteria.js';
import { updateVendor } from '../server/services/vendors.js';
import { addMember } from '../server/services/members.js';
import { setHidePrices } from '../server/services/envelopes.js';
import { setVotingSettings } from '../server/services/stakeholders.js';
import { saveBatch } from '../server/services/scores.js';
import { declare, submitScores } from '../server/services/panel.js';
import { excludeEvaluator } from '../server/services/panel-admin.js';
import { changeStatus } from '../server/services/status.js';
import { setConsensus } from '../server/services/review.js';
import { giveFeedback } from '../server/services/feedback.js';
import { createTeamMember, createUserWithTeam } from './factories.js';
import { seededRandom } from './random.js';
import { actorIn } from './demo-actor.js';
import { castDemoVotes } from './demo-votes.js';
import { seedDecidedDemo } from './demo-decided.js';
import { seedScoringDemo } from './demo-scoring.js';

import { DEMO_LOGIN } from '../server/content/demo-login.js';

export { DEMO_LOGIN };

// How strong each platform is made to look in the demo, on a 0–5 scale, and its yearly price in
// euros (sealed in the second envelope). Invented for illustration only.
const DEMO_STRENGTH: Record<string, number> = {
  'Salesforce Service Cloud': 4.1, 'Adobe Experience Manager': 3.9, 'Microsoft Dynamics 365': 3.8, 'SAP Customer Experience': 3.7,
  Medallia: 3.6, Zendesk: 3.4, HubSpot: 3.3, Braze: 3.2, Thunderhead: 3.1,
};
const DEMO_PRICE: Record<string, number> = {
  'Salesforce Service Cloud': 410_000, 'Adobe Experience Manager': 380_000, 'Microsoft Dynamics 365': 290_000, 'SAP Customer Experience': 340_000,
  Medallia: 220_000, Zendesk: 150_000, HubSpot: 120_000, Braze: 180_000, Thunderhead: 160_000,
};

/** The must-have gate the demo adds, and the one platform that fails it (every scorer says so). */
export const DEMO_MUST_HAVE = 'Customer data hosted in the EU';
export const DEMO_MUST_HAVE_FAILS = 'Thunderhead';
/** The evaluator with a declared conflict, kept away from one vendor. */
export const DEMO_CONFLICT = { email: 'kim@cxbench.test', vendor: 'Zendesk', reason: 'Kim worked for Zendesk until 2024 and still holds shares.' };
export const DEMO_NAME = 'CXM platform selection 2026';
export const DEMO_APPROVER_EMAIL = 'olive@cxbench.test';

/** Stakeholders by group, each voting by a different method; `lean` is how much they care about each area, in template order. */
const STAKEHOLDERS = [
  { email: 'maya@cxbench.test', name: 'Maya Marketing', group: 'Marketing', method: 'points', lean: [5, 3, 2, 4, 2] },
  { email: 'omar@cxbench.test', name: 'Omar Brand', group: 'Marketing', method: 'rating', lean: [5, 4, 2, 3, 3] },
  { email: 'tara@cxbench.test', name: 'Tara Technology', group: 'Technology', method: 'ahp', lean: [2, 4, 5, 3, 4] },
  { email: 'cass@cxbench.test', name: 'Cass Service', group: 'Customer service', method: 'rank', lean: [5, 2, 3, 1, 4] },
] as const;

/** Demo feedback after the vendor demos: who, which vendor, NPS / CSAT / CES and a comment. */
const FEEDBACK: [string, string, number, number, number, string][] = [
  ['maya@cxbench.test', 'Salesforce Service Cloud', 9, 5, 3, 'Journey builder was the clearest we saw.'],
  ['maya@cxbench.test', 'HubSpot', 7, 4, 2, 'Easy, but thin on service channels.'],
  ['cass@cxbench.test', 'Salesforce Service Cloud', 8, 4, 4, 'Agent console is busy; routing is strong.'],
  ['cass@cxbench.test', 'Zendesk', 9, 5, 2, 'Agents would be productive on day one.'],
  ['eli@cxbench.test', 'Adobe Experience Manager', 6, 3, 6, 'Powerful, but the demo needed two engineers.'],
  ['tara@cxbench.test', 'Microsoft Dynamics 365', 8, 4, 3, 'Fits our Azure estate.'],
];

/**
 * Fills an empty database with one team and a CXM evaluation in review that shows every feature
 * with data in it: votes by all four methods from several stakeholder groups, sealed prices (two
 * envelopes), a must-have one vendor fails, an exclusion for a declared conflict, submitted scores,
 * a consensus with a rationale and demo feedback; plus a small evaluation decided and approved
 * (seeds/demo-decided.ts) and one caught mid-scoring (seeds/demo-scoring.ts). Every step goes through the services, so the audit trail is real.
 * Does nothing when any user exists; returns the login.
 */
export async function seedDemo(db: Db): Promise<typeof DEMO_LOGIN | null> {
  if (await anyUserExists(db)) return null;
  const { userId: me, teamId } = await createUserWithTeam(db, { ...DEMO_LOGIN, name: 'Dana Facilitator', teamName: 'Demo Procurement' });
  const person = (email: string, name: string) => createTeamMember(db, teamId, { email, name, password: DEMO_LOGIN.password });
  const evaluators = [];
  for (const [email, name] of [['eli@cxbench.test', 'Eli Evaluator'], [DEMO_CONFLICT.email, 'Kim Evaluator']] as const) evaluators.push({ email, userId: (await person(email, name)).userId });
  const stakeholders = [];
  for (const s of STAKEHOLDERS) stakeholders.push({ ...s, userId: (await person(s.email, s.name)).userId });
  await person(DEMO_APPROVER_EMAIL, 'Olive Observer');
  // The decided one first, so the main demo is the newest: first in every list and on the home page.
  await seedDecidedDemo(db, { facilitator: { id: me, teamId }, approverEmail: DEMO_APPROVER_EMAIL });
  await seedScoringDemo(db, { facilitator: { id: me, teamId }, evaluatorEmail: evaluators[0]!.email });

  const { id } = await createEvaluation(db, { id: me, teamId }, { name: DEMO_NAME, template: 'cxm-core', scale: { min: 0, max: 5 } });
  const dana = () => actorIn(db, id, me);
  for (const e of evaluators) await addMember(db, await dana(), { email: e.email, role: 'evaluator' });
  for (const s of stakeholders) await addMember(db, await dana(), { email: s.email, role: 'stakeholder', group: s.group });
  await addCriterion(db, await dana(), { name: DEMO_MUST_HAVE, kind: 'must-have', description: 'Contracts require EU hosting of customer records; a platform without it is out.' });
  const vendors = (await vendorsOf(db, id)).filter((v) => v.name in DEMO_STRENGTH);
  for (const v of vendors) await updateVendor(db, await dana(), v.id, { price: DEMO_PRICE[v.name] ?? null });
  await setHidePrices(db, await dana(), true);

  // Weights come from the stakeholders' votes, frozen when voting closes.
  await setVotingSettings(db, await dana(), { methods: ['points', 'rating', 'rank', 'ahp'], aggregation: 'mean', ahpMode: 'aip', excludeInconsistent: false });
  await changeStatus(db, await dana(), 'voting');
  await castDemoVotes(db, id, [{ userId: me, method: 'points', lean: [4, 3, 3, 2, 3] }, ...stakeholders]);
  await changeStatus(db, await dana(), 'scoring');

  const conflicted = vendors.find((v) => v.name === DEMO_CONFLICT.vendor)!;
  const criteria = await criteriaOf(db, id);
  const parents = new Set(criteria.map((c) => c.parent_id));
  const leaves = criteria.filter((c) => !parents.has(c.id));
  const random = seededRandom(2026);
  for (const who of [me, ...evaluators.map((e) => e.userId)]) {
    const kim = who === evaluators[1]!.userId;
    await declare(db, await actorIn(db, id, who), kim ? { conflict: true, description: DEMO_CONFLICT.reason } : { conflict: false });
    if (kim) await excludeEvaluator(db, await dana(), { userId: who, vendorId: conflicted.id, reason: DEMO_CONFLICT.reason });
    // Vendors outside DEMO_STRENGTH stay unscored, so the demo also shows provisional rows.
    const items = vendors.filter((v) => !(kim && v.id === conflicted.id)).flatMap((v) => leaves.map((c) => ({
      vendorId: v.id, criterionId: c.id,
      value: c.kind === 'must-have' ? (v.name === DEMO_MUST_HAVE_FAILS ? 0 : 1)
        : Math.max(0, Math.min(5, Math.round((DEMO_STRENGTH[v.name] ?? 3) + (random() - 0.5) * 1.6))),
    })));
    await saveBatch(db, await actorIn(db, id, who), items);
    await submitScores(db, await actorIn(db, id, who));
  }
  await changeStatus(db, await dana(), 'review');

  const leader = vendors.find((v) => v.name === 'Salesforce Service Cloud')!;
  const firstScored = leaves.find((c) => c.kind === 'scored')!;
  await setConsensus(db, await dana(), { vendorId: leader.id, criterionId: firstScored.id, value: 4, rationale: 'Agreed in the review meeting: strong on every channel we use, but WhatsApp needs a partner add-on.' });
  const byName = new Map(vendors.map((v) => [v.name, v.id]));
  const byEmail = new Map<string, number>([...evaluators, ...stakeholders].map((p) => [p.email, p.userId]));
  for (const [email, vendor, nps, csat, ces, comment] of FEEDBACK) {
    await giveFeedback(db, await actorIn(db, id, byEmail.get(email)!), { vendorId: byName.get(vendor)!, nps, csat, ces, comment });
  }
  return DEMO_LOGIN;
}
