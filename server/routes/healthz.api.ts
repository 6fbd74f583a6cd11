import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { pingDatabase } from '../../db/queries/health.js';

/** GET /healthz — for the load balancer: 200 once the database answers. */
export const healthzApi = new Hono<AppEnv>().get('/', async (c) => {
  await pingDatabase(c.get('db'));
  return c.json({ ok: true });
});
