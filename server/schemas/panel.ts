import { z } from 'zod';
import { IdSchema } from './common.js';

export const DeclarationSchema = z.discriminatedUnion(
  'conflict',
  [
    z.object({ conflict: z.literal(false) }),
    z.object({ conflict: z.literal(true), description: z.string({ error: 'Describe the conflict.' }).trim().min(3, { error: 'Describe the conflict.' }).max(2000) }),
  ],
  { error: 'conflict is true (with a description) or false.' },
);

export const ConsensusSchema = z.object({
  vendorId: IdSchema,
  criterionId: IdSchema,
  value: z.number({ error: 'A number, or null to remove the consensus.' }).finite().nullable(),
  rationale: z.string({ error: 'A rationale is required.' }).trim().min(3, { error: 'A rationale is required.' }).max(4000),
});

/** Why an evaluator is kept off a vendor: the conflict, which the audit and the panel show (issue 12: it was optional). */
export const EXCLUSION_REASON_REQUIRED = 'Give the reason: the conflict that keeps this evaluator off the vendor.';

export const ExclusionSchema = z.object({
  userId: IdSchema, vendorId: IdSchema,
  reason: z.string({ error: EXCLUSION_REASON_REQUIRED }).trim().min(1, { error: EXCLUSION_REASON_REQUIRED }).max(1000, { error: 'At most 1000 characters.' }),
});

export const AssignmentSchema = z.object({ userId: IdSchema, vendorId: IdSchema.optional(), criterionId: IdSchema.optional() });
