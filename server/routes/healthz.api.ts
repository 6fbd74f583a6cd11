import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { pingDatabase } from '../../db/queries/health.js';
import { engineOf } from '../../db/dialect.js';
import { migrationState } from '../../db/migrate.js';

/**
 * GET /healthz — for the load balancer: 200 `{ok: true, database: "ok"}` once the database
 * answers, with the engine it is (issue 13); 503 `{ok: false, database: "unreachable"}` when it does not, so the balancer takes this
 * process out instead of sending users to an error page. `migrations` says whether every migration
 * this process's code knows has run ("current") or not ("pending"). A process migrates before it
 * listens, so "pending" means the database changed under it (restored from an older backup, say).
 */
export const healthzApi = new Hono<AppEnv>().get('/', async (c) => {
  let migrations: 'current' | 'pending';
  try {
    await pingDatabase(c.get('db'));
    migrations = await migrationState(c.get('db'));
  } catch (err) {
    c.get('log').error({ err }, 'health check: the database did not answer');
    return c.json({ ok: false, database: 'unreachable' }, 503);
  }
  return c.json({ ok: true, database: 'ok', engine: engineOf(c.get('db')), migrations });
});
