import { DeadlinesSchema } from '../deadlines.js';

/**
 * The overview's deadline fields: a datetime-local value (no zone) is read as UTC, as the labels
 * say; an empty field clears the deadline. Then the API's own schema decides.
 */
export const deadlinesFormInput = (f: Record<string, string>) => {
  const one = (v: string | undefined) => {
    const s = (v ?? '').trim();
    if (s === '') return null;
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s) ? `${s}:00Z` : s;
  };
  return { voting: one(f.voting), scoring: one(f.scoring) };
};
export const DeadlinesFormSchema = DeadlinesSchema;
