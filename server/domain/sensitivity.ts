/**
 * Sensitivity of a ranking to the top-level weights. A vendor's total is linear in those weights:
 * total(v) = Σ_t w_t · S(v, t), where S(v, t) is the vendor's score on top-level criterion t with
 * that criterion at weight 1 (its sub-criteria keep their split). Everything here works on S.
 */

/** Per-vendor scores S(v, t) for each top-level criterion t, in one consistent criterion order. */
export interface ScoreMatrix { vendorIds: string[]; criterionIds: string[]; s: number[][] }

const EPS = 1e-12;

export const totalsAt = (m: ScoreMatrix, w: readonly number[]): number[] => m.s.map((row) => row.reduce((acc, x, j) => acc + x * (w[j] ?? 0), 0));

/** Index of the leader (highest total; ties go to the earlier vendor, as the ranking lists them). */
export function leaderAt(m: ScoreMatrix, w: readonly number[]): number {
  const t = totalsAt(m, w);
  let best = 0;
  for (let i = 1; i < t.length; i++) if (t[i]! > t[best]! + 1e-9) best = i;
  return best;
}

/**
 * For each top-level criterion t: the interval of its weight x ∈ [0, 1] (the others rescaled in
 * proportion, w_j · (1 − x)/(1 − w_t)) within which today's leader stays first (ties allowed).
 * Each rival gives a linear condition in x, so the interval is exact, not searched.
 */
export function stabilityIntervals(m: ScoreMatrix, w: readonly number[]): Record<string, { low: number; high: number }> {
  const out: Record<string, { low: number; high: number }> = {};
  if (m.vendorIds.length === 0) return out;
  const leader = leaderAt(m, w);
  m.criterionIds.forEach((id, t) => {
    const wt = w[t] ?? 0;
    const rest = 1 - wt;
    // T_v(x) = x·a_v + (1 − x)·b_v, with b_v the other criteria's contribution scaled to sum 1.
    const a = m.s.map((row) => row[t] ?? 0);
    const b = m.s.map((row) => (rest > EPS ? row.reduce((acc, x, j) => (j === t ? acc : acc + x * (w[j] ?? 0)), 0) / rest : 0));
    let low = 0;
    let high = 1;
    for (let v = 0; v < m.vendorIds.length; v++) {
      if (v === leader) continue;
      // Leader stays ahead when x·(da − db) + db ≥ 0, with da = a_L − a_v and db = b_L − b_v.
      const da = a[leader]! - a[v]!;
      const db = b[leader]! - b[v]!;
      const slope = da - db;
      if (Math.abs(slope) < EPS) {
        if (db < -1e-9) { low = 1; high = 0; }
        continue;
      }
      const root = -db / slope;
      if (slope > 0) low = Math.max(low, root);
      else high = Math.min(high, root);
    }
    out[id] = low <= high ? { low: Math.max(0, low), high: Math.min(1, high) } : { low: wt, high: wt };
  });
  return out;
}

/** Draws one weight vector as a random convex mix of the votes (Dirichlet(1,…,1) over the votes). */
function mixOfVotes(votes: readonly number[][], k: number, random: () => number): number[] {
  if (votes.length === 0) {
    // No votes: anywhere on the simplex, uniformly.
    const e = Array.from({ length: k }, () => -Math.log(1 - random()));
    const sum = e.reduce((x, y) => x + y, 0);
    return e.map((x) => x / sum);
  }
  const g = votes.map(() => -Math.log(1 - random()));
  const sum = g.reduce((x, y) => x + y, 0);
  const w = new Array<number>(k).fill(0);
  votes.forEach((vote, i) => vote.forEach((x, j) => (w[j]! += (g[i]! / sum) * x)));
  return w;
}

/**
 * Rank acceptability: over `samples` weight vectors drawn from the stakeholders' votes, the share in
 * which each vendor ranks first and in the top three (competition ranking: ties share a place).
 * Deterministic for a given `random` (pass a seeded generator).
 */
export function rankAcceptability(m: ScoreMatrix, votes: readonly number[][], samples: number, random: () => number): Record<string, { first: number; top3: number }> {
  const n = m.vendorIds.length;
  const first = new Array<number>(n).fill(0);
  const top3 = new Array<number>(n).fill(0);
  for (let k = 0; k < samples; k++) {
    const totals = totalsAt(m, mixOfVotes(votes, m.criterionIds.length, random));
    // The third-best distinct threshold: a vendor is in the top three when fewer than three others beat it.
    const sorted = [...totals].sort((x, y) => y - x);
    const third = sorted[Math.min(2, n - 1)] ?? 0;
    const best = sorted[0] ?? 0;
    for (let v = 0; v < n; v++) {
      if (totals[v]! >= best - 1e-9) first[v]!++;
      if (totals[v]! >= third - 1e-9) top3[v]!++;
    }
  }
  const out: Record<string, { first: number; top3: number }> = {};
  m.vendorIds.forEach((id, v) => (out[id] = { first: samples > 0 ? first[v]! / samples : 0, top3: samples > 0 ? top3[v]! / samples : 0 }));
  return out;
}
