import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { redeemInvite } from '../services/stakeholders.js';
import { createSession } from '../services/accounts.js';
import { writeSessionCookie } from '../security/session-cookie.js';
import { AppError } from '../errors.js';
import { m } from '../../views/messages/index.js';
import { withLinkLang } from '../mail/settings.js';

/** GET /invite/:token — a personal voting link: signs the person in and opens their vote. */
export const invitePages = new Hono<AppEnv>().get('/:token', async (c) => {
  const hit = await redeemInvite(c.get('db'), c.req.param('token'));
  if (!hit) throw new AppError(404, 'invalid_link', m.voting.invalidLink);
  writeSessionCookie(c, await createSession(c.get('db'), hit.userId));
  // The link's language (the inviter's) goes on to the vote until the person picks their own.
  return c.redirect(withLinkLang(`/evaluations/${hit.evaluationId}/vote`, c.req.query('lang')), 303);
});
