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

export const WeightsSchema = z.object({
  weights: z.record(z.string().regex(/^[1-9]\d{0,14}$/, { error: 'Keys are criterion ids.' }), z.number({ error: 'A number.' }).finite().min(0, { error: 'A weight must be ≥ 0.' }).max(1e9, { error: 'A weight must be at most 1,000,000,000.' })),
  /** Why the weights change; required from scoring on (the service answers 400 with `fields.reason`), shown on the ranking. */
  reason: z.string({ error: 'The reason is text.' }).trim().max(500, { error: 'At most 500 characters.' }).optional(),
});
