import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Sends a full page (with doctype) or, for htmx requests, whatever fragment the route rendered. */
export function html(c: Context, node: unknown, status: ContentfulStatusCode = 200) {
  return c.html(`<!doctype html>${String(node)}`, status);
}

/** Sends a fragment for an htmx swap: no doctype, same escaping. */
export function fragment(c: Context, node: unknown, status: ContentfulStatusCode = 200) {
  return c.html(String(node), status);
}
