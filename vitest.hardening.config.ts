import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The hardening suites (issue 15): timed probes and the full hostile-payload run. Files run one
 * after another so a timing probe never shares the two cores with another suite. (mergeConfig
 * would append to the base's include and exclude lists, so the test block is spread instead.)
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/hardening/**/*.test.ts', 'test/http/hostile-payloads.test.ts', 'test/http/answered-over-socket.test.ts'],
    exclude: ['**/node_modules/**'],
    fileParallelism: false,
    // Timed probes: a file must not inherit the previous file's heap and garbage (ADR 044).
    isolate: true,
  },
});
