import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { AccountPage } from '../../views/pages/account.js';
import { html } from '../../views/render.js';
import { formValidator } from '../forms.js';
import { ChangePasswordSchema } from '../schemas/accounts.js';
import { changePassword, createSession } from '../services/accounts.js';
import { clientAddress } from '../security/client-address.js';
import { writeSessionCookie } from '../security/session-cookie.js';
import { AppError, RetryLater, type FieldErrors } from '../errors.js';
import { m } from '../../views/messages/index.js';

const page = (c: Context<AppEnv>, errors?: FieldErrors, status: 200 | 422 | 429 = 200) =>
  html(c, <AccountPage user={c.get('user')!} errors={errors} changed={c.req.query('changed') === '1'} />, status);

const passwordForm = formValidator(ChangePasswordSchema, (c, errors) => page(c, errors, 422));

/** GET /account and POST /account/password (mounted behind requirePageUser). */
export const accountPages = new Hono<AppEnv>()
  .get('/', (c) => page(c))
  .post('/password', passwordForm, async (c) => {
    const userId = c.get('user')!.id;
    try {
      await changePassword(c.get('db'), userId, c.req.valid('form'), clientAddress(c));
    } catch (err) {
      if (err instanceof RetryLater) {
        c.header('Retry-After', String(err.retryAfter));
        return page(c, { _: m.auth.tooManyAttempts(Math.ceil(err.retryAfter / 60)) }, 429);
      }
      if (err instanceof AppError && err.code === 'wrong_password') return page(c, { currentPassword: m.auth.wrongCurrentPassword }, 422);
      throw err;
    }
    // Every session ended, this one too: the person who changed it gets a fresh one.
    writeSessionCookie(c, await createSession(c.get('db'), userId));
    return c.redirect('/account?changed=1', 303);
  });
