/** Points out of 100 with one decimal, the way totals are shown everywhere. */
export const points = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

/** A 0–1 share as a whole percentage, or with one decimal when small. */
export const percent = (x: number): string => {
  const p = x * 100;
  return p > 0 && p < 10 ? `${(Math.round(p * 10) / 10).toFixed(1)}%` : `${Math.round(p)}%`;
};

/** An ISO-8601 UTC time as people read it: "2025-03-14 09:30 UTC". */
export const when = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** A count with its noun in the right number: count(1, 'vendor') → "1 vendor", count(3, 'criterion', 'criteria') → "3 criteria". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
