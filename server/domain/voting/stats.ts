/** Small numeric helpers shared by the voting maths; arrays rather than records so the loops stay plain. */

/** A usable non-negative share: votes come from stored rows and forms, and a bad value must not poison a sum. */
export function cleanShare(x: number | undefined): number {
  return x !== undefined && Number.isFinite(x) && x > 0 ? x : 0;
}

/** Scale to sum 1; when nothing is positive every entry gets an equal share (a vector of no opinion). */
export function normaliseVector(values: readonly number[]): number[] {
  const cleaned = values.map(cleanShare);
  const sum = cleaned.reduce((s, x) => s + x, 0);
  return cleaned.map((x) => (sum > 0 ? x / sum : 1 / cleaned.length));
}

/** Arithmetic mean; 0 for an empty list so callers need no special case. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, x) => s + x, 0) / values.length;
}

/**
 * Quantile p (0..1) of `values` by linear interpolation between order statistics — Hyndman & Fan's
 * "type 7", the default of R's quantile() and NumPy's quantile(): h = (n − 1)·p, then
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) on the sorted values. 0 for an empty list.
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const below = sorted[lo] ?? 0;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  return below + (h - lo) * (above - below);
}

/** Median (type 7 at p = 0.5, i.e. the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * Geometric mean of non-negative values. Any zero makes it 0 — someone said "this does not matter at
 * all", and a geometric mean honours that veto rather than averaging it away.
 */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let logSum = 0;
  for (const x of values) {
    const v = cleanShare(x);
    if (v === 0) return 0;
    logSum += Math.log(v);
  }
  // Summing logs instead of multiplying keeps many small shares from underflowing to 0.
  return Math.exp(logSum / values.length);
}
