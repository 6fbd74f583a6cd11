import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // Vitest 4 transforms with oxc (it ignores an `esbuild` block); views use hono/jsx, not React.
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Timed suites (test/hardening) need the machine to themselves: `npm run test:hardening`.
    // test/pg needs a PostgreSQL server: `npm run test:pg` (vitest.pg.config.ts).
    exclude: [...configDefaults.exclude, 'test/hardening/**', 'test/pg/**'],
    // Browser tests start a real server and Chromium; give them room without slowing unit tests.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Worker threads start faster than forked processes (better-sqlite3 and Chromium work in either).
    pool: 'threads',
    // Files share a worker's module cache instead of importing the whole app again each (ADR 044):
    // test/http took 280 s with isolation (142 s of it imports) and 125 s without. Every file
    // builds its own app and database (test/setup/app.ts) and restores any env it changes.
    isolate: false,
  },
});
