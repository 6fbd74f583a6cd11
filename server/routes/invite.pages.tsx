import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { redeemInvite } from '../services/stakeholders.js';
import { createSession } from '../services/accounts.js';
import { writeSessionCookie } from '../security/session-cookie.js';
import { AppError } from '../errors.js';
import { m } from '../../views/messages/index.js';

/** GET /invite/:token — a personal voting link: signs the person in and opens their vote. */
export const invitePages = new Hono<AppEnv>().get('/:token', async (c) => {
  const hit = await redeemInvite(c.get('db'), c.req.param('token'));
  if (!hit) throw new AppError(404, 'invalid_link', m.voting.invalidLink);
  writeSessionCookie(c, await createSession(c.get('db'), hit.userId));
  return c.redirect(`/evaluations/${hit.evaluationId}/vote`, 303);
});
