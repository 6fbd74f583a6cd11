import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { InviteSchema } from '../schemas/votes.js';
import { accessEvaluation } from '../access.js';
import { inviteStakeholder, revokeInvite } from '../services/stakeholders.js';
import { groupNamed } from '../../db/queries/stakeholder-groups.js';
import { notFound } from '../errors.js';
import { idParam } from './params.js';

/** A personal voting link on this server's own origin. */
export const inviteLink = (requestUrl: string, token: string) => `${new URL(requestUrl).origin}/invite/${token}`;

/** /api/v1/evaluations/:id/invites — personal voting links for stakeholders. */
export const invitesApi = new Hono<AppEnv>()
  .post('/', apiValid('json', InviteSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const body = c.req.valid('json');
    let groupId: number | null = null;
    if (body.group) {
      groupId = (await groupNamed(c.get('db'), a.evaluation.id, body.group))?.id ?? null;
      if (groupId === null) throw notFound('The stakeholder group');
    }
    const inv = await inviteStakeholder(c.get('db'), a, { email: body.email, name: body.name, groupId });
    return c.json({ inviteId: String(inv.inviteId), userId: String(inv.userId), link: inviteLink(c.req.url, inv.token) }, 201);
  })
  .delete('/:inviteId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await revokeInvite(c.get('db'), a, idParam(c, 'inviteId', 'The invitation'));
    return c.body(null, 204);
  });
