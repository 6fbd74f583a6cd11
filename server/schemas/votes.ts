import { z } from 'zod';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

const Id = z.string().regex(/^[1-9]\d{0,14}$/, { error: () => v.voteCriterionIds });

/** A vote body as API.md has it; the domain then checks the numbers (sums, scale, reciprocity). */
export const VoteSchema = z.discriminatedUnion(
  'method',
  [
    z.object({ method: z.literal('points'), points: z.record(Id, z.number({ error: () => v.votePoints })) }),
    z.object({ method: z.literal('rating'), ratings: z.record(Id, z.number({ error: () => v.voteRating })) }),
    z.object({ method: z.literal('rank'), order: z.array(Id).min(1).max(50) }),
    z.object({ method: z.literal('ahp'), criteria: z.array(Id).min(1).max(20), matrix: z.array(z.array(z.number({ error: () => v.voteMatrix })).max(20)).max(20) }),
  ],
  { error: () => v.voteMethod },
);
export type VoteBody = z.infer<typeof VoteSchema>;

export const StatusSchema = z.object({
  status: z.enum(['draft', 'voting', 'scoring', 'review', 'decided'], { error: () => v.status }),
  /** Go past the overridable preconditions (closing scoring before everyone submitted); recorded in the audit entry. */
  force: z.boolean({ error: () => v.forceFlag }).optional(),
});

export const VotingSettingsSchema = z.object({
  methods: z.array(z.enum(['points', 'rating', 'rank', 'ahp'])).min(1, { error: () => v.votingMethods }),
  aggregation: z.enum(['mean', 'median', 'geometric']),
  ahpMode: z.enum(['aip', 'aij']),
  excludeInconsistent: z.boolean(),
});

export const InviteSchema = z.object({
  email: z.string({ error: () => v.required }).trim().toLowerCase().pipe(z.email({ error: () => v.email })),
  name: z.string().trim().max(100).optional(),
  group: z.string().trim().min(1).max(80).optional(),
});

export const GroupSchema = z.object({
  name: z.string({ error: () => v.required }).trim().min(1, { error: () => v.required }).max(80),
  weight: z.number({ error: () => v.number }).finite().min(0, { error: () => v.groupWeightNegative }).max(1000).default(1),
});
