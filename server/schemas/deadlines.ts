import { z } from 'zod';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

/** An ISO-8601 date-time with its offset (Z or ±hh:mm), stored as UTC; null clears the deadline. */
const Deadline = z.iso.datetime({ offset: true, error: () => v.deadline })
  .transform((s) => new Date(s).toISOString()).nullable().optional();

export const DeadlinesSchema = z.object({ voting: Deadline, scoring: Deadline }).strict();
export type DeadlinesInput = z.infer<typeof DeadlinesSchema>;
