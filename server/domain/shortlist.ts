import type { ExcludedVendor, RankingResult } from './ranking.js';

export interface ShortlistColumn { id: string; name: string }

/** What a line of the shortlist is; a board reads it as the label, so the unscored one is spelled out. */
export type ShortlistStatus = 'ranked' | 'provisional' | 'excluded' | 'not yet scored' | 'withdrawn';

/**
 * One line of the exported shortlist; excluded vendors come after the ranked ones with their reason
 * (in the reader's language), then vendors not yet scored, then withdrawn vendors with the reason
 * they were withdrawn (as the team typed it).
 */
export interface ShortlistLine { rank: number | null; vendor: string; total: number | null; coverage: number | null; status: ShortlistStatus; reason: string; points: Record<string, number | null> }

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A line without figures: the vendor takes no rank (excluded, or not yet scored). */
const unranked = (vendor: string, status: ShortlistStatus, reason: string, columns: readonly ShortlistColumn[]): ShortlistLine => ({
  rank: null, vendor, total: null, coverage: null, status, reason, points: Object.fromEntries(columns.map((c) => [c.id, null])),
});

/**
 * The ranked shortlist as rows for CSV/JSON/other exports: rank, vendor, total, coverage, points per
 * top-level criterion. `withdrawn` (issue 11) are listed last, so a board sees every vendor that was
 * in the running and why it no longer is. `excludedReason` phrases a must-have exclusion (the domain
 * keeps it as data; views/must-have-reasons.ts has the words).
 */
export function shortlistLines(
  result: RankingResult, columns: readonly ShortlistColumn[], withdrawn: readonly { name: string; reason: string }[], excludedReason: (x: ExcludedVendor) => string,
): ShortlistLine[] {
  const ranked = result.rows.map((r): ShortlistLine => ({
    rank: r.rank, vendor: r.name, total: round(r.total, 2), coverage: round(r.coverage, 4), status: r.provisional ? 'provisional' : 'ranked', reason: '',
    points: Object.fromEntries(columns.map((c) => [c.id, round(r.breakdown[c.id] ?? 0, 2)])),
  }));
  const excluded = result.excluded.map((x) => unranked(x.name, 'excluded', excludedReason(x), columns));
  const unscored = result.unscored.map((u) => unranked(u.name, 'not yet scored', '', columns));
  const gone = withdrawn.map((w) => unranked(w.name, 'withdrawn', w.reason, columns));
  return [...ranked, ...excluded, ...unscored, ...gone];
}
