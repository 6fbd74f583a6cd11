import { createMiddleware } from 'hono/factory';
import type { Db } from '../../db/client.js';
import type { AppEnv } from '../context.js';
import type { Env } from '../env.js';

/** Puts the database and settings on every request's context (c.get('db'), c.get('env')). */
export const provide = (db: Db, env: Env) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('db', db);
    c.set('env', env);
    await next();
  });
