import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { JoinLinkPage, JoinPage } from '../../views/pages/join.js';
import { html } from '../../views/render.js';
import { formValidator } from '../forms.js';
import { JoinSchema } from '../schemas/forms/join.js';
import { acceptInvitation, joinLinkState } from '../services/invitations.js';
import { createSession } from '../services/accounts.js';
import { evaluationName } from '../../db/queries/member-invitations.js';
import { writeSessionCookie } from '../security/session-cookie.js';
import { withLinkLang } from '../mail/settings.js';

// A dead link is gone for good, whichever way it died.
const GONE = 410;

async function renderJoin(c: Context<AppEnv>, token: string, errors?: Record<string, string>, values?: Record<string, string>) {
  const { state, invitation } = await joinLinkState(c.get('db'), token);
  if (state !== 'open' || !invitation) return html(c, <JoinLinkPage state={state === 'open' ? 'unknown' : state} />, state === 'unknown' ? 404 : GONE);
  const page = <JoinPage token={token} evaluation={await evaluationName(c.get('db'), invitation.evaluation_id)} email={invitation.email} errors={errors} values={values} />;
  return html(c, page, errors ? 422 : 200);
}

const joinForm = formValidator(JoinSchema, (c, errors, values) => renderJoin(c as Context<AppEnv>, c.req.param('token') ?? '', errors, values));

/** GET/POST /join/:token — a personal, single-use invitation: set a name and password, then land in the evaluation signed in. */
export const joinPages = new Hono<AppEnv>()
  .get('/:token', (c) => renderJoin(c, c.req.param('token')))
  .post('/:token', joinForm, async (c) => {
    const out = await acceptInvitation(c.get('db'), c.req.param('token'), c.req.valid('form'));
    if (!out.ok) return html(c, <JoinLinkPage state={out.state} />, out.state === 'unknown' ? 404 : GONE);
    if (!out.signIn) return html(c, <JoinLinkPage state="existing" />);
    writeSessionCookie(c, await createSession(c.get('db'), out.userId));
    return c.redirect(withLinkLang(`/evaluations/${out.evaluationId}`, c.req.query('lang')), 303);
  });
