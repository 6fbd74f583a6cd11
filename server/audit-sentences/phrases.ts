import { isRecord } from '../domain/audit/facts.js';
import { m } from '../../views/messages/index.js';

/** Small wording helpers shared by the describers, so every sentence spells values the same way. */

export const NONE = '–';
export const ARROW = '→';
const MAX_TEXT = 60;

/** A text in quotes, cut to a readable length. */
export function quoted(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `'${t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t}'`;
}

/** A number without float noise: 0.30000000000000004 → 0.3. */
export const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** Any stored value in a few words: – for nothing, numbers plain, text quoted, lists joined. */
export function plain(v: unknown): string {
  if (v === undefined || v === null || v === '') return NONE;
  if (typeof v === 'number') return num(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return quoted(v);
  if (Array.isArray(v)) return v.length === 0 ? NONE : v.map(plain).join(', ');
  return '…';
}

/** A score: – when there was none, N/A for an abstention (null), else the number. */
export const scoreValue = (v: unknown, present = true): string => (!present || v === undefined ? NONE : v === null ? m.auditSentences.notApplicable : plain(v));

/** A weight share as a percentage: 0.2 → "20 %". */
export const pct = (w: unknown): string => (typeof w === 'number' ? `${Math.round(w * 1000) / 10} %` : NONE);

export const change = (before: string, after: string): string => `${before} ${ARROW} ${after}`;

/** The first `max` parts joined with "; ", then "and N more". */
export function listed(parts: readonly string[], max: number): string {
  const shown = parts.slice(0, max).join('; ');
  return parts.length > max ? m.auditSentences.listedAndCount(shown, parts.length - max) : shown;
}

/** A count with its noun: 1 score, 3 scores. */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A key as words: `hidePrices` → "hide prices", `weight-set` → "weight set". */
export const words = (key: string): string => key.replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();

/**
 * What changed between two snapshots, as "field before → after" for each key whose value differs
 * (keys only on one side included), leaving out keys in `skip`. Nested objects are not unpacked.
 */
export function fieldChanges(before: unknown, after: unknown, skip: readonly string[] = []): string[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${words(k)} ${change(plain(b[k]), plain(a[k]))}`);
}

/** The values a snapshot sets, as "field value", blanks left out. */
export function fieldValues(v: unknown, skip: readonly string[] = []): string[] {
  if (!isRecord(v)) return [];
  return Object.entries(v)
    .filter(([k, x]) => !skip.includes(k) && x !== null && x !== undefined && x !== '' && !isRecord(x))
    .map(([k, x]) => `${words(k)} ${plain(x)}`);
}

/** A value as a record, or an empty one, so describers can read fields without checks. */
export const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/** A field as text when it is a non-empty string. */
export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
