import type { Context } from 'hono';

/**
 * The address of the page a form was sent from, for a page rendered in answer to a POST; null for
 * any other request. The page is the one htmx names (`HX-Current-URL`) or the browser's Referer
 * (sent same-origin by our Referrer-Policy); only a same-origin path is taken, never another
 * site's address (null when neither names one).
 */
export function pageUrlAfterPost(c: Context): string | null {
  if (c.req.method !== 'POST') return null;
  const url = new URL(c.req.url);
  for (const candidate of [c.req.header('HX-Current-URL'), c.req.header('Referer')]) {
    const from = sameOriginPath(candidate, url.origin);
    if (from !== null) return from;
  }
  return null;
}

function sameOriginPath(address: string | undefined, origin: string): string | null {
  if (!address) return null;
  try {
    const u = new URL(address, origin);
    return u.origin === origin ? `${u.pathname}${u.search}` : null;
  } catch {
    return null;
  }
}
