import type { Db } from '../db/client.js';
import type { Env } from './env.js';
import type { Actor } from './actor.js';
import type { Logger } from './observability/log.js';

/** The signed-in person, as every handler sees them. */
export interface CurrentUser { id: number; email: string; name: string; teamId: number | null }

/** Hono's typed context: what middleware puts there for the handlers. */
export interface AppEnv {
  Variables: {
    db: Db;
    env: Env;
    user: CurrentUser | null;
    /** Hash of the session cookie, so logout can end exactly this session. */
    sessionHash: string | null;
    /**
     * Who is calling inside an evaluation, set by the access gate of every route that declares an
     * `access` action (server/openapi/router.ts); routes outside an evaluation never read it.
     */
    actor: Actor;
    /** This request's id (X-Request-Id) and a logger that puts it on every line (middleware/request-log.ts). */
    requestId: string;
    log: Logger;
  };
}
