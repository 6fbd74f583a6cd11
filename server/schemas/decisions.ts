import { z } from 'zod';
import { IdSchema, OptionalText } from './common.js';

/** At most this many vendors in one decision: a shortlist, not the longlist. */
export const MAX_DECISION_VENDORS = 100;

/** POST /decision: the vendor or shortlist chosen, why, and (with provisional vendors) that the facilitator knows. */
export const DecisionSchema = z.object({
  vendorIds: z.array(IdSchema, { error: 'vendorIds is a list of vendor ids.' })
    .min(1, { error: 'Choose at least one vendor.' })
    .max(MAX_DECISION_VENDORS, { error: `At most ${MAX_DECISION_VENDORS} vendors.` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'A vendor is named twice.' }),
  reason: z.string({ error: 'Required.' }).trim().min(3, { error: 'Give the reason for the decision (at least 3 characters).' }).max(4000, { error: 'At most 4000 characters.' }),
  acknowledgeProvisional: z.boolean({ error: 'acknowledgeProvisional is true or false.' }).optional(),
});

export type DecisionInput = z.infer<typeof DecisionSchema>;

/** POST /approvals: an approver's verdict; an objection must say why. */
export const ApprovalSchema = z.object({
  verdict: z.enum(['approve', 'object'], { error: 'Choose approve or object.' }),
  comment: OptionalText(2000).optional(),
}).refine((v) => v.verdict === 'approve' || (v.comment ?? '').length > 0, { error: 'An objection needs a comment saying why.', path: ['comment'] });

export type ApprovalInput = z.infer<typeof ApprovalSchema>;

/** PATCH /members/{userId}: whether the member signs off the decision. */
export const MemberPatchSchema = z.object({ approver: z.boolean({ error: 'approver is true or false.' }) });
