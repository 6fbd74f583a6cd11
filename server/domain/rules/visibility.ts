import type { Role, Status } from '../permissions.js';

/** The facts that decide what a member sees at a stage of the evaluation. */
export interface VisibilityFacts {
  role: Role;
  status: Status;
  /** The evaluation runs two envelopes: prices sealed until quality has been scored. */
  hidePrices: boolean;
  /** The member has submitted (locked) their own scores. */
  submitted: boolean;
  /** The member is on the scoring panel: every evaluator, and a facilitator who has declared (see isScorer). */
  scorer: boolean;
}

/**
 * Whose scores a member's figures are built from: `all` (the team's: every score, comment and the
 * totals, sensitivity and agreement computed from them), `own` (only the member's own scores, and
 * a ranking computed from those alone), `none` (no scores, comments or totals at all).
 */
export type ScoresView = 'all' | 'own' | 'none';

export interface Visibility {
  /** Vendor prices, and the cost criteria computed from them. */
  prices: boolean;
  scores: ScoresView;
}

const inReview = (status: Status): boolean => status === 'review' || status === 'decided';

/**
 * Who scores: evaluators always; a facilitator once they have declared their conflicts of
 * interest, because declaring is how they join the panel.
 */
export const isScorer = (role: Role, declared: boolean): boolean => role === 'evaluator' || (role === 'facilitator' && declared);

/**
 * What a member may see, in one place so no reader can forget it (API.md "Who sees what").
 * Blind scoring, before review: a scorer who has not submitted sees only their own scores, since
 * seeing colleagues' makes panels converge out of politeness rather than evidence; after submitting
 * (nothing left to sway) and for those who run or watch the panel without scoring, the team's
 * figures; stakeholders, who voted on the weights, see no scores so they cannot lobby the scorers.
 * From review on everyone who may read sees everything.
 * Two envelopes: when prices are hidden, an evaluator sees them only after submitting their
 * quality scores and stakeholders only once the evaluation is in review; the facilitator, who
 * runs the envelopes, and observers always see them.
 */
export function visibilityFor(f: VisibilityFacts): Visibility {
  const prices = !f.hidePrices || f.role === 'facilitator' || f.role === 'observer' || inReview(f.status) || (f.role === 'evaluator' && f.submitted);
  return { prices, scores: scoresViewFor(f) };
}

function scoresViewFor(f: VisibilityFacts): ScoresView {
  if (inReview(f.status)) return 'all';
  if (f.role === 'stakeholder') return 'none';
  // Evaluators score whatever the facts say; observers never do.
  const scorer = f.role === 'evaluator' || (f.role === 'facilitator' && f.scorer);
  return scorer && !f.submitted ? 'own' : 'all';
}

/** Why a member may not join the scoring panel now. */
export type JoinPanelRefusal = 'panel_closed';

/**
 * Whether a facilitator may join the panel (make a first declaration). A facilitator who has not
 * declared sees the team's figures before review; joining afterwards would let them score with
 * colleagues' scores in view, so once any other member has a score the panel is closed to them.
 * Evaluators are on the panel from the start, and a facilitator who has declared may declare again.
 */
export function mayJoinPanel(f: { role: Role; declaredBefore: boolean; othersHaveScores: boolean }): JoinPanelRefusal | null {
  if (f.role !== 'facilitator' || f.declaredBefore) return null;
  return f.othersHaveScores ? 'panel_closed' : null;
}
