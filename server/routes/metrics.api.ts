import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import type { AppEnv } from '../context.js';
import type { Metrics } from '../observability/metrics.js';
import { m } from '../../views/messages/index.js';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * GET /metrics — Prometheus' text format, for a scraper holding METRICS_TOKEN
 * (`Authorization: Bearer <token>`). Without the setting the address does not exist (404), so a
 * server nobody configured publishes nothing; a wrong or missing token is 401.
 */
export const metricsApi = (metrics: Metrics) => new Hono<AppEnv>().get('/', async (c) => {
  const token = c.get('env').METRICS_TOKEN;
  if (!token) return c.json({ error: { code: 'not_found', message: m.errors.nothingHere } }, 404);
  const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  if (!same(given, token)) {
    c.header('WWW-Authenticate', 'Bearer realm="metrics"');
    return c.json({ error: { code: 'unauthorized', message: m.errors.metricsToken } }, 401);
  }
  return c.body(await metrics.text(), 200, { 'content-type': metrics.contentType });
});
