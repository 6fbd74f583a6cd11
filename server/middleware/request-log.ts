import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { randomUUID } from 'node:crypto';
import type { AppEnv } from '../context.js';
import type { Logger } from '../observability/log.js';
import type { Metrics } from '../observability/metrics.js';

// A caller's own id is kept when it is a plain token (a proxy's or a client's trace id), so one
// request can be followed across systems; anything else is replaced, never echoed.
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Gives each request an id (X-Request-Id, in the answer and on every log line), a child logger
 * carrying it (c.get('log')), and one log line plus metrics when it is answered. The route is the
 * pattern (`/join/:token`), never the raw path or query, which can hold a secret.
 */
export const requestLog = (log: Logger, metrics: Metrics) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    const child = log.child({ reqId: id });
    c.set('requestId', id);
    c.set('log', child);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', id);
    // After next() the route index is that of the handler that answered, so this is its pattern.
    const pattern = routePath(c);
    const route = pattern === '*' || pattern === '/*' ? 'unmatched' : pattern;
    const ms = performance.now() - started;
    metrics.observe(c.req.method, route, c.res.status, ms / 1000);
    child[c.res.status >= 500 ? 'error' : 'info']({ method: c.req.method, route, status: c.res.status, ms: Math.round(ms * 10) / 10 }, 'request');
  });
