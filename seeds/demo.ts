import type { Db } from '../db/client.js';
import { evaluationForMember } from '../db/queries/evaluations.js';
import { criteriaOf } from '../db/queries/criteria.js';
import { vendorsOf } from '../db/queries/vendors.js';
import { anyUserExists } from '../db/queries/users.js';
import { createEvaluation } from '../server/services/evaluations.js';
import { setWeights } from '../server/services/weights.js';
import { saveBatch } from '../server/services/scores.js';
import { declare } from '../server/services/panel.js';
import { changeStatus } from '../server/services/status.js';
import { addEvaluationMember, createTeamMember, createUserWithTeam } from './factories.js';
import { seededRandom } from './random.js';

import { DEMO_LOGIN } from '../server/content/demo-login.js';

export { DEMO_LOGIN };

// How strong each platform is made to look in the demo, on a 0–5 scale. Invented for illustration only.
const DEMO_STRENGTH: Record<string, number> = {
  'Salesforce Service Cloud': 4.1, 'Adobe Experience Manager': 3.9, 'Microsoft Dynamics 365': 3.8, 'SAP Customer Experience': 3.7,
  Medallia: 3.6, Zendesk: 3.4, HubSpot: 3.3, Braze: 3.2, Thunderhead: 3.1,
};

/**
 * Fills an empty database with one team, three people and a scored CXM evaluation, so a first
 * visitor sees a ranking straight away. Does nothing when any user exists; returns the login.
 */
export async function seedDemo(db: Db): Promise<typeof DEMO_LOGIN | null> {
  if (await anyUserExists(db)) return null;
  const { userId, teamId } = await createUserWithTeam(db, { ...DEMO_LOGIN, name: 'Dana Facilitator', teamName: 'Demo Procurement' });
  const evaluators = [
    await createTeamMember(db, teamId, { email: 'eli@cxbench.test', name: 'Eli Evaluator', password: DEMO_LOGIN.password }),
    await createTeamMember(db, teamId, { email: 'kim@cxbench.test', name: 'Kim Evaluator', password: DEMO_LOGIN.password }),
  ];
  const evaluation = await createEvaluation(db, { id: userId, teamId }, { name: 'CXM platform selection 2026', template: 'cxm-core', scale: { min: 0, max: 5 } });
  for (const e of evaluators) await addEvaluationMember(db, evaluation.id, e.userId, 'evaluator');

  const criteria = await criteriaOf(db, evaluation.id);
  const top = criteria.filter((c) => c.parent_id === null);
  const share = [30, 20, 25, 10, 15];
  const facilitator = (await evaluationForMember(db, evaluation.id, userId))!;
  await setWeights(db, { ...facilitator, userId }, Object.fromEntries(top.map((c, i) => [String(c.id), share[i] ?? 20])));

  const parents = new Set(criteria.map((c) => c.parent_id));
  const leaves = criteria.filter((c) => !parents.has(c.id));
  const vendors = (await vendorsOf(db, evaluation.id)).filter((v) => v.name in DEMO_STRENGTH);
  const random = seededRandom(2026);
  for (const who of [userId, ...evaluators.map((e) => e.userId)]) {
    const access = (await evaluationForMember(db, evaluation.id, who))!;
    await declare(db, { ...access, userId: who }, { conflict: false });
    // Vendors outside DEMO_STRENGTH stay unscored, so the demo also shows provisional rows.
    const items = vendors.flatMap((v) =>
      leaves.map((c) => ({ vendorId: v.id, criterionId: c.id, value: Math.max(0, Math.min(5, Math.round((DEMO_STRENGTH[v.name] ?? 3) + (random() - 0.5) * 1.6))) })),
    );
    await saveBatch(db, { ...access, userId: who }, items);
  }
  // Weights were set directly, so the demo skips voting and sits in scoring, as a live project would.
  const fresh = (await evaluationForMember(db, evaluation.id, userId))!;
  await changeStatus(db, { ...fresh, userId }, 'scoring');
  return DEMO_LOGIN;
}
