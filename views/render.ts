import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { pageUrlAfterPost } from '../server/page-url.js';

/**
 * Sends a full page (with doctype) or, for htmx requests, whatever fragment the route rendered.
 * A page rendered in answer to a POST (a form re-shown with its errors, a 409, a one-time link)
 * names the page's own address, so the address bar does not keep the POST URL and a reload does
 * not send the form again (issue 12): `HX-Replace-Url` for htmx, `data-page-url` on the body for
 * the plain form (public/app.js replaces the history entry with it).
 */
export function html(c: Context, node: unknown, status: ContentfulStatusCode = 200) {
  let body = `<!doctype html>${String(node)}`;
  const own = pageUrlAfterPost(c);
  if (own !== null) {
    c.header('HX-Replace-Url', own);
    body = body.replace('<body>', `<body data-page-url="${escapeAttr(own)}">`);
  }
  return c.html(body, status);
}

/** Sends a fragment for an htmx swap: no doctype, same escaping. */
export function fragment(c: Context, node: unknown, status: ContentfulStatusCode = 200) {
  return c.html(String(node), status);
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
