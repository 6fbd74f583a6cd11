import { z } from 'zod';

/** The longest screening reason kept: it is shown beside the vendor and in the audit log. */
export const REASON_MAX = 300;

/** Why vendors leave the running; what the facilitator types on a screening form. */
export const ScreenReasonSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, { error: 'Say why, so the panel can see it beside each vendor.' })
    .max(REASON_MAX, { error: `At most ${REASON_MAX} characters.` }),
});
