import { z } from 'zod';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

/** The longest screening reason kept: it is shown beside the vendor and in the audit log. */
export const REASON_MAX = 300;

/** Why vendors leave the running; what the facilitator types on a screening form. */
export const ScreenReasonSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, { error: () => v.screenReason })
    .max(REASON_MAX, { error: () => v.atMostChars(REASON_MAX) }),
});
