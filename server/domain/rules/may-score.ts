import type { Status } from '../permissions.js';

/** Statuses in which evaluators may still change their own scores. */
export const SCORING_OPEN: readonly Status[] = ['draft', 'voting', 'scoring'];

export const isScoringOpen = (status: string): boolean => (SCORING_OPEN as readonly string[]).includes(status);

/** What the may-score rules look at, however it was read. */
export interface ScoringFacts {
  status: string; declared: boolean; submitted: boolean; excluded: boolean;
  /** The vendor (any of them, for a batch) was withdrawn: it keeps its scores as they were. */
  withdrawn: boolean;
}

/** Why a member may not score now; the caller turns it into an error or a message. */
export type MayScoreRefusal = 'scoring_closed' | 'declaration_required' | 'scores_submitted' | 'vendor_withdrawn' | 'excluded';

/**
 * Everything that must hold before a member's score write is accepted, in one place and in this
 * order: scoring is open, they have declared any conflict, they have not submitted, the vendor has
 * not been withdrawn (its scores are kept as they stood, ADR 015), and they are not excluded from
 * the vendor. Returns the first thing that stands in the way, or null.
 */
export function mayScore(f: ScoringFacts): MayScoreRefusal | null {
  if (!isScoringOpen(f.status)) return 'scoring_closed';
  if (!f.declared) return 'declaration_required';
  if (f.submitted) return 'scores_submitted';
  if (f.withdrawn) return 'vendor_withdrawn';
  if (f.excluded) return 'excluded';
  return null;
}
