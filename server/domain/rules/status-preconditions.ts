import type { Status as EvaluationStatus } from '../permissions.js';

/**
 * What stands in the way of a status change, counted beforehand by a read model. Names are capped
 * by the caller (a longlist of 14,000 unscored vendors is a count and the first few names).
 */
export interface StatusFacts {
  /** Vendors still in the running (not screened out, not withdrawn). */
  vendors: number;
  /** Leaf criteria of kind `scored`: what a scorer puts a value on. */
  scoredLeaves: number;
  /** Scorers who have not submitted (the one closing scoring excepted), by name. */
  unsubmitted: readonly string[];
  /** Vendors in the running with no score and no consensus on any leaf. */
  unscoredVendors: { count: number; names: readonly string[] };
  /** Voters (facilitators and stakeholders) who have not cast a vote. */
  votesMissing: { count: number; names: readonly string[] };
}

/**
 * `hard`: the change is refused whatever is sent. `overridable`: refused unless the facilitator
 * forces it (the override is recorded). `notice`: shown before confirming, never refused.
 */
export type Severity = 'hard' | 'overridable' | 'notice';

export type MissingCode = 'no_vendors' | 'no_scored_criterion' | 'evaluators_not_submitted' | 'vendors_unscored' | 'votes_not_cast';

export interface Missing { code: MissingCode; severity: Severity; count: number; names: readonly string[] }

const missing = (code: MissingCode, severity: Severity, count: number, names: readonly string[] = []): Missing => ({ code, severity, count, names });

/**
 * What is incomplete for the move `from → to`, most serious first. Opening scoring needs something
 * to score (a vendor and a scored leaf); closing scoring before every scorer has handed in can be
 * forced; votes not cast and vendors nobody scored are said, not refused. Deciding is checked by
 * the decision's own rules, not here.
 */
export function statusPreconditions(from: EvaluationStatus, to: EvaluationStatus, f: StatusFacts): Missing[] {
  const out: Missing[] = [];
  if (to === 'scoring' && (from === 'draft' || from === 'voting')) {
    if (f.vendors === 0) out.push(missing('no_vendors', 'hard', 0));
    if (f.scoredLeaves === 0) out.push(missing('no_scored_criterion', 'hard', 0));
    if (from === 'voting' && f.votesMissing.count > 0) out.push(missing('votes_not_cast', 'notice', f.votesMissing.count, f.votesMissing.names));
  }
  if (from === 'scoring' && to === 'review') {
    if (f.unsubmitted.length > 0) out.push(missing('evaluators_not_submitted', 'overridable', f.unsubmitted.length, f.unsubmitted));
    if (f.unscoredVendors.count > 0) out.push(missing('vendors_unscored', 'notice', f.unscoredVendors.count, f.unscoredVendors.names));
  }
  return out;
}

/** The missing things that refuse the change: hard ones always, overridable ones unless forced. */
export function refusing(all: readonly Missing[], force: boolean): Missing[] {
  return all.filter((x) => x.severity === 'hard' || (x.severity === 'overridable' && !force));
}

/** The overridable things a forced change went past: what its audit entry records. */
export function overridden(all: readonly Missing[], force: boolean): Missing[] {
  return force ? all.filter((x) => x.severity === 'overridable') : [];
}
