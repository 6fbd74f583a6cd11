import { describe, expect, test } from 'vitest';
import { visibilityFor } from '../../server/domain/rules/visibility.js';
import { ROLES, STATUSES } from '../../server/domain/permissions.js';

// Every role × status × hide_prices × submitted, generated so a new role or stage is covered too.
const cases = ROLES.flatMap((role) => STATUSES.flatMap((status) =>
  [false, true].flatMap((hidePrices) => [false, true].map((submitted) => ({ role, status, hidePrices, submitted })))));

// The rules stated independently of the implementation, as DESIGN.md and API.md say them.
const expectedPrices = ({ role, status, hidePrices, submitted }: (typeof cases)[number]): boolean => {
  if (!hidePrices) return true;
  if (role === 'facilitator' || role === 'observer') return true;
  if (status === 'review' || status === 'decided') return true;
  return role === 'evaluator' ? submitted : false;
};
const expectedOthers = ({ role, status }: (typeof cases)[number]): boolean => role === 'facilitator' || ['review', 'decided'].includes(status);

describe('visibilityFor', () => {
  test('covers every combination', () => expect(cases).toHaveLength(ROLES.length * STATUSES.length * 4));

  test.each(cases)('$role in $status, hidePrices $hidePrices, submitted $submitted', (f) => {
    expect(visibilityFor(f)).toEqual({ prices: expectedPrices(f), othersScores: expectedOthers(f) });
  });

  test('two envelopes: a stakeholder never sees sealed prices before review, submitted or not', () => {
    for (const status of ['draft', 'voting', 'scoring'] as const) {
      expect(visibilityFor({ role: 'stakeholder', status, hidePrices: true, submitted: true }).prices).toBe(false);
    }
  });
});
