import { z } from 'zod';
import { IdSchema, OptionalText } from './common.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

const scale = (min: number, max: number) =>
  z.number({ error: () => v.wholeNumberFromTo(min, max) }).int({ error: () => v.wholeNumberFromTo(min, max) })
    .min(min, { error: () => v.atLeast(min) }).max(max, { error: () => v.atMost(max) });

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
