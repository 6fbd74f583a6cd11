import type { Describer, DescribeContext } from '../context.js';
import { idOf } from '../facts.js';
import { plain, quoted, rec, text } from '../phrases.js';

/**
 * The panel: who was added, removed, excluded, assigned, invited. Where a facilitator acts on
 * another member the sentence names both: "Fiona Facilitator excluded Eve Evaluator from scoring
 * Medallia: 'Former employee'".
 */

const role = (v: unknown) => (typeof v === 'string' ? v : 'member');
const reason = (v: unknown) => (text(v) ? `: ${quoted(String(v))}` : '');

/** An assignment's reach: "Medallia / every criterion". */
function scope(c: DescribeContext, side: unknown): string {
  const v = idOf(rec(side).vendorId);
  const cr = idOf(rec(side).criterionId);
  return `${v !== null ? c.vendor(v) : 'every vendor'} / ${cr !== null ? c.criterion(cr) : 'every criterion'}`;
}

export const memberDescribers: Record<string, Describer> = {
  'member:add': (c) => `${c.actor} added ${c.member} as ${role(rec(c.f.after).role)}${text(rec(c.f.after).group) ? ` (group ${quoted(String(rec(c.f.after).group))})` : ''}`,
  'member:readd': (c) => `${c.actor} brought ${c.member} back as ${role(rec(c.f.after).role)} (was ${role(rec(c.f.before).role)})`,
  'member:remove': (c) => `${c.actor} removed ${c.member} (${role(rec(c.f.before).role)}) from the evaluation`,
  'member:exclude': (c) => `${c.actor} excluded ${c.member} from scoring ${c.names.vendor ?? 'a vendor'}${reason(rec(c.f.after).reason)}`,
  'member:lift-exclusion': (c) => `${c.actor} let ${c.member} score ${c.names.vendor ?? 'a vendor'} again`,
  'member:assign': (c) => `${c.actor} assigned ${c.member} to ${scope(c, c.f.after)}`,
  'member:unassign': (c) => `${c.actor} took ${c.member} off ${scope(c, c.f.before)}`,
  'member:invite': (c) => `${c.actor} invited ${c.member}${text(rec(c.f.after).email) ? ` (${String(rec(c.f.after).email)})` : ''} as ${role(rec(c.f.after).role)}`,
  'invite:revoke': (c) => `${c.actor} revoked the voting link of ${c.member}`,
  'declaration:declare': (c) => {
    const a = rec(c.f.after);
    return a.conflict === true ? `${c.actor} declared a conflict of interest${reason(a.description)}` : `${c.actor} declared no conflict of interest`;
  },
  'submission:submit': (c) => `${c.actor} submitted their scores (${plain(rec(c.f.after).scores)} in all)`,
};
