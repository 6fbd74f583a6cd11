import type { Db } from '../../db/client.js';
import { evaluationForMember } from '../../db/queries/evaluations.js';
import { createUserWithTeam } from '../../seeds/factories.js';
import { addCriterion } from '../../server/services/criteria.js';
import { createEvaluation } from '../../server/services/evaluations.js';
import { declare } from '../../server/services/panel.js';
import { changeStatus } from '../../server/services/status.js';
import { addVendor } from '../../server/services/vendors.js';
import { setWeights } from '../../server/services/weights.js';

export const BIG_GRID_LOGIN = { email: 'grid@example.test', password: 'a-long-enough-password' } as const;

/**
 * An evaluation in scoring with a grid big enough to scroll both ways: `groups` top-level criteria of
 * `perGroup` leaves each (named "Criterion n", n from 1 in column order) and `vendors` vendors
 * ("Vendor 01"…). The facilitator (BIG_GRID_LOGIN) has declared, so the grid is open to them.
 */
export async function bigGridEvaluation(db: Db, size = { groups: 4, perGroup: 6, vendors: 45 }) {
  const { userId, teamId } = await createUserWithTeam(db, { ...BIG_GRID_LOGIN, name: 'Grid Facilitator', teamName: 'Grid team' });
  const evaluation = await createEvaluation(db, { id: userId, teamId }, { name: 'Big grid', template: 'blank', scale: { min: 0, max: 5 } });
  const actor = async () => ({ ...(await evaluationForMember(db, evaluation.id, userId))!, userId });
  const a = await actor();
  const tops: number[] = [];
  let n = 0;
  for (let g = 1; g <= size.groups; g++) {
    const top = await addCriterion(db, a, { name: `Group ${g}` });
    tops.push(top);
    for (let i = 0; i < size.perGroup; i++) {
      n++;
      await addCriterion(db, a, { name: `Criterion ${n}`, parentId: top, rubric: ['None', 'Weak', 'Fair', 'Good', 'Strong', 'Best'] });
    }
  }
  for (let v = 1; v <= size.vendors; v++) await addVendor(db, a, { name: `Vendor ${String(v).padStart(2, '0')}` });
  await setWeights(db, a, Object.fromEntries(tops.map((id) => [String(id), 100 / tops.length])));
  await declare(db, a, { conflict: false });
  await changeStatus(db, await actor(), 'scoring');
  return { evaluationId: evaluation.id };
}
