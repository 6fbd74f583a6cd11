import { z } from '@hono/zod-openapi';
import { NewMemberSchema } from '../schemas/members.js';
import { addMember } from '../services/members.js';
import { removeMember } from '../services/panel-admin.js';
import { idParam } from './params.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, NO_CONTENT, WRITE_ERRORS, errors, jsonBody, ok, pathParams } from '../openapi/shapes.js';

const add = apiRoute({
  access: 'edit', method: 'post', path: '/', summary: 'Add an existing user to the panel (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(NewMemberSchema) },
  responses: { 201: ok('The new member.', z.object({ userId: z.string(), role: NewMemberSchema.shape.role, group: z.string().optional() })), ...errors(...WRITE_ERRORS) },
});
const remove = apiRoute({
  access: 'edit', method: 'delete', path: '/{userId}', summary: 'Remove a member from the panel (facilitator)',
  request: { params: pathParams('id', 'userId') },
  responses: { 204: NO_CONTENT, ...errors(...WRITE_ERRORS) },
});

/** /api/v1/evaluations/:id/members — adding people to the panel and removing them. */
export const membersApi = apiRouter('Members')
  .openapi(add, async (c) => {
    const a = c.var.actor;
    const body = c.req.valid('json');
    const { userId } = await addMember(c.get('db'), a, body);
    return c.json({ userId: String(userId), role: body.role, ...(body.group ? { group: body.group } : {}) }, 201);
  })
  .openapi(remove, async (c) => {
    const a = c.var.actor;
    await removeMember(c.get('db'), a, idParam(c, 'userId', 'The member'));
    return c.body(null, 204);
  });
