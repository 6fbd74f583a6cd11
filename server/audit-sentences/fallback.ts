import type { DescribeContext } from './context.js';
import { fieldChanges, fieldValues, listed, words } from './phrases.js';

/**
 * The sentence of an entry no describer knows (a new action): "Fiona Facilitator: decision
 * recorded — Medallia; reason 'Best fit'". Reads well enough that a new action is never shown
 * as ids; a describer in describers/ makes it read better.
 */

const IRREGULAR: Record<string, string> = { set: 'set', withdraw: 'withdrawn', submit: 'submitted', rerun: 'rerun', undo: 'undone', reset: 'reset', forbid: 'forbidden' };

/** `close-scoring` → "scoring closed"; the first word is the verb. */
export function pastTense(verb: string): string {
  if (IRREGULAR[verb]) return IRREGULAR[verb];
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

/** "decision recorded", "vendor withdrawn", "status forced": the entity, then what happened to it. */
export function happened(action: string, entity: string): string {
  const [verb = action, ...rest] = action.split(/[-_ ]+/);
  const thing = words(entity);
  // decide/decision, approve/approval: saying both would stutter.
  const done = verb.slice(0, 4) === thing.slice(0, 4) ? 'recorded' : pastTense(verb);
  return [thing, ...rest.map(words), done].join(' ');
}

// The ids the names already stand for, kept out of the details.
const ID_KEYS = ['vendorId', 'vendorIds', 'criterionId', 'criterionIds', 'userId', 'userIds', 'memberId', 'groupId', 'weightSetVersion'];

export function fallbackSentence(c: DescribeContext): string {
  const about = [c.names.vendor, c.names.criterion, c.names.member ? `for ${c.names.member}` : undefined, c.names.weightSet ? `weights ${c.names.weightSet}` : undefined].filter(Boolean);
  const details = c.f.before !== null && c.f.before !== undefined ? fieldChanges(c.f.before, c.f.after, ID_KEYS) : fieldValues(c.f.after, ID_KEYS);
  const tail = [about.join(', '), listed(details, 4)].filter(Boolean).join('; ');
  return `${c.actor}: ${happened(c.f.action, c.f.entity)}${tail ? ` — ${tail}` : ''}`;
}
