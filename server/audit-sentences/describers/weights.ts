import type { Describer, DescribeContext } from '../context.js';
import { idOf, isRecord } from '../../domain/audit/facts.js';
import { change, fieldChanges, listed, num, pct, plain, rec, text } from '../phrases.js';
import { m } from '../../../views/messages/index.js';

/** Weights, votes and group weights: "Fiona Facilitator changed the weights (version 3): Omnichannel 20 % → 30 %". */

const SHOWN = 6;
const s = () => m.auditSentences;
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

const method = (v: unknown) => (typeof v === 'string' ? s().methodName(v) : s().aVote);
/** The first few parts, or the words for "nothing" when there are none. */
const orElse = (parts: string[], none: string) => (parts.length ? listed(parts, SHOWN) : none);

export const weightDescribers: Record<string, Describer> = {
  'weights:set': (c) => s().weights.changed(c.actor, c.names.weightSet ?? s().aNewVersion, orElse(moved(c, c.f.before, c.f.after), s().noShareMoved)),
  'vote:vote': (c) => s().weights.voted(c.actor, method(rec(c.f.after).method), listed(shares(c, rec(c.f.after).weights), SHOWN)),
  'vote:revote': (c) => s().weights.revoted(c.actor, method(rec(c.f.after).method), orElse(moved(c, rec(c.f.before).weights, rec(c.f.after).weights), s().noShareMoved)),
  'group-weights:set': (c) => {
    const b = rec(c.f.before);
    const changes = Object.entries(rec(c.f.after)).filter(([g, w]) => w !== b[g]).map(([g, w]) => `${g} ${change(plain(b[g]), plain(w))}`);
    return s().weights.groupWeights(c.actor, orElse(changes, s().noneChanged));
  },
  'voting-settings:set': (c) => s().weights.votingSettings(c.actor, orElse(fieldChanges(c.f.before, c.f.after), s().nothingChanged)),
  'group:create': (c) => {
    const a = rec(c.f.after);
    return s().weights.groupAdded(c.actor, plain(text(a.name) ?? ''), typeof a.weight === 'number' ? num(a.weight) : null);
  },
};
