import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../setup/app.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A route's prefix as docs/architecture.md counts it: the segment after the evaluation's id (file
 * suffix dropped, so /audit.csv belongs to /audit), or the first segment elsewhere (three under /api/).
 */
function prefixOf(path: string): string {
  for (const base of ['/api/v1/evaluations/:id', '/evaluations/:id']) {
    if (path.startsWith(`${base}/`)) return `${base}/${path.slice(base.length + 1).split('/')[0]!.split('.')[0]}`;
  }
  const segments = path.split('/').filter(Boolean);
  return `/${segments.slice(0, segments[0] === 'api' ? 3 : 1).join('/')}`;
}

/** The "## URL map" table: prefix → route files. */
function urlMap(): Map<string, string[]> {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const section = doc.split(/^## URL map$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((s) => s.trim());
    const prefix = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (prefix) rows.set(prefix, [...(cells[2] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  }
  return rows;
}

describe('docs/architecture.md URL map', () => {
  it('reads the prefixes the way the table means them', () => {
    expect(prefixOf('/')).toBe('/');
    expect(prefixOf('/api/v1/auth/tokens/:tokenId')).toBe('/api/v1/auth');
    expect(prefixOf('/api/v1/evaluations/:id')).toBe('/api/v1/evaluations');
    expect(prefixOf('/api/v1/evaluations/:id/vendors/import')).toBe('/api/v1/evaluations/:id/vendors');
    expect(prefixOf('/evaluations/:id/audit.csv')).toBe('/evaluations/:id/audit');
  });

  it('lists every prefix the app serves, and no prefix it does not', async () => {
    const { app } = await makeTestApp();
    // Middleware shows up in app.routes as method ALL; the table is about handlers.
    const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => prefixOf(r.path)));
    const listed = urlMap();
    expect(listed.size).toBeGreaterThan(10);
    expect([...served].filter((p) => !listed.has(p)), 'routes whose prefix docs/architecture.md does not list').toEqual([]);
    expect([...listed.keys()].filter((p) => !served.has(p)), 'rows for prefixes the app does not serve').toEqual([]);
  });

  it('names route files that exist', () => {
    const missing = [...urlMap().values()].flat().filter((f) => !existsSync(join(ROOT, 'server', 'routes', f)));
    expect(missing).toEqual([]);
  });
});
