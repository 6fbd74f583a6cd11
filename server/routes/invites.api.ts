import { z } from '@hono/zod-openapi';
import { InviteSchema } from '../schemas/votes.js';
import { inviteStakeholder, revokeInvite } from '../services/stakeholders.js';
import { groupNamed } from '../../db/queries/stakeholder-groups.js';
import { notFound } from '../errors.js';
import { idParam } from './params.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { deleteRoute, writeRoute } from '../openapi/specs.js';
import { deliverWithin } from '../mail/outbox.js';
import { absolute, mailSettings, withLang } from '../mail/settings.js';

/** A personal voting link on this server's own origin. */
/** A personal vote link's path, in the inviter's language until the invitee picks one (issue 16). */
export const invitePath = (token: string) => withLang(`/invite/${token}`);
export const inviteLink = (requestUrl: string, token: string) => `${new URL(requestUrl).origin}${invitePath(token)}`;

const invite = writeRoute({
  access: 'edit', method: 'post', summary: 'Invite a stakeholder to vote through a personal link (facilitator)', body: InviteSchema, status: 201,
  success: ok('The invitation and its link.', z.object({ inviteId: z.string(), userId: z.string(), link: z.string(), emailed: z.boolean().describe('True when the link was e-mailed (SMTP_URL set) and the mail server accepted it within the request.') })),
});
const revoke = deleteRoute({ access: 'edit', path: '/{inviteId}', summary: 'Revoke an invitation (facilitator)' });

/** /api/v1/evaluations/:id/invites — personal voting links for stakeholders. */
export const invitesApi = apiRouter('Invitations')
  .openapi(invite, async (c) => {
    const a = c.var.actor;
    const body = c.req.valid('json');
    let groupId: number | null = null;
    if (body.group) {
      groupId = (await groupNamed(c.get('db'), a.evaluation.id, body.group))?.id ?? null;
      if (groupId === null) throw notFound('group');
    }
    const settings = mailSettings(c.get('env'));
    const mail = { settings, sender: c.get('user')?.name ?? 'The facilitator', link: (token: string) => absolute(settings.appUrl, invitePath(token)) };
    const inv = await inviteStakeholder(c.get('db'), a, { email: body.email, name: body.name, groupId }, mail);
    const emailed = await deliverWithin(c.get('db'), settings, inv.mailIds);
    return c.json({ inviteId: String(inv.inviteId), userId: String(inv.userId), link: inviteLink(c.req.url, inv.token), emailed }, 201);
  })
  .openapi(revoke, async (c) => {
    await revokeInvite(c.get('db'), c.var.actor, idParam(c, 'inviteId', 'invitation'));
    return c.body(null, 204);
  });
