import { z } from '@hono/zod-openapi';
import { ChangePasswordSchema, LoginSchema, SignupSchema } from '../schemas/accounts.js';
import { changePassword, createApiToken, revokeApiToken, signIn, signup } from '../services/accounts.js';
import { clientAddress } from '../security/client-address.js';
import { apiTokensOf } from '../../db/queries/sessions.js';
import { AppError, notFound, unauthorized } from '../errors.js';
import { requireApiUser } from '../middleware/auth.js';
import { parseId } from '../ids.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { NO_CONTENT, errors, jsonBody, ok, pathParams } from '../openapi/shapes.js';
import { m } from '../../views/messages/index.js';

const signupRoute = apiRoute({
  method: 'post', path: '/signup', summary: 'Create an account and its team; answers an API token', security: [],
  request: { body: jsonBody(SignupSchema) },
  responses: { 201: ok('The new account.', z.object({ userId: z.string(), teamId: z.string(), token: z.string() })), ...errors(400, 409) },
});
const tokenRoute = apiRoute({
  method: 'post', path: '/token', summary: 'Exchange email and password for an API token', security: [],
  request: { body: jsonBody(LoginSchema) },
  responses: { 200: ok('A new token.', z.object({ token: z.string() })), ...errors(400, 401, 429) },
});
const passwordRoute = apiRoute({
  method: 'post', path: '/password', middleware: [requireApiUser] as const,
  summary: 'Change the caller’s password: every session and API token is revoked, and a new token is answered',
  request: { body: jsonBody(ChangePasswordSchema) },
  responses: { 200: ok('A new token; every earlier session and token no longer works.', z.object({ token: z.string() })), ...errors(400, 401, 429) },
});
const listTokens = apiRoute({
  method: 'get', path: '/tokens', summary: 'The caller’s API tokens', middleware: [requireApiUser] as const,
  responses: {
    200: ok('Every token, revoked ones included.', z.object({ tokens: z.array(z.object({ id: z.string(), label: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })) })),
    ...errors(401),
  },
});
const revokeToken = apiRoute({
  method: 'delete', path: '/tokens/{tokenId}', summary: 'Revoke one of the caller’s API tokens', middleware: [requireApiUser] as const,
  request: { params: pathParams('tokenId') },
  responses: { 204: NO_CONTENT, ...errors(401, 404) },
});

/** Accounts and API tokens: /api/v1/auth. */
// Typed as a plain router: the chain's inferred type grew too complex for app.ts's mount table.
export const authApi: ReturnType<typeof apiRouter> = apiRouter('Accounts')
  .openapi(signupRoute, async (c) => {
    const body = c.req.valid('json');
    const { userId, teamId } = await signup(c.get('db'), body);
    const { token } = await createApiToken(c.get('db'), userId, 'signup');
    return c.json({ userId: String(userId), teamId: String(teamId), token }, 201);
  })
  .openapi(tokenRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const userId = await signIn(c.get('db'), email, password, clientAddress(c));
    if (userId === null) throw new AppError(401, 'invalid_credentials', m.errors.wrongCredentials);
    const { token } = await createApiToken(c.get('db'), userId, 'api');
    return c.json({ token }, 200);
  })
  .openapi(passwordRoute, async (c) => {
    const userId = c.get('user')!.id;
    await changePassword(c.get('db'), userId, c.req.valid('json'), clientAddress(c));
    const { token } = await createApiToken(c.get('db'), userId, 'password change');
    return c.json({ token }, 200);
  })
  .openapi(listTokens, async (c) => {
    const rows = await apiTokensOf(c.get('db'), c.get('user')!.id);
    return c.json({ tokens: rows.map((t) => ({ id: String(t.id), label: t.label, createdAt: t.created_at, revokedAt: t.revoked_at })) });
  })
  .openapi(revokeToken, async (c) => {
    const id = parseId(c.req.param('tokenId'));
    const user = c.get('user');
    if (!user) throw unauthorized();
    if (id === null || !(await revokeApiToken(c.get('db'), user.id, id))) throw notFound('token');
    return c.body(null, 204);
  });
