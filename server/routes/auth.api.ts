import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { LoginSchema, SignupSchema } from '../schemas/accounts.js';
import { authenticate, createApiToken, listApiTokens, revokeApiToken, signup } from '../services/accounts.js';
import { AppError, notFound, unauthorized } from '../errors.js';
import { requireApiUser } from '../middleware/auth.js';
import { parseId } from '../ids.js';

/** Accounts and API tokens: /api/v1/auth. */
export const authApi = new Hono<AppEnv>()
  .post('/signup', apiValid('json', SignupSchema), async (c) => {
    const body = c.req.valid('json');
    const { userId, teamId } = await signup(c.get('db'), body);
    const { token } = await createApiToken(c.get('db'), userId, 'signup');
    return c.json({ userId: String(userId), teamId: String(teamId), token }, 201);
  })
  .post('/token', apiValid('json', LoginSchema), async (c) => {
    const { email, password } = c.req.valid('json');
    const userId = await authenticate(c.get('db'), email, password);
    if (userId === null) throw new AppError(401, 'invalid_credentials', 'The email or password is wrong.');
    const { token } = await createApiToken(c.get('db'), userId, 'api');
    return c.json({ token }, 200);
  })
  .get('/tokens', requireApiUser, async (c) => {
    const rows = await listApiTokens(c.get('db'), c.get('user')!.id);
    return c.json({ tokens: rows.map((t) => ({ id: String(t.id), label: t.label, createdAt: t.created_at, revokedAt: t.revoked_at })) });
  })
  .delete('/tokens/:tokenId', requireApiUser, async (c) => {
    const id = parseId(c.req.param('tokenId'));
    const user = c.get('user');
    if (!user) throw unauthorized();
    if (id === null || !(await revokeApiToken(c.get('db'), user.id, id))) throw notFound('The token');
    return c.body(null, 204);
  });
