import { rankedBy, validPrice } from './ranking.js';
import { prepareRanking, rankMatrix, type MatrixRankingInput } from './ranking-matrix.js';
import { topsis } from './topsis.js';

/** A ranked vendor under TOPSIS: `total` = 100 × `closeness`, ranks counting the same vendors the weighted sum ranks. */
export interface TopsisRow { rank: number; vendorId: string; name: string; closeness: number; total: number; coverage: number; provisional: boolean }

/**
 * The method check (issue 14): the vendors the weighted sum ranks, ranked by TOPSIS over the same
 * weighted leaves. The matrix holds raw values: the consensus or the mean on the scale as entered,
 * the price for a cost leaf (a cost attribute). A missing value is the worst there is (ADR
 * 022): the scale minimum on a scored leaf, the highest price among the ranked vendors on a cost
 * leaf, as the weighted sum gives it no points. Coverage is the weighted sum's.
 */
export function rankTopsis(input: MatrixRankingInput): TopsisRow[] {
  const { vendors, ranked, gates, columns } = prepareRanking(input);
  const { matrix, scale } = input;
  const K = columns.col.length;
  let maxPrice = 0;
  for (const v of ranked) {
    const p = vendors[v]!.price;
    if (validPrice(p) && p > maxPrice) maxPrice = p;
  }
  const raw = ranked.map((v) => {
    const r = gates.rowOf[v]!;
    const price = vendors[v]!.price;
    return Array.from({ length: K }, (_, k) => {
      const col = columns.col[k]!;
      if (col === -2) return validPrice(price) ? price : maxPrice;
      const x = col < 0 || r < 0 ? NaN : matrix.value[r * matrix.stride + col]!;
      return Number.isNaN(x) ? scale.min : x;
    });
  });
  const { closeness } = topsis({ matrix: raw, weights: Array.from(columns.w), cost: Array.from(columns.col, (c) => c === -2) });
  const coverage = new Map(rankMatrix(input).rows.map((r) => [r.vendorId, r.coverage]));
  const rows = ranked.map((v, j): TopsisRow => {
    const { id, name } = vendors[v]!;
    const cov = coverage.get(id) ?? 0;
    return { rank: 0, vendorId: id, name, closeness: closeness[j]!, total: 100 * closeness[j]!, coverage: cov, provisional: cov < 1 - 1e-9 };
  });
  // As the weighted sum: compared after rounding to 9 decimals, ties share a rank and go by name.
  return rankedBy(rows, (r) => r.closeness);
}
