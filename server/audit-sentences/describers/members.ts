import type { Describer, DescribeContext } from '../context.js';
import { idOf } from '../../domain/audit/facts.js';
import { plain, quoted, rec, text } from '../phrases.js';
import { m } from '../../../views/messages/index.js';

/**
 * The panel: who was added, removed, excluded, assigned, invited. Where a facilitator acts on
 * another member the sentence names both: "Fiona Facilitator excluded Eve Evaluator from scoring
 * Medallia: 'Former employee'".
 */

const s = () => m.auditSentences;
const role = (v: unknown) => s().roleName(typeof v === 'string' ? v : 'member');
/** A stored free text, quoted, or null when there is none. */
const said = (v: unknown) => (text(v) ? quoted(String(v)) : null);
const vendorOf = (c: DescribeContext) => c.names.vendor ?? s().aVendor;

/** An assignment's reach: "Medallia / every criterion". */
function scope(c: DescribeContext, side: unknown): string {
  const v = idOf(rec(side).vendorId);
  const cr = idOf(rec(side).criterionId);
  return s().member.scope(v !== null ? c.vendor(v) : s().everyVendor, cr !== null ? c.criterion(cr) : s().everyCriterion);
}

export const memberDescribers: Record<string, Describer> = {
  'member:add': (c) => s().member.added(c.actor, c.member, role(rec(c.f.after).role), said(rec(c.f.after).group)),
  'member:readd': (c) => s().member.readded(c.actor, c.member, role(rec(c.f.after).role), role(rec(c.f.before).role)),
  'member:remove': (c) => s().member.removed(c.actor, c.member, role(rec(c.f.before).role)),
  'member:exclude': (c) => s().member.excluded(c.actor, c.member, vendorOf(c), said(rec(c.f.after).reason)),
  'member:lift-exclusion': (c) => s().member.exclusionLifted(c.actor, c.member, vendorOf(c)),
  'member:assign': (c) => s().member.assigned(c.actor, c.member, scope(c, c.f.after)),
  'member:unassign': (c) => s().member.unassigned(c.actor, c.member, scope(c, c.f.before)),
  'member:invite': (c) => s().member.invited(c.actor, c.member, text(rec(c.f.after).email) ? String(rec(c.f.after).email) : null, role(rec(c.f.after).role)),
  'invite:revoke': (c) => s().member.linkRevoked(c.actor, c.member),
  'declaration:declare': (c) => {
    const a = rec(c.f.after);
    return a.conflict === true ? s().member.declaredConflict(c.actor, said(a.description)) : s().member.declaredNone(c.actor);
  },
  'submission:submit': (c) => s().member.submitted(c.actor, plain(rec(c.f.after).scores)),
};
