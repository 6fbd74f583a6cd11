import { z } from 'zod';

const Id = z.string().regex(/^[1-9]\d{0,14}$/, { error: 'Criterion ids are strings of digits.' });

/** A vote body as API.md has it; the domain then checks the numbers (sums, scale, reciprocity). */
export const VoteSchema = z.discriminatedUnion(
  'method',
  [
    z.object({ method: z.literal('points'), points: z.record(Id, z.number({ error: 'A number of points.' })) }),
    z.object({ method: z.literal('rating'), ratings: z.record(Id, z.number({ error: 'A rating from 1 to 5.' })) }),
    z.object({ method: z.literal('rank'), order: z.array(Id).min(1).max(50) }),
    z.object({ method: z.literal('ahp'), criteria: z.array(Id).min(1).max(20), matrix: z.array(z.array(z.number({ error: 'Matrix entries are numbers.' })).max(20)).max(20) }),
  ],
  { error: 'method is one of points, rating, rank, ahp.' },
);
export type VoteBody = z.infer<typeof VoteSchema>;

export const StatusSchema = z.object({
  status: z.enum(['draft', 'voting', 'scoring', 'review', 'decided'], { error: 'status is one of draft, voting, scoring, review, decided.' }),
  /** Go past the overridable preconditions (closing scoring before everyone submitted); recorded in the audit entry. */
  force: z.boolean({ error: 'force is true or false.' }).optional(),
});

export const VotingSettingsSchema = z.object({
  methods: z.array(z.enum(['points', 'rating', 'rank', 'ahp'])).min(1, { error: 'Allow at least one method.' }),
  aggregation: z.enum(['mean', 'median', 'geometric']),
  ahpMode: z.enum(['aip', 'aij']),
  excludeInconsistent: z.boolean(),
});

export const InviteSchema = z.object({
  email: z.string({ error: 'Required.' }).trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address.' })),
  name: z.string().trim().max(100).optional(),
  group: z.string().trim().min(1).max(80).optional(),
});

export const GroupSchema = z.object({
  name: z.string({ error: 'Required.' }).trim().min(1, { error: 'Required.' }).max(80),
  weight: z.number({ error: 'A number.' }).finite().min(0, { error: 'A group weight cannot be negative.' }).max(1000).default(1),
});
