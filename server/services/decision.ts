import type { Db } from '../../db/client.js';
import { insertDecision, moveStatusIf } from '../../db/queries/decisions.js';
import { knownVendorIds, vendorNamesByIds } from '../../db/queries/vendors.js';
import { badRequest, conflict } from '../errors.js';
import { nowIso } from '../time.js';
import type { DecisionInput } from '../schemas/decisions.js';
import { decisionInputs, type NamedVendor } from '../read-models/decision.js';
import { auditAs } from './audit-as.js';
import type { Actor } from '../actor.js';
import { m } from '../../views/messages/index.js';

/** "A, B and 3 more": a list of names that stays readable in a message. */
const nameList = (vs: readonly NamedVendor[], max = 20) => {
  const names = vs.slice(0, max).map((v) => v.name).join(', ');
  return vs.length > max ? m.errors.namesAndMore(names, vs.length - max) : names;
};

const refuseProvisional = (vs: readonly NamedVendor[]) => conflict('provisional_vendors',
  m.errors.provisionalVendors(vs.length, nameList(vs)));

/**
 * Decides the evaluation (review → decided) and records the decision, in one transaction with one
 * audit entry. With `input` (POST /decision) the facilitator names the vendor or shortlist and the
 * reason, and acknowledges provisional vendors if there are any; without it (a bare status move)
 * the vendors ranked first are recorded, with no reason, and provisional vendors refuse the move.
 */
export async function decide(db: Db, a: Actor, input: DecisionInput | null): Promise<void> {
  const from = a.evaluation.status;
  if (from !== 'review') throw conflict('invalid_transition', m.errors.decideFromReview(from));
  if (input) {
    const known = await knownVendorIds(db, a.evaluation.id, input.vendorIds);
    const unknown = input.vendorIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw badRequest(m.errors.decisionUnknownVendors, { vendorIds: m.errors.decisionUnknownVendorsField(unknown.join(', ')) });
  }
  const { provisional, leaders } = await decisionInputs(db, a);
  if (provisional.length > 0 && !input?.acknowledgeProvisional) throw refuseProvisional(provisional);
  const chosen = input ? input.vendorIds : leaders.map((v) => Number(v.vendorId));
  // By name for the audit entry, as they are now: a chosen vendor need not be among the ranked rows.
  const names = new Map((await vendorNamesByIds(db, chosen)).map((v) => [v.id, v.name]));
  const reason = input?.reason ?? '';
  const via = input ? 'decision' : 'status';
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    if (!(await moveStatusIf(trx, a.evaluation.id, 'review', 'decided', at))) throw conflict('invalid_transition', m.errors.decidedMeanwhile);
    await insertDecision(trx, a.evaluation.id, { vendorIds: chosen, reason, acknowledged: provisional, via, decidedBy: a.userId, at });
    await auditAs(trx, a, 'decide', 'evaluation', a.evaluation.id, { status: from }, {
      status: 'decided', vendors: chosen.map((id) => names.get(id) ?? `#${id}`), reason, via,
      ...(provisional.length > 0 ? { acknowledgedProvisional: provisional.map((v) => v.name) } : {}),
    });
  });
}
