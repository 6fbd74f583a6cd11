import type { Db } from '../../db/client.js';
import type { AuditFilter } from '../../db/queries/audit-search.js';
import type { Actor } from '../actor.js';
import { visibilityOf } from './visibility.js';

/**
 * The audit filter as member `a` may read the log: a facilitator who scores and has not submitted
 * sees score entries (values, comments) of their own only, like every other read of scores before
 * review (domain/rules/visibility.ts). Everyone the log is open to otherwise reads it whole.
 */
export async function auditFilterAsSeen(db: Db, a: Actor, filter: AuditFilter): Promise<AuditFilter> {
  return (await visibilityOf(db, a)).scores === 'all' ? filter : { ...filter, othersScoresHiddenFrom: a.userId };
}
