/**
 * The must-have gate as data (issue 16 follow-up): the domain says which must-have a vendor failed
 * and how, never in which words. Read models, views and exports phrase it in the reader's language
 * (views/must-have-reasons.ts), so a result made in a pool thread or cached is the same for every
 * language.
 */

/**
 * A failed must-have: the criterion's name as the team typed it, and what decided it — the
 * facilitator's consensus (0), or more fail votes than pass votes. `fail` and `total` are the cell's
 * pass/fail votes (fail of pass + fail) either way; the consensus wording does not show them.
 */
export interface MustHaveFailed { code: 'must_have_failed'; criterion: string; by: 'consensus' | 'votes'; fail: number; total: number }

/** As many pass votes as fail votes and no consensus: nobody is excluded, but a human should look. */
export interface MustHaveTied { code: 'must_have_tied' }

/**
 * One must-have cell's verdict, the one gate ranking, the matrix ranking and screening share:
 * with a consensus, 0 fails and anything else passes; without one, more fail than pass votes fails,
 * a tie (with votes) is flagged, and anything else passes (undefined).
 */
export function mustHaveGate(criterion: string, consensus: number | null, pass: number, fail: number): MustHaveFailed | MustHaveTied | undefined {
  if (consensus !== null) return consensus === 0 ? { code: 'must_have_failed', criterion, by: 'consensus', fail, total: pass + fail } : undefined;
  if (fail > pass) return { code: 'must_have_failed', criterion, by: 'votes', fail, total: pass + fail };
  return pass === fail && pass > 0 ? { code: 'must_have_tied' } : undefined;
}
