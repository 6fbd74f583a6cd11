import { afterAll, beforeAll } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { openSqlite, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { systemPath } from '../../scripts/system-deps.mjs';
import { seedDemo } from '../../seeds/demo.js';
import { warmScoreWriter } from '../../server/score-writes/score-writer.js';

/** Debian's Chromium (or CHROMIUM_PATH; see scripts/system-deps.mjs) with the flags this closed network needs (no background calls home). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: systemPath('chromium'),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * The real app on a loopback port over a fresh SQLite file; close() stops it. With `demo` the
 * database holds the demo data first (seeds/demo.ts), as `npm start` does; `routes` is the app's
 * route table, so a test can visit every page the app serves.
 */
export async function startServer(opts: { demo?: boolean } = {}): Promise<{ base: string; db: Db; routes: { method: string; path: string }[]; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cxbench-browser-'));
  const db = openSqlite(join(dir, 'test.db'));
  await migrateToLatest(db);
  if (opts.demo) await seedDemo(db);
  warmScoreWriter(db);
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0' }) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    db,
    routes: app.routes.map((r) => ({ method: r.method, path: r.path })),
    close: () => new Promise<void>((resolve) => server.close(() => void db.destroy().then(() => resolve()))),
  };
}

/**
 * One app server and one Chromium for a browser test file, started before its tests and closed
 * after them. Read `suite.server` and `suite.browser` inside tests (they are set by then).
 */
export function browserSuite(opts: { demo?: boolean } = {}): { server: Awaited<ReturnType<typeof startServer>>; browser: Browser } {
  const suite = {} as { server: Awaited<ReturnType<typeof startServer>>; browser: Browser };
  beforeAll(async () => {
    suite.server = await startServer(opts);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
