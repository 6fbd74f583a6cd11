import type { Describer, DescribeContext } from '../context.js';
import { idOf } from '../facts.js';
import { count, fieldChanges, fieldValues, listed, plain, quoted, rec, text } from '../phrases.js';

/** Vendors and criteria: added, changed, deleted, screened. "Fiona Facilitator changed vendor 'Acme CX': name 'Acme CX' → 'Acme Experience'". */

/** The object's name as the entry's snapshot had it before the change, else as it is now. */
const nameOf = (c: DescribeContext, noun: 'vendor' | 'criterion') => {
  const kept = text(rec(c.f.before).name) ?? text(rec(c.f.after).name) ?? c.names[noun];
  return kept ? quoted(kept) : 'an unnamed one';
};

const HIDDEN = ['description'];

function crud(noun: 'vendor' | 'criterion'): Record<string, Describer> {
  return {
    [`${noun}:create`]: (c) => {
      const details = fieldValues(c.f.after, ['name', 'parentId', ...HIDDEN]);
      const parent = idOf(rec(c.f.after).parentId);
      return `${c.actor} added ${noun} ${nameOf(c, noun)}${parent !== null ? ` under ${quoted(c.criterion(parent))}` : ''}${details.length ? ` (${details.join(', ')})` : ''}`;
    },
    [`${noun}:update`]: (c) => {
      const changes = fieldChanges(c.f.before, c.f.after, ['parentId']);
      return `${c.actor} changed ${noun} ${nameOf(c, noun)}: ${changes.length ? listed(changes, 4) : 'nothing changed'}`;
    },
    [`${noun}:delete`]: (c) => {
      const b = rec(c.f.before);
      const children = Array.isArray(b.children) && b.children.length ? ` with its sub-criteria ${plain(b.children)}` : '';
      const scores = typeof b.scores === 'number' && b.scores > 0 ? ` and ${count(b.scores, 'score')}` : '';
      return `${c.actor} deleted ${noun} ${nameOf(c, noun)}${children}${scores}`;
    },
  };
}

/** Screening one vendor, the vendors matching a filter, or those failing a must-have. */
function screening(out: boolean): Describer {
  return (c) => {
    const a = rec(c.f.after);
    const n = typeof a.count === 'number' ? a.count : 0;
    const reason = out && text(a.reason) ? `: ${quoted(String(a.reason))}` : '';
    const verb = out ? 'screened out' : 'brought back';
    if (idOf(c.f.entityId) !== null) return `${c.actor} ${verb} vendor ${nameOf(c, 'vendor')}${reason}`;
    const which = c.f.entityId === 'must-haves' ? 'that fail a must-have' : text(a.filter) ? `matching ${quoted(String(a.filter))}` : 'matching the filter';
    return `${c.actor} ${verb} ${count(n, 'vendor')} ${which}${reason}`;
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
    return `${c.actor} imported the longlist: ${n('created')} created, ${n('updated')} updated, ${n('unchanged')} unchanged, ${n('rejected')} rejected`;
  },
};
