import { z } from 'zod';
import { Name } from './common.js';

export const NewMemberSchema = z.object({
  email: z.string({ error: 'Required.' }).trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address.' })),
  role: z.enum(['facilitator', 'evaluator', 'stakeholder', 'observer'], { error: 'Role is one of facilitator, evaluator, stakeholder, observer.' }),
  group: Name(80).optional(),
  /** Asked to sign off the decision (approve or object once the evaluation is decided). */
  approver: z.boolean({ error: 'approver is true or false.' }).optional(),
});
