import { z } from 'zod';
import { Name } from './common.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

export const NewMemberSchema = z.object({
  email: z.string({ error: () => v.required }).trim().toLowerCase().pipe(z.email({ error: () => v.email })),
  role: z.enum(['facilitator', 'evaluator', 'stakeholder', 'observer'], { error: () => v.role }),
  group: Name(80).optional(),
  /** Asked to sign off the decision (approve or object once the evaluation is decided). */
  approver: z.boolean({ error: () => v.approverFlag }).optional(),
});
