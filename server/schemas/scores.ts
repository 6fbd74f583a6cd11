import { z } from 'zod';
import { IdSchema, OptionalText } from './common.js';

export const ScoreSchema = z
  .object({
    vendorId: IdSchema,
    criterionId: IdSchema,
    value: z.number({ error: 'A number, or null for N/A.' }).finite().nullable(),
    comment: OptionalText(2000).optional(),
    version: z.number().int().min(0).optional(),
    /** Abstaining from a cell: the reason why (the value must then be null). */
    abstain: z.string().trim().min(3, { error: 'Give the reason for abstaining.' }).max(1000).optional(),
  })
  .refine((s) => s.abstain === undefined || s.value === null, { error: 'An abstention has no value: send value null.', path: ['value'] })
  .transform(({ abstain, ...rest }) => ({ ...rest, abstainReason: abstain }));

export const BatchSchema = z.object({
  scores: z
    .array(z.object({ vendorId: IdSchema, criterionId: IdSchema, value: z.number({ error: 'A number, or null for N/A.' }).finite().nullable() }))
    .min(1, { error: 'Send at least one score.' })
    .max(10_000, { error: 'At most 10,000 scores per batch.' }),
});

export const ScoresQuerySchema = z.object({ vendorId: IdSchema.optional(), criterionId: IdSchema.optional() });
