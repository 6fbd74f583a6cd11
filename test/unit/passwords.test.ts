import { expect, test } from 'vitest';
import { hashPassword, scryptLog2N, verifyPassword } from '../../server/security/passwords.js';

test.each([
  [{}, 15],
  [{ NODE_ENV: 'production' }, 15],
  [{ VITEST: 'true' }, 15],
  [{ NODE_ENV: 'test' }, 15],
  [{ VITEST: 'false', NODE_ENV: 'test' }, 15],
  [{ VITEST: '1', NODE_ENV: 'test' }, 15],
  [{ VITEST: 'true', NODE_ENV: 'production' }, 15],
  [{ VITEST: 'true', NODE_ENV: 'test' }, 10],
])('scrypt cost for %o is 2^%i: full cost unless inside the test runner', (env, log2) => {
  expect(scryptLog2N(env)).toBe(log2);
});

test('a hash names its cost, and verifies whatever cost made it', async () => {
  const stored = await hashPassword('correct-horse-battery');
  expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
  expect(await verifyPassword('correct-horse-battery', stored)).toBe(true);
  expect(await verifyPassword('wrong-horse-battery', stored)).toBe(false);
});
