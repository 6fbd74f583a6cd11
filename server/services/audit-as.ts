import type { Db } from '../../db/client.js';
import { recordAudit } from '../../db/queries/audit.js';
import type { Actor } from '../actor.js';

/** The audit entry of a write `a` made inside their evaluation: who and where come from the Actor. */
export const auditAs = (db: Db, a: Actor, action: string, entity: string, entityId: number | string, before?: unknown, after?: unknown) =>
  recordAudit(db, { teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action, entity, entityId, before, after });

/**
 * What every "add" does: in one transaction, `create` checks its rule and inserts the row, and the
 * row is audited as created (`snapshot` picks what the record keeps). Returns the new id.
 */
export function createAudited<Row extends { id: number }>(db: Db, a: Actor, entity: string, create: (trx: Db) => Promise<Row>, snapshot: (row: Row) => unknown): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await create(trx);
    await auditAs(trx, a, 'create', entity, row.id, undefined, snapshot(row));
    return row.id;
  });
}
