import type { Db } from '../../db/client.js';
import type { Vendor } from '../../db/schema.js';
import type { EvaluationAccess } from '../../db/queries/evaluations.js';
import { vendorIn } from '../../db/queries/vendors.js';
import { vendorsMatching, type VendorFilter } from '../../db/queries/vendor-search.js';
import { criteriaOf, toNodes } from '../../db/queries/criteria.js';
import { recordAudit } from '../../db/queries/audit.js';
import { mustHaveFailures, type MustHaveFailure } from '../domain/screening.js';
import { REASON_MAX } from '../schemas/screening.js';
import { notFound } from '../errors.js';
import { nowIso } from '../time.js';

/**
 * Screening the longlist: vendors knocked out stay listed with the reason in `screened_out`, and
 * the ranking leaves them out. Every change, one vendor or thousands, is one transaction with one
 * audit entry that carries the counts and the reason.
 */

type Actor = EvaluationAccess & { userId: number };
type TextFilter = Omit<VendorFilter, 'status'>;

// Vendor ids per UPDATE … WHERE id IN (…): well under both databases' parameter limits.
const ID_CHUNK = 1000;

const audit = (db: Db, a: Actor, action: 'screen-out' | 'screen-in', entityId: string | number, before: unknown, after: unknown) =>
  recordAudit(db, { teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action, entity: 'vendor', entityId, before, after });

const filterNote = (f: TextFilter) => ({ ...(f.q.trim() ? { q: f.q.trim() } : {}), ...(f.category !== null ? { category: f.category } : {}) });

/** Screens out every vendor still in the running that matches the filter; returns how many. */
export async function screenOutMatching(db: Db, a: Actor, filter: TextFilter, reason: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('vendors')
      .set({ screened_out: reason, updated_at: nowIso() })
      .where(vendorsMatching(a.evaluation.id, { ...filter, status: 'in' }))
      .executeTakeFirst();
    const count = Number(res.numUpdatedRows);
    if (count > 0) await audit(trx, a, 'screen-out', 'filter', undefined, { count, reason, filter: filterNote(filter) });
    return count;
  });
}

/** Brings every screened-out vendor that matches the filter back into the running; returns how many. */
export async function screenInMatching(db: Db, a: Actor, filter: TextFilter): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // The reasons being cleared, counted, so the audit entry says what the knock-outs had been.
    const reasons = await trx
      .selectFrom('vendors')
      .select((eb) => ['screened_out', eb.fn.countAll<number>().as('n')])
      .where(vendorsMatching(a.evaluation.id, { ...filter, status: 'out' }))
      .groupBy('screened_out')
      .orderBy('screened_out')
      .limit(20)
      .execute();
    const res = await trx
      .updateTable('vendors')
      .set({ screened_out: null, updated_at: nowIso() })
      .where(vendorsMatching(a.evaluation.id, { ...filter, status: 'out' }))
      .executeTakeFirst();
    const count = Number(res.numUpdatedRows);
    if (count > 0) {
      await audit(trx, a, 'screen-in', 'filter', { reasons: Object.fromEntries(reasons.map((r) => [r.screened_out ?? '', Number(r.n)])) }, { count, filter: filterNote(filter) });
    }
    return count;
  });
}

/** Screens one vendor out with a reason (or changes the reason); 404 when it is not in this evaluation. */
export async function screenOutVendor(db: Db, a: Actor, vendorId: number, reason: string): Promise<Vendor> {
  return db.transaction().execute(async (trx) => {
    const before = await vendorIn(trx, a.evaluation.id, vendorId);
    if (!before) throw notFound('The vendor');
    if (before.screened_out === reason) return before;
    const after = await trx.updateTable('vendors').set({ screened_out: reason, updated_at: nowIso() }).where('id', '=', vendorId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, 'screen-out', vendorId, { name: before.name, screenedOut: before.screened_out }, { count: 1, reason });
    return after;
  });
}

/** Brings one vendor back into the running; 404 when it is not in this evaluation. */
export async function screenInVendor(db: Db, a: Actor, vendorId: number): Promise<Vendor> {
  return db.transaction().execute(async (trx) => {
    const before = await vendorIn(trx, a.evaluation.id, vendorId);
    if (!before) throw notFound('The vendor');
    if (before.screened_out === null) return before;
    const after = await trx.updateTable('vendors').set({ screened_out: null, updated_at: nowIso() }).where('id', '=', vendorId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, 'screen-in', vendorId, { name: before.name, screenedOut: before.screened_out }, { count: 1 });
    return after;
  });
}

/**
 * The vendors in the running that fail a must-have, by the ranking's own gate, each with the
 * reason the ranking would give (plus the consensus rationale, as the ranking page adds it).
 */
export async function mustHaveCandidates(db: Db, evaluationId: number): Promise<MustHaveFailure[]> {
  const [criteria, vendors, cells] = await Promise.all([
    criteriaOf(db, evaluationId),
    db.selectFrom('vendors').select(['id', 'name']).where('evaluation_id', '=', evaluationId).where('screened_out', 'is', null).execute(),
    db.selectFrom('score_cells').innerJoin('criteria', 'criteria.id', 'score_cells.criterion_id')
      .select(['score_cells.vendor_id', 'score_cells.criterion_id', 'score_cells.n', 'score_cells.sum', 'score_cells.pass', 'score_cells.fail', 'score_cells.consensus', 'score_cells.consensus_rationale'])
      .where('score_cells.evaluation_id', '=', evaluationId).where('criteria.kind', '=', 'must-have')
      .execute(),
  ]);
  const rationales = new Map(cells.filter((c) => c.consensus_rationale).map((c) => [`${c.vendor_id}:${c.criterion_id}`, c.consensus_rationale!]));
  const failures = mustHaveFailures(
    toNodes(criteria),
    vendors.map((v) => ({ id: String(v.id), name: v.name })),
    cells.map((c) => ({ vendorId: String(c.vendor_id), criterionId: String(c.criterion_id), count: c.n, sum: c.sum, pass: c.pass, fail: c.fail, consensus: c.consensus })),
  );
  return failures.map((f) => {
    const why = rationales.get(`${f.vendorId}:${f.criterionId}`);
    return why ? { ...f, reason: `${f.reason}: ${why}` } : f;
  });
}

/** What screening by must-haves did: how many vendors, and how many per failed criterion. */
export interface MustHaveScreening { count: number; byCriterion: Record<string, number> }

/** Screens out every vendor in the running that fails a must-have, each with its reason. */
export async function screenOutMustHaves(db: Db, a: Actor): Promise<MustHaveScreening> {
  return db.transaction().execute(async (trx) => {
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
    for (const [reason, ids] of byReason) {
      for (let i = 0; i < ids.length; i += ID_CHUNK) {
        const res = await trx
          .updateTable('vendors')
          .set({ screened_out: reason, updated_at: at })
          .where('evaluation_id', '=', a.evaluation.id)
          .where('screened_out', 'is', null)
          .where('id', 'in', ids.slice(i, i + ID_CHUNK))
          .executeTakeFirst();
        count += Number(res.numUpdatedRows);
      }
    }
    await audit(trx, a, 'screen-out', 'must-haves', undefined, { count, reason: 'Failed a must-have, by consensus or by a majority of evaluators', byCriterion });
    return { count, byCriterion };
  });
}
