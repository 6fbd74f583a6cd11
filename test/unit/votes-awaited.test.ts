import { expect, test } from 'vitest';
import { voteAwaited } from '../../server/domain/rules/votes-awaited.js';

test.each([
  ['stakeholder', false, true],
  ['stakeholder', true, false],
  // A facilitator may vote but is not waited for.
  ['facilitator', false, false],
  ['facilitator', true, false],
  ['evaluator', false, false],
  ['observer', false, false],
] as const)('%s who voted=%s: awaited %s', (role, voted, awaited) => {
  expect(voteAwaited({ role, voted })).toBe(awaited);
});
