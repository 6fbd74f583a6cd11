import { z } from 'zod';
import { IdSchema, OptionalText } from './common.js';

export const ScoreSchema = z.object({
  vendorId: IdSchema,
  criterionId: IdSchema,
  value: z.number({ error: 'A number, or null for N/A.' }).finite().nullable(),
  comment: OptionalText(2000).optional(),
  version: z.number().int().min(0).optional(),
});

export const BatchSchema = z.object({
  scores: z
    .array(z.object({ vendorId: IdSchema, criterionId: IdSchema, value: z.number({ error: 'A number, or null for N/A.' }).finite().nullable() }))
    .min(1, { error: 'Send at least one score.' })
    .max(10_000, { error: 'At most 10,000 scores per batch.' }),
});

export const ScoresQuerySchema = z.object({ vendorId: IdSchema.optional(), criterionId: IdSchema.optional() });
