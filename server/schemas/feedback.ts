import { z } from 'zod';
import { IdSchema, OptionalText } from './common.js';

const scale = (min: number, max: number) =>
  z.number({ error: `A whole number from ${min} to ${max}.` }).int({ error: `A whole number from ${min} to ${max}.` })
    .min(min, { error: `At least ${min}.` }).max(max, { error: `At most ${max}.` });

/**
 * One person's answer about one vendor after its demo (API.md "Feedback after demos"): NPS is
 * required; CSAT and CES may be left out (or sent as null), and a new answer replaces the old one whole.
 */
export const FeedbackSchema = z.object({
  vendorId: IdSchema,
  nps: scale(0, 10),
  csat: scale(1, 5).nullable().optional(),
  ces: scale(1, 10).nullable().optional(),
  comment: OptionalText(1000).optional(),
});

export type FeedbackInput = z.infer<typeof FeedbackSchema>;
