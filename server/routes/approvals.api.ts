import { z } from '@hono/zod-openapi';
import { ApprovalSchema } from '../schemas/decisions.js';
import { giveVerdict } from '../services/approvals.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { writeRoute } from '../openapi/specs.js';

const give = writeRoute({
  access: 'approve', method: 'post',
  summary: 'Approve or object to the decision (members flagged `approver`; others 403). One verdict per approver, a later one replaces it; an objection needs a comment; 409 `not_decided` before the decision.',
  body: ApprovalSchema,
  success: ok('The verdict as recorded.', z.object({ userId: z.string(), verdict: z.enum(['approve', 'object']), comment: z.string(), at: z.string() })),
});

/** /api/v1/evaluations/:id/approvals — an approver signs off the decision, or objects to it. */
export const approvalsApi = apiRouter('Decision').openapi(give, async (c) => {
  const a = c.var.actor;
  return c.json({ userId: String(a.userId), ...(await giveVerdict(c.get('db'), a, c.req.valid('json'))) });
});
