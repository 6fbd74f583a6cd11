import type { Role, Status } from '../permissions.js';

/** The facts that decide what a member sees at a stage of the evaluation. */
export interface VisibilityFacts {
  role: Role;
  status: Status;
  /** The evaluation runs two envelopes: prices sealed until quality has been scored. */
  hidePrices: boolean;
  /** The member has submitted (locked) their own scores. */
  submitted: boolean;
}

export interface Visibility {
  /** Vendor prices, and the cost criteria computed from them. */
  prices: boolean;
  /** Other members' individual scores, and how far they agree. */
  othersScores: boolean;
}

const inReview = (status: Status): boolean => status === 'review' || status === 'decided';

/**
 * What a member may see, in one place so no reader can forget it.
 * Two envelopes: when prices are hidden, an evaluator sees them only after submitting their
 * quality scores and stakeholders only once the evaluation is in review; the facilitator and
 * observers always see them. Blind scoring: until review only the facilitator, who runs the
 * panel, sees others' scores; seeing them early makes panels converge out of politeness rather
 * than evidence.
 */
export function visibilityFor(f: VisibilityFacts): Visibility {
  const prices = !f.hidePrices || f.role === 'facilitator' || f.role === 'observer' || inReview(f.status) || (f.role === 'evaluator' && f.submitted);
  return { prices, othersScores: f.role === 'facilitator' || inReview(f.status) };
}
