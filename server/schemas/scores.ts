import { z } from 'zod';
import { IdSchema, OptionalText } from './common.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

export const ScoreSchema = z
  .object({
    vendorId: IdSchema,
    criterionId: IdSchema,
    value: z.number({ error: () => v.scoreValue }).finite().nullable(),
    comment: OptionalText(2000).optional(),
    version: z.number().int().min(0).optional(),
    /** Abstaining from a cell: the reason why (the value must then be null). */
    abstain: z.string().trim().min(3, { error: () => v.abstainReason }).max(1000).optional(),
  })
  .refine((s) => s.abstain === undefined || s.value === null, { error: () => v.abstainNoValue, path: ['value'] })
  .transform(({ abstain, ...rest }) => ({ ...rest, abstainReason: abstain }));

export const BatchSchema = z.object({
  scores: z
    .array(z.object({ vendorId: IdSchema, criterionId: IdSchema, value: z.number({ error: () => v.scoreValue }).finite().nullable() }))
    .min(1, { error: () => v.batchEmpty })
    .max(10_000, { error: () => v.batchTooLarge }),
});

export const ScoresQuerySchema = z.object({ vendorId: IdSchema.optional(), criterionId: IdSchema.optional() });
