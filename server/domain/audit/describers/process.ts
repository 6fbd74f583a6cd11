import type { Describer } from '../context.js';
import { COST_FORMULA_LABELS, isCostFormula } from '../../cost-formula.js';
import { change, fieldChanges, fieldValues, listed, plain, quoted, rec, text } from '../phrases.js';

/** The evaluation's own settings and stages, demo feedback and sign-ups. */

const status = (v: unknown) => (typeof v === 'string' ? v : '–');
/** A cost formula's readable name (ADR 030); an unknown one reads as recorded. */
const formula = (v: unknown) => (isCostFormula(v) ? COST_FORMULA_LABELS[v] : plain(v));

export const processDescribers: Record<string, Describer> = {
  'evaluation:create': (c) => `${c.actor} created the evaluation ${quoted(text(rec(c.f.after).name) ?? '')}`,
  'evaluation:status': (c) => {
    const a = rec(c.f.after);
    const frozen = a.weightSetVersion !== undefined ? ` (weights frozen as version ${plain(a.weightSetVersion)})` : '';
    // A step its preconditions ruled out but the facilitator forced says so, with what was missing if recorded.
    const forced = a.force === true ? `, forced${text(a.missing) ? ` despite ${quoted(String(a.missing))}` : ''}` : '';
    return `${c.actor} moved the evaluation ${change(status(rec(c.f.before).status), status(a.status))}${frozen}${forced}`;
  },
  'evaluation:reopen-voting': (c) => `${c.actor} reopened voting: ${change(status(rec(c.f.before).status), status(rec(c.f.after).status))}`,
  'two-envelopes:set': (c) => (rec(c.f.after).hidePrices === true
    ? `${c.actor} sealed the price envelope: prices hidden from evaluators until they submit`
    : `${c.actor} opened the price envelope: prices shown to every reader`),
  'cost-formula:set': (c) => {
    const why = text(rec(c.f.after).reason);
    return `${c.actor} changed how prices are scored: ${change(formula(rec(c.f.before).formula), formula(rec(c.f.after).formula))}${why ? `, because ${quoted(why)}` : ''}`;
  },
  'disagreement-threshold:set': (c) => `${c.actor} set the disagreement threshold: ${change(plain(rec(c.f.before).threshold), plain(rec(c.f.after).threshold))}`,
  'feedback:create': (c) => `${c.actor} gave demo feedback on ${c.names.vendor ?? 'a vendor'}: ${listed(fieldValues(c.f.after), 4)}`,
  'feedback:update': (c) => `${c.actor} changed their demo feedback on ${c.names.vendor ?? 'a vendor'}: ${listed(fieldChanges(c.f.before, c.f.after), 4) || 'nothing changed'}`,
  'user:signup': (c) => `${c.actor} signed up${text(rec(c.f.after).team) ? ` with team ${quoted(String(rec(c.f.after).team))}` : ''}`,
};
