import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { DeclarationSchema } from '../schemas/panel.js';
import { accessEvaluation } from '../access.js';
import { declare } from '../services/panel.js';

/** PUT /api/v1/evaluations/:id/declarations/me — the caller's conflict-of-interest declaration. */
export const declarationsApi = new Hono<AppEnv>().put('/me', apiValid('json', DeclarationSchema), async (c) => {
  const a = await accessEvaluation(c, 'read');
  const body = c.req.valid('json');
  await declare(c.get('db'), a, body);
  return c.json(body);
});
