import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { ResetConfirmSchema, ResetRequestSchema } from '../schemas/accounts.js';
import { requestPasswordReset, resetPassword, resetUnavailable } from '../services/password-reset.js';
import { mailSettings } from '../mail/settings.js';
import { deliverSoon } from '../mail/outbox.js';
import { clientAddress } from '../security/client-address.js';
import { AppError } from '../errors.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { NO_CONTENT, errors, jsonBody, ok } from '../openapi/shapes.js';
import { m } from '../../views/messages/index.js';

/** Without e-mail the endpoints are absent (404), checked before the body so nothing about it is told. */
const mailRequired: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!mailSettings(c.get('env')).enabled) throw resetUnavailable();
  await next();
};

const UNAVAILABLE = { ...errors(404)[404], description: 'This server sends no e-mail, so it offers no password reset (`password_reset_unavailable`).' };

const requestRoute = apiRoute({
  method: 'post', path: '/password-reset', security: [], middleware: [mailRequired] as const,
  summary: 'Ask for a password-reset link by e-mail (only when the server sends e-mail); the same answer for every address',
  request: { body: jsonBody(ResetRequestSchema) },
  responses: {
    202: ok('Accepted; whether the address has an account is never said.', z.object({ message: z.string() })),
    ...errors(400, 429),
    404: UNAVAILABLE,
  },
});
const confirmRoute = apiRoute({
  method: 'post', path: '/password-reset/confirm', security: [], middleware: [mailRequired] as const,
  summary: 'Set a new password with the token of a reset link: every session, API token and other reset link of the person is revoked',
  request: { body: jsonBody(ResetConfirmSchema) },
  responses: {
    204: NO_CONTENT,
    ...errors(400, 429),
    404: UNAVAILABLE,
  },
});

/** Password reset by e-mail: /api/v1/auth/password-reset (issue 15, promise 7). */
export const passwordResetApi: ReturnType<typeof apiRouter> = apiRouter('Accounts')
  .openapi(requestRoute, async (c) => {
    const settings = mailSettings(c.get('env'));
    const { mailIds } = await requestPasswordReset(c.get('db'), settings, c.req.valid('json').email, clientAddress(c));
    deliverSoon(c.get('db'), settings, mailIds);
    return c.json({ message: m.errors.resetSent }, 202);
  })
  .openapi(confirmRoute, async (c) => {
    const { token, newPassword } = c.req.valid('json');
    const out = await resetPassword(c.get('db'), token, newPassword, clientAddress(c));
    if (!out.ok) {
      const dead = m.errors.resetLink[out.state];
      throw new AppError(400, 'invalid_reset_link', dead, { token: dead });
    }
    return c.body(null, 204);
  });
