import type { Describer } from '../context.js';
import { plain, rec } from '../phrases.js';

/**
 * Read-only links to the board report (issue 14): made, revoked, and each opening by someone
 * without an account, who has no name to show ("Someone with read-only link 3 opened the report").
 */
const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : 'an unknown date');

export const reportLinkDescribers: Record<string, Describer> = {
  'report-link:create': (c) => `${c.actor} made read-only link ${c.f.entityId} to the board report, valid until ${day(rec(c.f.after).expiresAt)}`,
  'report-link:revoke': (c) => `${c.actor} revoked read-only link ${c.f.entityId} to the board report`,
  'report-link:view': (c) => `Someone with read-only link ${c.f.entityId} opened the board report${rec(c.f.after).format === 'pdf' ? ' as a PDF' : ''} (opening ${plain(rec(c.f.after).uses)})`,
};
