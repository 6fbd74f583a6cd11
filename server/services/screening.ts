import type { Db } from '../../db/client.js';
import type { Vendor } from '../../db/schema.js';
import { updateVendor, vendorIn } from '../../db/queries/vendors.js';
import { screenedOutReasons, screenMatching, screenOutIds, type TextFilter } from '../../db/queries/vendor-screening.js';
import { mustHaveCandidates } from '../read-models/must-haves.js';
import { auditAs } from './audit-as.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { REASON_MAX } from '../schemas/screening.js';
import { conflict, notFound } from '../errors.js';
import { visibilityOf } from '../read-models/visibility.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';
import { m } from '../../views/messages/index.js';

/**
 * Screening the longlist: vendors knocked out stay listed with the reason in `screened_out`, and
 * the ranking leaves them out. Every change, one vendor or thousands, is one transaction with one
 * audit entry that carries the counts and the reason.
 */

const audit = (db: Db, a: Actor, action: 'screen-out' | 'screen-in', entityId: string | number, before: unknown, after: unknown) => auditAs(db, a, action, 'vendor', entityId, before, after);

const filterNote = (f: TextFilter) => ({ ...(f.q.trim() ? { q: f.q.trim() } : {}), ...(f.category !== null ? { category: f.category } : {}) });

/** Screens out every vendor still in the running that matches the filter; returns how many. */
export async function screenOutMatching(db: Db, a: Actor, filter: TextFilter, reason: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const count = await screenMatching(trx, a.evaluation.id, filter, reason, nowIso());
    if (count > 0) await audit(trx, a, 'screen-out', 'filter', undefined, { count, reason, filter: filterNote(filter) });
    return count;
  });
}

/** Brings every screened-out vendor that matches the filter back into the running; returns how many. */
export async function screenInMatching(db: Db, a: Actor, filter: TextFilter): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // The reasons being cleared, counted, so the audit entry says what the knock-outs had been.
    const reasons = await screenedOutReasons(trx, a.evaluation.id, filter);
    const count = await screenMatching(trx, a.evaluation.id, filter, null, nowIso());
    if (count > 0) {
      await audit(trx, a, 'screen-in', 'filter', { reasons }, { count, filter: filterNote(filter) });
    }
    return count;
  });
}

/** Screens one vendor out with a reason (or changes the reason); 404 when it is not in this evaluation. */
export async function screenOutVendor(db: Db, a: Actor, vendorId: number, reason: string): Promise<Vendor> {
  return db.transaction().execute(async (trx) => {
    const before = await vendorIn(trx, a.evaluation.id, vendorId);
    if (!before) throw notFound('vendor');
    if (before.screened_out === reason) return before;
    const after = await updateVendor(trx, a.evaluation.id, vendorId, { screened_out: reason }, nowIso());
    await audit(trx, a, 'screen-out', vendorId, { name: before.name, screenedOut: before.screened_out }, { count: 1, reason });
    return after;
  });
}

/** Brings one vendor back into the running; 404 when it is not in this evaluation. */
export async function screenInVendor(db: Db, a: Actor, vendorId: number): Promise<Vendor> {
  return db.transaction().execute(async (trx) => {
    const before = await vendorIn(trx, a.evaluation.id, vendorId);
    if (!before) throw notFound('vendor');
    if (before.screened_out === null) return before;
    const after = await updateVendor(trx, a.evaluation.id, vendorId, { screened_out: null }, nowIso());
    await audit(trx, a, 'screen-in', vendorId, { name: before.name, screenedOut: before.screened_out }, { count: 1 });
    return after;
  });
}

/** What screening by must-haves did: how many vendors, and how many per failed criterion. */
export interface MustHaveScreening { count: number; byCriterion: Record<string, number> }

/**
 * Screens out every vendor in the running that fails a must-have, each with its reason. The gate
 * counts the panel's pass/fail votes, so a facilitator scoring blind may not apply it (409
 * `scoring_blind`): the count of vendors it screened out would tell them how colleagues voted.
 */
export async function screenOutMustHaves(db: Db, a: Actor): Promise<MustHaveScreening> {
  return db.transaction().execute(async (trx) => {
    if ((await visibilityOf(trx, a)).scores !== 'all') {
      throw conflict('scoring_blind', m.errors.scoringBlind);
    }
    const failures = await mustHaveCandidates(trx, a.evaluation.id);
    if (failures.length === 0) return { count: 0, byCriterion: {} };
    const names = new Map((await criteriaOf(trx, a.evaluation.id)).map((c) => [String(c.id), c.name]));
    const byReason = new Map<string, number[]>();
    const byCriterion: Record<string, number> = {};
    for (const f of failures) {
      const reason = f.reason.slice(0, REASON_MAX);
      const ids = byReason.get(reason);
      if (ids) ids.push(Number(f.vendorId));
      else byReason.set(reason, [Number(f.vendorId)]);
      const name = names.get(f.criterionId) ?? f.criterionId;
      byCriterion[name] = (byCriterion[name] ?? 0) + 1;
    }
    const at = nowIso();
    let count = 0;
    for (const [reason, ids] of byReason) count += await screenOutIds(trx, a.evaluation.id, ids, reason, at);
    await audit(trx, a, 'screen-out', 'must-haves', undefined, { count, reason: 'Failed a must-have, by consensus or by a majority of evaluators', byCriterion });
    return { count, byCriterion };
  });
}
