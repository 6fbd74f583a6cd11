import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { pingDatabase } from '../../db/queries/health.js';
import { engineOf } from '../../db/dialect.js';

/**
 * GET /healthz — for the load balancer: 200 `{ok: true, database: "ok"}` once the database
 * answers, with the engine it is (issue 13); 503 `{ok: false, database: "unreachable"}` when it does not, so the balancer takes this
 * process out instead of sending users to an error page.
 */
export const healthzApi = new Hono<AppEnv>().get('/', async (c) => {
  try {
    await pingDatabase(c.get('db'));
  } catch (err) {
    c.get('log').error({ err }, 'health check: the database did not answer');
    return c.json({ ok: false, database: 'unreachable' }, 503);
  }
  return c.json({ ok: true, database: 'ok', engine: engineOf(c.get('db')) });
});
