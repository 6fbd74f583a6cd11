import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { DeadResetLinkPage, ResetPasswordPage, ResetRequestPage } from '../../views/pages/password-reset.js';
import { html } from '../../views/render.js';
import { formValidator } from '../forms.js';
import { ResetPasswordFormSchema, ResetRequestSchema } from '../schemas/accounts.js';
import { requestPasswordReset, resetLinkState, resetPassword } from '../services/password-reset.js';
import { mailSettings } from '../mail/settings.js';
import { deliverSoon } from '../mail/outbox.js';
import { clientAddress } from '../security/client-address.js';
import { RetryLater } from '../errors.js';
import { m } from '../../views/messages/index.js';

/** A subtree read through `m`, so in the request's language (ADR 034). */
const t = m.passwordReset;

// A dead link is gone for good, whichever way it died (as /join/:token answers).
const GONE = 410;
// Without e-mail the feature is absent here (as the API says), not broken.
const UNAVAILABLE = 404;

const mailOn = (c: Context<AppEnv>) => mailSettings(c.get('env')).enabled;

async function renderSetForm(c: Context<AppEnv>, token: string, errors?: Record<string, string>) {
  const { state, email } = await resetLinkState(c.get('db'), token);
  if (state !== 'open' || email === null) return html(c, <DeadResetLinkPage state={state === 'open' ? 'unknown' : state} />, state === 'unknown' || state === 'open' ? 404 : GONE);
  return html(c, <ResetPasswordPage token={token} email={email} errors={errors} />, errors ? 422 : 200);
}

const requestForm = formValidator(ResetRequestSchema, (c, errors, values) => html(c, <ResetRequestPage available={mailOn(c)} errors={errors} values={values} />, 422));
const setForm = formValidator(ResetPasswordFormSchema, (c, errors) => renderSetForm(c as Context<AppEnv>, c.req.param('token') ?? '', errors));

/**
 * /password-reset: "Forgot your password?" (an address → the same answer for every address, and a
 * mailed single-use link when it has an account), and /password-reset/:token, the link's form.
 * Without e-mail the first says whom to ask instead (404 on a post).
 */
export const passwordResetPages = new Hono<AppEnv>()
  .get('/', (c) => html(c, <ResetRequestPage available={mailOn(c)} />))
  .post('/', async (c, next) => (mailOn(c) ? next() : html(c, <ResetRequestPage available={false} />, UNAVAILABLE)), requestForm, async (c) => {
    const { email } = c.req.valid('form');
    const settings = mailSettings(c.get('env'));
    try {
      const { mailIds } = await requestPasswordReset(c.get('db'), settings, email, clientAddress(c));
      deliverSoon(c.get('db'), settings, mailIds);
    } catch (err) {
      if (!(err instanceof RetryLater)) throw err;
      c.header('Retry-After', String(err.retryAfter));
      return html(c, <ResetRequestPage available errors={{ _: t.tooManyRequests(Math.ceil(err.retryAfter / 60)) }} values={{ email }} />, 429);
    }
    return html(c, <ResetRequestPage available sentTo={email} />);
  })
  .get('/:token', (c) => renderSetForm(c, c.req.param('token')))
  .post('/:token', setForm, async (c) => {
    const out = await resetPassword(c.get('db'), c.req.param('token'), c.req.valid('form').password, clientAddress(c));
    if (!out.ok) return html(c, <DeadResetLinkPage state={out.state} />, out.state === 'unknown' ? 404 : GONE);
    return c.redirect('/login?reset=done', 303);
  });
