import type { Db } from '../client.js';
import { nowIso } from '../../server/time.js';
import { describeAudit } from '../../server/audit-sentences/describe.js';
import { emptyRefs } from '../../server/domain/audit/facts.js';
import { refsOf } from '../../server/domain/audit/subject.js';
import { auditNameBook } from './audit-names.js';

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

/**
 * Appends one audit entry; call it inside the same transaction as the write it records. The entry
 * keeps its sentence and the names it mentions as they are in that transaction (issue 11), read
 * here so that no service can write an entry without them.
 */
export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  const facts = { actorId: e.actorId, action: e.action, entity: e.entity, entityId: String(e.entityId), before: e.before ?? null, after: e.after ?? null };
  const { summary, names } = describeAudit(facts, await auditNameBook(db, e.evaluationId, refsOf(facts, emptyRefs())));
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
      summary,
      names: JSON.stringify(names),
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
