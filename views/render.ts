import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { pageUrlAfterPost } from '../server/page-url.js';
import { keepShown } from '../server/shown-pages.js';
import { SHOWN_PARAM } from '../server/middleware/shown-page.js';
import { piecesInSteps, renderDeferring, wholeText } from './in-steps.js';
import { textStream } from '../server/text-stream.js';

/**
 * Sends a full page (with doctype) or, for htmx requests, whatever fragment the route rendered.
 * A page rendered in answer to a POST (a form re-shown with its errors, a 409, a one-time link)
 * names the page's own address, so the address bar does not keep the POST URL and a reload does
 * not send the form again (issue 12): `HX-Replace-Url` for htmx; a browser's own form submission
 * (`Sec-Fetch-Mode: navigate`) is answered POST-redirect-GET: 303 to the page with a key under
 * which this answer is kept for the session (middleware/shown-page.ts), so the address bar ends
 * on a GET and a reload never resends the form. Other callers (scripts, tests) get the page itself.
 */
export function html(c: Context, node: unknown, status: ContentfulStatusCode = 200) {
  const { head, rest } = renderDeferring(node);
  const own = pageUrlAfterPost(c);
  // Long lists (<InSteps>) stream in steps; a page kept or re-addressed after a POST is one string.
  if (rest.length > 0 && own === null) return c.body(textStream(piecesInSteps(`<!doctype html>${head}`, rest)), status, { 'content-type': 'text/html; charset=UTF-8' });
  let body = `<!doctype html>${wholeText(head, rest)}`;
  if (own !== null && c.req.header('sec-fetch-mode') === 'navigate' && !c.req.header('hx-request')) {
    const key = keepShown(body.replace('<body>', `<body data-page-url="${escapeAttr(own)}">`), status, c.get('sessionHash') ?? null);
    return c.redirect(`${own}${own.includes('?') ? '&' : '?'}${SHOWN_PARAM}=${key}`, 303);
  }
  if (own !== null) {
    c.header('HX-Replace-Url', own);
    body = body.replace('<body>', `<body data-page-url="${escapeAttr(own)}">`);
  }
  return c.html(body, status);
}

/** Sends a fragment for an htmx swap: no doctype, same escaping. */
export function fragment(c: Context, node: unknown, status: ContentfulStatusCode = 200) {
  const { head, rest } = renderDeferring(node);
  if (rest.length > 0) return c.body(textStream(piecesInSteps(head, rest)), status, { 'content-type': 'text/html; charset=UTF-8' });
  return c.html(head, status);
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
