/**
 * Customer-experience metrics as seed 004 defines them, used to summarise demo feedback.
 * Pure functions, no I/O. Percentages come back on a 0–100 scale and are never rounded here:
 * the views decide how many decimals to show. No data (an empty list, a zero base) gives null,
 * never NaN or a division by zero.
 */

/** NPS answers of 9 or 10 are promoters; 0 to 6 are detractors; 7 and 8 are passives. */
export const isPromoter = (score: number): boolean => score >= 9;
export const isDetractor = (score: number): boolean => score <= 6;

/** The default CSAT test on a 1–5 scale: a 4 or a 5 counts as a satisfied answer. */
export const isSatisfied = (answer: number): boolean => answer >= 4;

/**
 * Net Promoter Score from 0–10 answers: the share of promoters minus the share of detractors,
 * in percentage points, so −100 (everyone a detractor) to 100 (everyone a promoter).
 */
export function nps(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (isPromoter(s)) promoters += 1;
    else if (isDetractor(s)) detractors += 1;
  }
  // One division at the end keeps whole results exact (no 33.33… − 33.33… residue).
  return ((promoters - detractors) * 100) / scores.length;
}

/** NPS when the shares are already known, both in percent: 88% promoters and 8% detractors give 80. */
export const npsFromShares = (promoterPct: number, detractorPct: number): number => promoterPct - detractorPct;

/** Customer satisfaction: the percentage of answers that count as satisfied (by default 4–5 on a 1–5 scale). */
export function csat(answers: readonly number[], satisfied: (answer: number) => boolean = isSatisfied): number | null {
  if (answers.length === 0) return null;
  return csatFromCounts(answers.filter(satisfied).length, answers.length);
}

/** CSAT from counts: satisfied answers ÷ all answers × 100. */
export const csatFromCounts = (satisfied: number, total: number): number | null => percentOf(satisfied, total);

/** Customer Effort Score: the plain mean of the answers (here 1–10, higher meaning easier). */
export function ces(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let sum = 0;
  for (const s of scores) sum += s;
  return sum / scores.length;
}

/** Churn: customers lost during a period as a percentage of those there at its start. */
export const churnRate = (lost: number, atStart: number): number | null => percentOf(lost, atStart);

/** Retention as the complement of churn: 100 − churn rate. */
export function retentionRate(lost: number, atStart: number): number | null {
  const churn = churnRate(lost, atStart);
  return churn === null ? null : 100 - churn;
}

/**
 * Retention counted directly: customers still active at the end of the period as a percentage of
 * those at its start. The seed describes this as the active and newly won customers at the end
 * over the total at the start; taken literally, growth would push retention above 100%. Pass the
 * customers won during the period as `acquired` and they are taken off first, which is the usual
 * form and agrees with `retentionRate` (2,480 of 2,500 left → 99.2). Left at 0, the formula is
 * the seed's wording exactly.
 */
export function retentionRateDirect(activeAtEnd: number, atStart: number, acquired = 0): number | null {
  return percentOf(activeAtEnd - acquired, atStart);
}

/** Referral rate: purchases that came from a referral as a percentage of all purchases. */
export const referralRate = (referred: number, total: number): number | null => percentOf(referred, total);

/** The simplest customer lifetime value: what one customer spends a year times the years they stay. */
export const simpleClv = (valuePerYear: number, years: number): number => valuePerYear * years;

/**
 * Lifetime value across a customer base: the customers, times the share of them (0–1, so 0.9
 * for 90%) who behave like the typical customer, times that customer's lifetime value.
 */
export const totalClv = (customers: number, share: number, clv: number): number => customers * share * clv;

/** part ÷ whole × 100, or null when there is no whole to divide by. */
function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return (part * 100) / whole;
}
