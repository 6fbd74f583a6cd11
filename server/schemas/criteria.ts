import { z } from 'zod';
import { IdSchema, Name, OptionalText } from './common.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

export const KindSchema = z.enum(['scored', 'must-have', 'cost'], { error: () => v.kind });

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
const WEIGHT_RANGE = { error: () => v.weightRange };

export const WeightsSchema = z.object({
  weights: z.record(z.string().regex(/^[1-9]\d{0,14}$/, { error: () => v.criterionKeys }), z.number(WEIGHT_RANGE).finite(WEIGHT_RANGE).min(0, WEIGHT_RANGE).max(100, WEIGHT_RANGE)),
  /** Why the weights change; required from scoring on (the service answers 400 with `fields.reason`), shown on the ranking. */
  reason: z.string({ error: () => v.reasonText }).trim().max(500, { error: () => v.atMostChars(500) }).optional(),
});
