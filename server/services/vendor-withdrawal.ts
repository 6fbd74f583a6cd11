import type { Db } from '../../db/client.js';
import { vendorIn } from '../../db/queries/vendors.js';
import { markWithdrawn } from '../../db/queries/vendor-withdrawals.js';
import { auditAs } from './audit-as.js';
import { conflict, notFound } from '../errors.js';
import { nowIso } from '../time.js';
import { m } from '../../views/messages/index.js';
import type { Actor } from '../actor.js';

/**
 * Withdraws a vendor with a reason: once scoring has opened a vendor is not deleted (the record
 * refers to it), it keeps its scores, leaves the ranking and is listed as withdrawn.
 */
export async function withdrawVendor(db: Db, a: Actor, vendorId: number, reason: string): Promise<{ withdrawnAt: string }> {
  return db.transaction().execute(async (trx) => {
    const v = await vendorIn(trx, a.evaluation.id, vendorId);
    if (!v) throw notFound('vendor');
    const at = nowIso();
    if (!(await markWithdrawn(trx, a.evaluation.id, vendorId, { reason, by: a.userId, at }))) {
      throw conflict('already_withdrawn', m.errors.alreadyWithdrawn(v.name, v.withdrawn_reason ?? '').trim());
    }
    await auditAs(trx, a, 'withdraw', 'vendor', vendorId, { name: v.name }, { name: v.name, reason });
    return { withdrawnAt: at };
  });
}
