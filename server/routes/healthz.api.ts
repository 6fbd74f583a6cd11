import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { pingDatabase } from '../../db/queries/health.js';
import { engineOf } from '../../db/dialect.js';

/** GET /healthz — for the load balancer: 200 once the database answers, with the engine it is (issue 13). */
export const healthzApi = new Hono<AppEnv>().get('/', async (c) => {
  await pingDatabase(c.get('db'));
  return c.json({ ok: true, engine: engineOf(c.get('db')) });
});
