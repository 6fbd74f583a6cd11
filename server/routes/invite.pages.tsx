import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { redeemInvite } from '../services/stakeholders.js';
import { createSession, SESSION_DAYS } from '../services/accounts.js';
import { SESSION_COOKIE } from '../middleware/auth.js';
import { AppError } from '../errors.js';
import { m } from '../../views/messages/index.js';

/** GET /invite/:token — a personal voting link: signs the person in and opens their vote. */
export const invitePages = new Hono<AppEnv>().get('/:token', async (c) => {
  const hit = await redeemInvite(c.get('db'), c.req.param('token'));
  if (!hit) throw new AppError(404, 'invalid_link', m.voting.invalidLink);
  setCookie(c, SESSION_COOKIE, await createSession(c.get('db'), hit.userId), {
    httpOnly: true, sameSite: 'Lax', path: '/', secure: c.get('env').COOKIE_SECURE === '1', maxAge: SESSION_DAYS * 86_400,
  });
  return c.redirect(`/evaluations/${hit.evaluationId}/vote`, 303);
});
