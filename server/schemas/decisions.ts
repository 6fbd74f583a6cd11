import { z } from 'zod';
import { IdSchema, OptionalText } from './common.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

/** At most this many vendors in one decision: a shortlist, not the longlist. */
export const MAX_DECISION_VENDORS = 100;

/** POST /decision: the vendor or shortlist chosen, why, and (with provisional vendors) that the facilitator knows. */
export const DecisionSchema = z.object({
  vendorIds: z.array(IdSchema, { error: () => v.vendorIdsList })
    .min(1, { error: () => v.chooseVendor })
    .max(MAX_DECISION_VENDORS, { error: () => v.tooManyVendors(MAX_DECISION_VENDORS) })
    .refine((ids) => new Set(ids).size === ids.length, { error: () => v.vendorTwice }),
  reason: z.string({ error: () => v.required }).trim().min(3, { error: () => v.decisionReason }).max(4000, { error: () => v.atMostChars(4000) }),
  acknowledgeProvisional: z.boolean({ error: () => v.acknowledgeFlag }).optional(),
});

export type DecisionInput = z.infer<typeof DecisionSchema>;

/** POST /approvals: an approver's verdict; an objection must say why. */
export const ApprovalSchema = z.object({
  verdict: z.enum(['approve', 'object'], { error: () => v.verdict }),
  comment: OptionalText(2000).optional(),
}).refine((v) => v.verdict === 'approve' || (v.comment ?? '').length > 0, { error: () => v.objectionComment, path: ['comment'] });

export type ApprovalInput = z.infer<typeof ApprovalSchema>;

/** PATCH /members/{userId}: whether the member signs off the decision. */
export const MemberPatchSchema = z.object({ approver: z.boolean({ error: () => v.approverFlag }) });
