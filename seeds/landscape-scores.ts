import type { Db } from '../db/client.js';
import { engineOf } from '../db/dialect.js';
import { recordAudit } from '../db/queries/audit.js';
import { insertScoreColumns, refreshVendorsCells, type ScoreColumns } from '../db/queries/score-bulk.js';
import { stampCells } from '../db/queries/scores.js';
import type { Actor } from '../server/actor.js';
import { saveBatch, type ScoreInput } from '../server/services/scores.js';
import { nowIso } from '../server/time.js';

/** One evaluator's scores of one vendor slice: what one `saveBatch` call takes. */
export interface EvaluatorBatch { access: Actor; items: ScoreInput[] }

/** Writes one vendor slice's scores of every evaluator; returns how many were written. */
export type SliceWriter = (vendorIds: readonly number[], batches: readonly EvaluatorBatch[]) => Promise<number>;

/**
 * How the landscape seed writes its scores. SQLite: through `saveBatch`, one call per evaluator
 * and slice (the API's batch path, which the seed has always exercised). PostgreSQL: the same
 * rows, one `unnest` insert per slice for all evaluators, one set-wise cell refresh and one audit
 * entry per evaluator shaped as `saveBatch` writes it, in one transaction (ADR "landscape seed on
 * PostgreSQL"): through `saveBatch` the 5.25 million scores took about 20 minutes there, as each
 * batch's 4,000-cell refresh is a long OR list PostgreSQL plans poorly.
 */
export function sliceWriter(db: Db): SliceWriter {
  if (engineOf(db) === 'sqlite') {
    return async (_vendors, batches) => {
      let written = 0;
      for (const b of batches) written += (await saveBatch(db, b.access, b.items)).saved;
      return written;
    };
  }
  return (vendorIds, batches) => db.transaction().execute(async (trx) => {
    const evaluationId = batches[0]!.access.evaluation.id;
    const columns: ScoreColumns = { vendor: [], criterion: [], evaluator: [], value: [] };
    for (const { access, items } of batches) {
      for (const s of items) {
        columns.vendor.push(s.vendorId);
        columns.criterion.push(s.criterionId);
        columns.evaluator.push(access.userId);
        columns.value.push(s.value!);
      }
    }
    await insertScoreColumns(trx, evaluationId, columns, nowIso());
    // The slice's cells, as saveBatch stamps them (past 2,000 cells the change log says "everything").
    await stampCells(trx, evaluationId, batches[0]!.items.map((s) => ({ vendorId: s.vendorId, criterionId: s.criterionId })));
    await refreshVendorsCells(trx, evaluationId, vendorIds);
    for (const { access: a, items } of batches) {
      await recordAudit(trx, {
        teamId: a.evaluation.team_id, evaluationId, actorId: a.userId, action: 'score-batch', entity: 'score', entityId: `batch:${items.length}`,
        after: items.map((s) => [s.vendorId, s.criterionId, s.value]),
      });
    }
    return columns.vendor.length;
  });
}
