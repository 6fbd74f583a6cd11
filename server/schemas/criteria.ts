import { z } from 'zod';
import { IdSchema, Name, OptionalText } from './common.js';

export const KindSchema = z.enum(['scored', 'must-have', 'cost'], { error: 'Kind is one of scored, must-have, cost.' });

export const NewCriterionSchema = z.object({
  name: Name(120),
  parentId: IdSchema.nullish(),
  kind: KindSchema.optional(),
  description: OptionalText(1000).optional(),
  rubric: z.array(OptionalText(200)).max(11).optional(),
});

export const CriterionPatchSchema = NewCriterionSchema.partial();

/**
 * A weight is a share out of 100 (or any smaller number, the sibling set is normalised): a bigger
 * one is refused rather than rescaled without a word (issue 12: 500 became 87.7 %).
 */
const WEIGHT_RANGE = 'A weight is a number from 0 to 100.';

export const WeightsSchema = z.object({
  weights: z.record(z.string().regex(/^[1-9]\d{0,14}$/, { error: 'Keys are criterion ids.' }), z.number({ error: WEIGHT_RANGE }).finite({ error: WEIGHT_RANGE }).min(0, { error: WEIGHT_RANGE }).max(100, { error: WEIGHT_RANGE })),
  /** Why the weights change; required from scoring on (the service answers 400 with `fields.reason`), shown on the ranking. */
  reason: z.string({ error: 'The reason is text.' }).trim().max(500, { error: 'At most 500 characters.' }).optional(),
});
