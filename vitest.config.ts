import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'hono/jsx' },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Browser tests start a real server and Chromium; give them room without slowing unit tests.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
