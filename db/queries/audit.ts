import type { Db } from '../client.js';
import { nowIso } from '../../server/time.js';

export interface AuditInput {
  teamId: number;
  evaluationId: number | null;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
}

const asJson = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** Appends one audit entry; call it inside the same transaction as the write it records. */
export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  await db
    .insertInto('audit_entries')
    .values({
      team_id: e.teamId,
      evaluation_id: e.evaluationId,
      actor_id: e.actorId,
      at: nowIso(),
      action: e.action,
      entity: e.entity,
      entity_id: String(e.entityId),
      before: asJson(e.before),
      after: asJson(e.after),
    })
    .execute();
}

/** An evaluation's audit trail, oldest first, with the actor's name. */
export async function auditForEvaluation(db: Db, evaluationId: number) {
  return db
    .selectFrom('audit_entries as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after', 'u.name as actor_name', 'u.email as actor_email'])
    .where('a.evaluation_id', '=', evaluationId)
    .orderBy('a.id', 'asc')
    .execute();
}
