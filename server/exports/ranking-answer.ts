import { excludedAsRead, rankInputs, type RankingInputs, type RankingView } from '../read-models/ranking.js';

/** What the ranking answer carries besides the ranking itself: read from the database by the route. */
export interface RankingAnswerExtras {
  whatIf: boolean;
  withdrawn: { vendorId: string; name: string; reason: string }[];
  weightChanges: { version: number; by: string | null; at: string; reason: string }[];
}

/** A weighted-sum row as GET /ranking writes it. */
export const weightedRow = (r: RankingView['result']['rows'][number]) => ({ rank: r.rank, vendorId: r.vendorId, name: r.name, total: r.total, coverage: r.coverage, provisional: r.provisional, breakdown: r.breakdown });

/**
 * GET /ranking's body around its rows, in the one key order both ways of writing it share (the
 * route's, and the pool thread's below): the same bytes whichever wrote them.
 */
export function rankingAnswerBody<R>(rows: R[], method: 'topsis' | 'value-for-money' | undefined, inputs: RankingInputs, ranked: RankingView, extras: RankingAnswerExtras) {
  const { result, resolved, view } = ranked;
  return {
    ...(method ? { method } : {}),
    rows,
    costFormula: inputs.costFormula,
    whatIf: extras.whatIf,
    excluded: excludedAsRead(result),
    unscored: result.unscored.map((u) => ({ vendorId: u.vendorId, name: u.name })),
    weights: Object.fromEntries(resolved.leaves),
    view,
    withdrawn: extras.withdrawn,
    weightChanges: extras.weightChanges,
  };
}

/**
 * The weighted-sum ranking answer as UTF-8 bytes, ranked and written from the inputs alone, in a
 * pool thread for a big evaluation (issue 15, promise 1): the landscape's 14,000 row objects, their
 * JSON text (3 MB) and its garbage stay in the thread, and only one buffer is moved back, as
 * exports/shortlist-files.ts does for shortlist.json. The exclusion reasons are phrased in the
 * language the thread was told (the reader's).
 */
export function rankingAnswerBytes(inputs: RankingInputs, limit: number | undefined, extras: RankingAnswerExtras): Uint8Array<ArrayBuffer> {
  const ranked = rankInputs(inputs, undefined, { limit });
  return new TextEncoder().encode(JSON.stringify(rankingAnswerBody(ranked.result.rows.map(weightedRow), undefined, inputs, ranked, extras)));
}
