import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.js';
import { takeShown } from '../shown-pages.js';

/** The query parameter a POST-redirect-GET carries (views/render.ts), naming the page the POST rendered. */
export const SHOWN_PARAM = 'shown';

/**
 * A GET carrying `?shown=<key>` answers the page a form POST rendered (its errors, its one-time
 * link) with that answer's status, to the same session only; otherwise the request goes on as if
 * the parameter were not there. Runs after `identify`, which knows the session.
 */
export const shownPage = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.method === 'GET' ? c.req.query(SHOWN_PARAM) : undefined;
  const page = key ? takeShown(key, c.get('sessionHash') ?? null) : null;
  if (!page) return next();
  c.header('Cache-Control', 'no-store');
  return c.html(page.body, page.status as ContentfulStatusCode);
});
