import type { MustHaveFailed, ReviewFlag } from '../server/domain/ranking.js';
import { m } from './messages/index.js';

/**
 * The must-have gate's data (server/domain/must-have-gate.ts) in the reader's language, made where
 * it is shown: the ranking page and the board report, the ranking API, the shortlist exports, the
 * working and the screening list. One wording for all of them, so they cannot drift apart.
 */

/** 'Failed must-have "GDPR" (2 of 3 evaluators)', or '… (consensus)'. */
export const failedMustHaveText = (why: MustHaveFailed): string => m.ranking.failedMustHave(why.criterion, why.by, why.fail, why.total);

/** An excluded vendor's reason: the failed must-have, then the consensus rationale when the facilitator wrote one. */
export function exclusionReason(x: { why: MustHaveFailed; rationale?: string | undefined }): string {
  const failed = failedMustHaveText(x.why);
  return x.rationale ? `${failed}: ${x.rationale}` : failed;
}

/** A review flag's reason ('tied must-have votes'). */
export const reviewFlagText = (flag: ReviewFlag): string => (flag.why.code === 'must_have_tied' ? m.ranking.tiedMustHave : flag.why.code);
