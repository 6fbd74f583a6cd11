import type { Db } from '../../db/client.js';
import { withRetries } from '../../db/dialect.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { deleteScore, lockCells, refreshCell, refreshCells, scoreOf, scoresBy, stampCells, upsertScores, type ScoreWrite } from '../../db/queries/scores.js';
import { knownVendorIds } from '../../db/queries/vendors.js';
import { recordAudit } from '../../db/queries/audit.js';
import { scoreValueProblem } from '../domain/score-values.js';
import { scoreValueText } from './score-value-text.js';
import { badRequest, conflict, notALeaf } from '../errors.js';
import { nowIso } from '../time.js';
import type { ScoreInput } from '../score-writes/score-writer.js';
import { assertMayScore } from './panel.js';
import type { Actor } from '../actor.js';
import { leavesOf } from '../domain/criteria-tree.js';
import { BATCH_LISTED } from '../domain/audit/batch.js';
import { m } from '../../views/messages/index.js';

// Single writes go through the group-commit writer (ADR 009).
export { saveScore, type ScoreInput } from '../score-writes/score-writer.js';

/** Leaves of the evaluation by id, with the facts a score write checks, and the ids of every criterion (parents too). */
async function leafIndex(db: Db, evaluationId: number) {
  const rows = await criteriaOf(db, evaluationId);
  return { leaves: new Map(leavesOf(rows).map((r) => [r.id, r])), all: new Set(rows.map((r) => r.id)) };
}

const scale = (a: Actor) => ({ min: a.evaluation.scale_min, max: a.evaluation.scale_max });

/**
 * Many scores, all or nothing: every item is checked before anything is written. The writes are
 * set-wise, a handful of statements however long the batch: multi-row upserts of the scores, then
 * one aggregate refresh per chunk of touched cells (`refreshCells`), all in one transaction.
 */
export async function saveBatch(db: Db, a: Actor, items: readonly ScoreInput[]): Promise<{ saved: number }> {
  // On PostgreSQL every cell writer locks cells, then scores, then the evaluation (ADR 047); a
  // deadlock with some other writer is aborted by the database and run again. SQLite never raises these.
  return withRetries(() => db.transaction().execute(async (trx) => {
    // The may-score rules are checked here, in the transaction that writes, as saveScore does.
    await assertMayScore(trx, a, items.map((i) => i.vendorId));
    const { leaves, all } = await leafIndex(trx, a.evaluation.id);
    const vendors = await knownVendorIds(trx, a.evaluation.id, items.map((i) => i.vendorId));
    items.forEach((s, i) => {
      const leaf = leaves.get(s.criterionId);
      if (!vendors.has(s.vendorId)) throw badRequest(m.errors.scoreItemVendor(i), { [`scores.${i}.vendorId`]: m.errors.unknownVendorField });
      if (!leaf && all.has(s.criterionId)) throw notALeaf(`scores.${i}.criterionId`);
      if (!leaf) throw badRequest(m.errors.scoreItemLeaf(i), { [`scores.${i}.criterionId`]: m.errors.unknownLeafField });
      const problem = scoreValueProblem(leaf.kind, scale(a), s.value);
      if (problem) throw badRequest(m.errors.scoreItemProblem(i, scoreValueText(problem)), { [`scores.${i}.value`]: scoreValueText(problem) });
    });
    // One row per cell: the last item wins and the version moves up once per item, as single saves would.
    const writes = new Map<string, ScoreWrite>();
    for (const s of items) {
      const key = `${s.vendorId}:${s.criterionId}`;
      const w = writes.get(key);
      if (w) { w.value = s.value; w.writes += 1; }
      else writes.set(key, { vendorId: s.vendorId, criterionId: s.criterionId, value: s.value, writes: 1 });
    }
    const rows = [...writes.values()];
    // The cells before their scores and before the evaluation, as every cell writer (ADR 047).
    await lockCells(trx, a.evaluation.id, rows);
    const listed = await previousOfListed(trx, a, items);
    await upsertScores(trx, a.evaluation.id, a.userId, rows, nowIso());
    await refreshCells(trx, a.evaluation.id, rows);
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'score-batch', entity: 'score', entityId: `batch:${items.length}`,
      // The previous values of the cells the entry's sentence lists, so it can say before → after.
      before: listed.length > 0 ? listed : undefined,
      after: items.map((s) => [s.vendorId, s.criterionId, s.value]),
    });
    return { saved: items.length };
  }));
}

/** `[vendorId, criterionId, value]` of the caller's existing scores among the batch's first (listed) items. */
async function previousOfListed(trx: Db, a: Actor, items: readonly ScoreInput[]): Promise<[number, number, number | null][]> {
  const first = items.slice(0, BATCH_LISTED);
  const wanted = new Set(first.map((s) => `${s.vendorId}:${s.criterionId}`));
  const rows = await scoresBy(trx, a.evaluation.id, a.userId, { vendorIds: [...new Set(first.map((s) => s.vendorId))] });
  return rows.filter((r) => wanted.has(`${r.vendor_id}:${r.criterion_id}`)).map((r) => [r.vendor_id, r.criterion_id, r.value]);
}

// Thrown inside clearScore's transaction when there is nothing to clear, so the stamp it took rolls back.
const NOTHING_TO_CLEAR = Symbol('nothing to clear');

/**
 * Withdraws the caller's own score for a cell (an emptied grid cell), refreshing the aggregate.
 * Safe beside concurrent writes of the cell on PostgreSQL as the set path is (issue 13): the
 * cell's row lock comes first (stampCells locks the cell, then bumps cells_version, the order
 * saveScorePg takes them in, ADR 047), so a clear and a set of one cell run one after the other;
 * the delete itself is versioned, so a stale `version` is a 409 even then.
 */
export async function clearScore(db: Db, a: Actor, vendorId: number, criterionId: number, version: number | undefined): Promise<void> {
  const stale = (value: number | null) => conflict('stale_version', m.errors.staleScore(value));
  await withRetries(() => db.transaction().execute(async (trx) => {
    await assertMayScore(trx, a, [vendorId]);
    const seen = await scoreOf(trx, vendorId, criterionId, a.userId);
    if (!seen) return;
    if (version !== undefined && version !== seen.version) throw stale(seen.value);
    await stampCells(trx, a.evaluation.id, [{ vendorId, criterionId }]);
    const removed = await deleteScore(trx, vendorId, criterionId, a.userId, version);
    if (!removed) {
      // Changed or cleared between the read and the lock: a stale version, or nothing left to clear.
      const now = await scoreOf(trx, vendorId, criterionId, a.userId);
      throw now ? stale(now.value) : NOTHING_TO_CLEAR;
    }
    await refreshCell(trx, a.evaluation.id, vendorId, criterionId, true);
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action: 'clear', entity: 'score', entityId: `${vendorId}:${criterionId}`,
      before: { value: removed.value, comment: removed.comment },
    });
  })).catch((e: unknown) => {
    if (e !== NOTHING_TO_CLEAR) throw e;
  });
}
