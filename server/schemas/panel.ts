import { z } from 'zod';
import { IdSchema } from './common.js';
import { m, messageSource } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

export const DeclarationSchema = z.discriminatedUnion(
  'conflict',
  [
    z.object({ conflict: z.literal(false) }),
    z.object({ conflict: z.literal(true), description: z.string({ error: () => v.describeConflict }).trim().min(3, { error: () => v.describeConflict }).max(2000) }),
  ],
  { error: () => v.conflictFlag },
);

export const ConsensusSchema = z.object({
  vendorId: IdSchema,
  criterionId: IdSchema,
  value: z.number({ error: () => v.consensusValue }).finite().nullable(),
  rationale: z.string({ error: () => v.rationaleRequired }).trim().min(3, { error: () => v.rationaleRequired }).max(4000),
});

/** Why an evaluator is kept off a vendor: the conflict, which the audit and the panel show (issue 12: it was optional). */
export const EXCLUSION_REASON_REQUIRED = messageSource.validation.exclusionReason;

export const ExclusionSchema = z.object({
  userId: IdSchema, vendorId: IdSchema,
  reason: z.string({ error: () => v.exclusionReason }).trim().min(1, { error: () => v.exclusionReason }).max(1000, { error: () => v.atMostChars(1000) }),
});

export const AssignmentSchema = z.object({ userId: IdSchema, vendorId: IdSchema.optional(), criterionId: IdSchema.optional() });
