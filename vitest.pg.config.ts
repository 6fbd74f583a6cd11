import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The PostgreSQL pass (`npm run test:pg`, issue 13): the HTTP suites again, plus test/pg, which
 * only means something on PostgreSQL (several processes on one database, pg_dump backups) and so
 * is left out of the SQLite pass rather than skipped there. (mergeConfig would append to the
 * base's lists, so the test block is spread instead.)
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/http/**/*.test.ts', 'test/pg/**/*.test.ts'],
    exclude: [...configDefaults.exclude],
  },
});
