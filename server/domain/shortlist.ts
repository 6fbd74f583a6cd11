import type { RankingResult } from './ranking.js';

export interface ShortlistColumn { id: string; name: string }

/** One line of the exported shortlist; excluded vendors come last with their reason. */
export interface ShortlistLine { rank: number | null; vendor: string; total: number | null; coverage: number | null; status: 'ranked' | 'provisional' | 'excluded'; reason: string; points: Record<string, number | null> }

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The ranked shortlist as rows for CSV/JSON/other exports: rank, vendor, total, coverage, points per top-level criterion. */
export function shortlistLines(result: RankingResult, columns: readonly ShortlistColumn[]): ShortlistLine[] {
  const ranked = result.rows.map((r): ShortlistLine => ({
    rank: r.rank, vendor: r.name, total: round(r.total, 2), coverage: round(r.coverage, 4), status: r.provisional ? 'provisional' : 'ranked', reason: '',
    points: Object.fromEntries(columns.map((c) => [c.id, round(r.breakdown[c.id] ?? 0, 2)])),
  }));
  const excluded = result.excluded.map((x): ShortlistLine => ({
    rank: null, vendor: x.name, total: null, coverage: null, status: 'excluded', reason: x.reason, points: Object.fromEntries(columns.map((c) => [c.id, null])),
  }));
  return [...ranked, ...excluded];
}
