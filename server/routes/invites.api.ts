import { z } from '@hono/zod-openapi';
import { InviteSchema } from '../schemas/votes.js';
import { inviteStakeholder, revokeInvite } from '../services/stakeholders.js';
import { groupNamed } from '../../db/queries/stakeholder-groups.js';
import { notFound } from '../errors.js';
import { idParam } from './params.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, NO_CONTENT, WRITE_ERRORS, errors, jsonBody, ok, pathParams } from '../openapi/shapes.js';

/** A personal voting link on this server's own origin. */
export const inviteLink = (requestUrl: string, token: string) => `${new URL(requestUrl).origin}/invite/${token}`;

const invite = apiRoute({
  access: 'edit', method: 'post', path: '/', summary: 'Invite a stakeholder to vote through a personal link (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(InviteSchema) },
  responses: { 201: ok('The invitation and its link.', z.object({ inviteId: z.string(), userId: z.string(), link: z.string() })), ...errors(...WRITE_ERRORS) },
});
const revoke = apiRoute({
  access: 'edit', method: 'delete', path: '/{inviteId}', summary: 'Revoke an invitation (facilitator)',
  request: { params: pathParams('id', 'inviteId') },
  responses: { 204: NO_CONTENT, ...errors(...WRITE_ERRORS) },
});

/** /api/v1/evaluations/:id/invites — personal voting links for stakeholders. */
export const invitesApi = apiRouter('Invitations')
  .openapi(invite, async (c) => {
    const a = c.var.actor;
    const body = c.req.valid('json');
    let groupId: number | null = null;
    if (body.group) {
      groupId = (await groupNamed(c.get('db'), a.evaluation.id, body.group))?.id ?? null;
      if (groupId === null) throw notFound('The stakeholder group');
    }
    const inv = await inviteStakeholder(c.get('db'), a, { email: body.email, name: body.name, groupId });
    return c.json({ inviteId: String(inv.inviteId), userId: String(inv.userId), link: inviteLink(c.req.url, inv.token) }, 201);
  })
  .openapi(revoke, async (c) => {
    const a = c.var.actor;
    await revokeInvite(c.get('db'), a, idParam(c, 'inviteId', 'The invitation'));
    return c.body(null, 204);
  });
