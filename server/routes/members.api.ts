import { z } from '@hono/zod-openapi';
import { NewMemberSchema } from '../schemas/members.js';
import { MemberPatchSchema } from '../schemas/decisions.js';
import { addMember, setApprover } from '../services/members.js';
import { removeMember } from '../services/panel-admin.js';
import { idParam } from './params.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { deleteRoute, writeRoute } from '../openapi/specs.js';

const add = writeRoute({
  access: 'edit', method: 'post', summary: 'Add an existing user to the panel (facilitator)', body: NewMemberSchema, status: 201,
  success: ok('The new member.', z.object({ userId: z.string(), role: NewMemberSchema.shape.role, group: z.string().optional(), approver: z.boolean() })),
});
const patch = writeRoute({
  access: 'edit', method: 'patch', path: '/{userId}', summary: 'Flag a member as an approver, who signs off the decision, or not (facilitator; before deciding)', body: MemberPatchSchema,
  success: ok('The member’s flag.', z.object({ userId: z.string(), approver: z.boolean() })),
});
const remove = deleteRoute({ access: 'edit', path: '/{userId}', summary: 'Remove a member from the panel (facilitator)' });

/** /api/v1/evaluations/:id/members — adding people to the panel and removing them. */
export const membersApi = apiRouter('Members')
  .openapi(add, async (c) => {
    const body = c.req.valid('json');
    const { userId } = await addMember(c.get('db'), c.var.actor, body);
    return c.json({ userId: String(userId), role: body.role, ...(body.group ? { group: body.group } : {}), approver: body.approver ?? false }, 201);
  })
  .openapi(patch, async (c) => {
    const userId = idParam(c, 'userId', 'The member');
    const { approver } = c.req.valid('json');
    await setApprover(c.get('db'), c.var.actor, userId, approver);
    return c.json({ userId: String(userId), approver });
  })
  .openapi(remove, async (c) => {
    await removeMember(c.get('db'), c.var.actor, idParam(c, 'userId', 'The member'));
    return c.body(null, 204);
  });
