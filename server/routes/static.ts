import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';

const require = createRequire(import.meta.url);
const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

// Served from this origin (no CDN) so the CSP can allow only our own scripts and styles.
const FILES: Record<string, { path: string; type: string }> = {
  'htmx.js': { path: require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript; charset=utf-8' },
  'app.js': { path: `${publicDir}app.js`, type: 'text/javascript; charset=utf-8' },
  'app.css': { path: `${publicDir}app.css`, type: 'text/css; charset=utf-8' },
  'report.css': { path: `${publicDir}report.css`, type: 'text/css; charset=utf-8' },
  'favicon.svg': { path: `${publicDir}favicon.svg`, type: 'image/svg+xml' },
};

const cache = new Map<string, { body: string; etag: string; type: string }>();

function load(name: string) {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = FILES[name];
  if (!file) return undefined;
  const body = readFileSync(file.path, 'utf8');
  const entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, type: file.type };
  cache.set(name, entry);
  return entry;
}

/** /static/<file>: the few assets the pages need, with ETags so browsers revalidate cheaply. */
export const staticFiles = new Hono<AppEnv>().get('/:file', (c) => {
  const entry = load(c.req.param('file'));
  if (!entry) return c.text('Not found', 404);
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304);
  return c.body(entry.body, 200, { 'content-type': entry.type, etag: entry.etag, 'cache-control': 'no-cache' });
});
