import { z } from 'zod';

/** An ISO-8601 date-time with its offset (Z or ±hh:mm), stored as UTC; null clears the deadline. */
const Deadline = z.iso.datetime({ offset: true, error: 'Enter an ISO-8601 date and time with its zone, e.g. 2026-12-07T14:00:00Z.' })
  .transform((s) => new Date(s).toISOString()).nullable().optional();

export const DeadlinesSchema = z.object({ voting: Deadline, scoring: Deadline }).strict();
export type DeadlinesInput = z.infer<typeof DeadlinesSchema>;
