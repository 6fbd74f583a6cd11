import type { Describer } from '../context.js';
import { COST_FORMULA_LABELS, isCostFormula } from '../../domain/cost-formula.js';
import { change, fieldChanges, fieldValues, listed, plain, quoted, rec, text } from '../phrases.js';
import { m } from '../../../views/messages/index.js';

/** The evaluation's own settings and stages, demo feedback and sign-ups. */

const s = () => m.auditSentences;
const status = (v: unknown) => (typeof v === 'string' ? v : '–');
/** A cost formula's readable name (ADR 030); an unknown one reads as recorded. */
const formula = (v: unknown) => (isCostFormula(v) ? COST_FORMULA_LABELS[v] : plain(v));
/** A stored free text, quoted, or null when there is none. */
const said = (v: unknown) => (text(v) ? quoted(String(v)) : null);
const statusChange = (before: unknown, after: unknown) => change(status(rec(before).status), status(rec(after).status));

export const processDescribers: Record<string, Describer> = {
  'evaluation:create': (c) => s().process.created(c.actor, quoted(text(rec(c.f.after).name) ?? '')),
  'evaluation:status': (c) => {
    const a = rec(c.f.after);
    // A step its preconditions ruled out but the facilitator forced says so, with what was missing if recorded.
    return s().process.moved(c.actor, statusChange(c.f.before, a), a.weightSetVersion !== undefined ? plain(a.weightSetVersion) : null, a.force === true, said(a.missing));
  },
  'evaluation:reopen-voting': (c) => s().process.votingReopened(c.actor, statusChange(c.f.before, c.f.after)),
  'two-envelopes:set': (c) => (rec(c.f.after).hidePrices === true ? s().process.envelopeSealed(c.actor) : s().process.envelopeOpened(c.actor)),
  'cost-formula:set': (c) => s().process.costFormula(c.actor, change(formula(rec(c.f.before).formula), formula(rec(c.f.after).formula)), said(rec(c.f.after).reason)),
  'disagreement-threshold:set': (c) => s().process.threshold(c.actor, change(plain(rec(c.f.before).threshold), plain(rec(c.f.after).threshold))),
  'feedback:create': (c) => s().process.feedbackGiven(c.actor, c.names.vendor ?? s().aVendor, listed(fieldValues(c.f.after), 4)),
  'feedback:update': (c) => s().process.feedbackChanged(c.actor, c.names.vendor ?? s().aVendor, listed(fieldChanges(c.f.before, c.f.after), 4) || s().nothingChanged),
  'user:signup': (c) => s().process.signedUp(c.actor, said(rec(c.f.after).team)),
};
