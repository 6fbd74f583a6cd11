import type { Describer } from '../context.js';
import { plain, rec } from '../phrases.js';
import { m } from '../../../views/messages/index.js';

/**
 * Read-only links to the board report (issue 14): made, revoked, and each opening by someone
 * without an account, who has no name to show ("Someone with read-only link 3 opened the report").
 */
const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : m.auditSentences.unknownDate);

export const reportLinkDescribers: Record<string, Describer> = {
  'report-link:create': (c) => m.auditSentences.reportLink.created(c.actor, c.f.entityId, day(rec(c.f.after).expiresAt)),
  'report-link:revoke': (c) => m.auditSentences.reportLink.revoked(c.actor, c.f.entityId),
  'report-link:view': (c) => m.auditSentences.reportLink.viewed(c.f.entityId, rec(c.f.after).format === 'pdf', plain(rec(c.f.after).uses)),
};
