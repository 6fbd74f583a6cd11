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

export const ExclusionSchema = z.object({ userId: IdSchema, vendorId: IdSchema, reason: z.string().trim().max(1000).default('') });

export const AssignmentSchema = z.object({ userId: IdSchema, vendorId: IdSchema.optional(), criterionId: IdSchema.optional() });
