import type { Describer, DescribeContext } from '../context.js';
import { idOf } from '../../domain/audit/facts.js';
import { fieldChanges, fieldValues, listed, plain, quoted, rec, text } from '../phrases.js';
import { m } from '../../../views/messages/index.js';

/** Vendors and criteria: added, changed, deleted, screened. "Fiona Facilitator changed vendor 'Acme CX': name 'Acme CX' → 'Acme Experience'". */

const s = () => m.auditSentences.structure;

/** The object's name as the entry's snapshot had it before the change, else as it is now. */
const nameOf = (c: DescribeContext, noun: 'vendor' | 'criterion') => {
  const kept = text(rec(c.f.before).name) ?? text(rec(c.f.after).name) ?? c.names[noun];
  return kept ? quoted(kept) : s().unnamed;
};

const HIDDEN = ['description'];

function crud(noun: 'vendor' | 'criterion'): Record<string, Describer> {
  return {
    [`${noun}:create`]: (c) => {
      const parent = idOf(rec(c.f.after).parentId);
      return s().added(c.actor, noun, nameOf(c, noun), parent !== null ? quoted(c.criterion(parent)) : null, fieldValues(c.f.after, ['name', 'parentId', ...HIDDEN]).join(', '));
    },
    [`${noun}:update`]: (c) => {
      const changes = fieldChanges(c.f.before, c.f.after, ['parentId']);
      return s().changed(c.actor, noun, nameOf(c, noun), changes.length ? listed(changes, 4) : m.auditSentences.nothingChanged);
    },
    [`${noun}:delete`]: (c) => {
      const b = rec(c.f.before);
      const children = Array.isArray(b.children) && b.children.length ? plain(b.children) : null;
      return s().deleted(c.actor, noun, nameOf(c, noun), children, typeof b.scores === 'number' && b.scores > 0 ? b.scores : 0);
    },
  };
}

/** Screening one vendor, the vendors matching a filter, or those failing a must-have. */
function screening(out: boolean): Describer {
  return (c) => {
    const a = rec(c.f.after);
    const reason = out && text(a.reason) ? quoted(String(a.reason)) : null;
    if (idOf(c.f.entityId) !== null) return s().screenedOne(c.actor, out, nameOf(c, 'vendor'), reason);
    const filter = text(a.filter);
    const which = c.f.entityId === 'must-haves' ? 'mustHaves' : filter ? 'filter' : 'any';
    return s().screenedMany(c.actor, out, typeof a.count === 'number' ? a.count : 0, which, filter ? quoted(filter) : '', reason);
  };
}

export const structureDescribers: Record<string, Describer> = {
  ...crud('vendor'),
  ...crud('criterion'),
  'vendor:screen-out': screening(true),
  'vendor:screen-in': screening(false),
  'vendor:import': (c) => {
    const a = rec(c.f.after);
    const n = (k: string) => (typeof a[k] === 'number' ? (a[k] as number) : 0);
    return s().imported(c.actor, n('created'), n('updated'), n('unchanged'), n('rejected'));
  },
};
