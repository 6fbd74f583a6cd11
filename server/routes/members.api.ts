import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { NewMemberSchema } from '../schemas/members.js';
import { MemberPatchSchema } from '../schemas/decisions.js';
import { setApprover } from '../services/members.js';
import { addOrInviteMember, joinPath } from '../services/invitations.js';
import { removeMember } from '../services/panel-admin.js';
import { membersList } from '../read-models/members.js';
import { deliverWithin } from '../mail/outbox.js';
import { absolute, mailSettings } from '../mail/settings.js';
import { idParam } from './params.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { deleteRoute, readRoute, writeRoute } from '../openapi/specs.js';

const Added = z.object({ status: z.literal('active').optional(), userId: z.string(), role: NewMemberSchema.shape.role, group: z.string().optional(), approver: z.boolean() });
const Invited = z.object({
  status: z.literal('invited'), emailed: z.boolean().describe('True when the invitation reached the mail server within the request; otherwise it stays in the outbox and is retried.'),
  link: z.string().optional().describe('The personal join link, only when e-mail is off (SMTP_URL unset): pass it on yourself.'),
});
const add = writeRoute({
  access: 'edit', method: 'post', summary: 'Add a member by e-mail (facilitator): an existing account joins at once; an e-mail without one is invited with a personal, single-use join link', body: NewMemberSchema, status: 201,
  success: ok('The new member, or the invitation sent.', z.union([Added, Invited])),
});
const MemberList = z.object({
  members: z.array(z.object({
    userId: z.string().nullable(), email: z.string(), name: z.string(), role: NewMemberSchema.shape.role, status: z.enum(['active', 'invited']),
    group: z.string().nullable(), approver: z.boolean(), addedAt: z.string().nullable(), invitedAt: z.string().nullable(), expiresAt: z.string().nullable(),
  })),
});
const list = readRoute({ access: 'read', summary: 'The members, and those invited who have not joined yet (facilitator, observer)', success: ok('Current members, then pending invitations.', MemberList) });
const patch = writeRoute({
  access: 'edit', method: 'patch', path: '/{userId}', summary: 'Flag a member as an approver, who signs off the decision, or not (facilitator; before deciding)', body: MemberPatchSchema,
  success: ok('The member’s flag.', z.object({ userId: z.string(), approver: z.boolean() })),
});
const remove = deleteRoute({ access: 'edit', path: '/{userId}', summary: 'Remove a member from the panel (facilitator)' });

/** The invitation's answer: whether the mail went out in time, or the link to pass on when e-mail is off. */
async function invitationAnswer(c: Context<AppEnv>, mailIds: number[], token: string) {
  const settings = mailSettings(c.get('env'));
  if (!settings.enabled) return { status: 'invited' as const, emailed: false, link: absolute(new URL(c.req.url).origin, joinPath(token)) };
  return { status: 'invited' as const, emailed: await deliverWithin(c.get('db'), settings, mailIds) };
}

/** /api/v1/evaluations/:id/members — adding people to the panel (or inviting them), listing and removing them. */
export const membersApi = apiRouter('Members')
  .openapi(list, async (c) => {
    const rows = await membersList(c.get('db'), c.var.actor);
    return c.json({ members: rows.map((r) => ({ ...r, userId: r.userId === null ? null : String(r.userId) })) });
  })
  .openapi(add, async (c) => {
    const body = c.req.valid('json');
    const out = await addOrInviteMember(c.get('db'), c.var.actor, body, { name: c.get('user')?.name ?? 'The facilitator', settings: mailSettings(c.get('env')) });
    if (out.status === 'invited') return c.json(await invitationAnswer(c, out.mailIds, out.token), 201);
    return c.json({ status: 'active' as const, userId: String(out.userId), role: body.role, ...(body.group ? { group: body.group } : {}), approver: body.approver ?? false }, 201);
  })
  .openapi(patch, async (c) => {
    const userId = idParam(c, 'userId', 'member');
    const { approver } = c.req.valid('json');
    await setApprover(c.get('db'), c.var.actor, userId, approver);
    return c.json({ userId: String(userId), approver });
  })
  .openapi(remove, async (c) => {
    await removeMember(c.get('db'), c.var.actor, idParam(c, 'userId', 'member'));
    return c.body(null, 204);
  });
