import type { Describer, DescribeContext } from '../context.js';
import { idOf, isRecord } from '../facts.js';
import { change, fieldChanges, listed, num, pct, plain, rec, text } from '../phrases.js';

/** Weights, votes and group weights: "Fiona Facilitator changed the weights (version 3): Omnichannel 20 % → 30 %". */

const SHOWN = 6;
const criterionOf = (c: DescribeContext, key: string) => { const id = idOf(key); return id === null ? key : c.criterion(id); };

/** The shares that moved, by criterion name. */
function moved(c: DescribeContext, before: unknown, after: unknown): string[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => Math.abs(Number(a[k] ?? 0) - Number(b[k] ?? 0)) > 1e-9)
    .map((k) => `${criterionOf(c, k)} ${change(pct(b[k]), pct(a[k]))}`);
}

const shares = (c: DescribeContext, weights: unknown) => Object.entries(rec(weights)).map(([k, w]) => `${criterionOf(c, k)} ${pct(w)}`);

const METHODS: Record<string, string> = { points: '100-point allocation', rating: 'importance rating', rank: 'rank order', ahp: 'pairwise comparison' };
const method = (m: unknown) => (typeof m === 'string' ? METHODS[m] ?? m : 'a vote');

export const weightDescribers: Record<string, Describer> = {
  'weights:set': (c) => {
    const changes = moved(c, c.f.before, c.f.after);
    return `${c.actor} changed the weights (${c.names.weightSet ?? 'a new version'}): ${changes.length ? listed(changes, SHOWN) : 'no share moved'}`;
  },
  'vote:vote': (c) => `${c.actor} voted on the weights by ${method(rec(c.f.after).method)}: ${listed(shares(c, rec(c.f.after).weights), SHOWN)}`,
  'vote:revote': (c) => {
    const changes = moved(c, rec(c.f.before).weights, rec(c.f.after).weights);
    return `${c.actor} changed their vote (${method(rec(c.f.after).method)}): ${changes.length ? listed(changes, SHOWN) : 'no share moved'}`;
  },
  'group-weights:set': (c) => {
    const b = rec(c.f.before);
    const changes = Object.entries(rec(c.f.after)).filter(([g, w]) => w !== b[g]).map(([g, w]) => `${g} ${change(plain(b[g]), plain(w))}`);
    return `${c.actor} set the stakeholder group weights: ${changes.length ? listed(changes, SHOWN) : 'none changed'}`;
  },
  'voting-settings:set': (c) => `${c.actor} changed the voting settings: ${listed(fieldChanges(c.f.before, c.f.after), SHOWN) || 'nothing changed'}`,
  'group:create': (c) => {
    const a = rec(c.f.after);
    return `${c.actor} added the stakeholder group ${plain(text(a.name) ?? '')}${typeof a.weight === 'number' ? ` (weight ${num(a.weight)})` : ''}`;
  },
};
