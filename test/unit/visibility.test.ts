import { describe, expect, test } from 'vitest';
import { isScorer, mayJoinPanel, visibilityFor } from '../../server/domain/rules/visibility.js';
import { ROLES, STATUSES } from '../../server/domain/permissions.js';

// Every role × status × hide_prices × submitted × on the panel, generated so a new role or stage is covered too.
const cases = ROLES.flatMap((role) => STATUSES.flatMap((status) => [false, true].flatMap((hidePrices) =>
  [false, true].flatMap((submitted) => [false, true].map((scorer) => ({ role, status, hidePrices, submitted, scorer }))))));

// The rules stated independently of the implementation, as DESIGN.md and API.md say them.
const expectedPrices = ({ role, status, hidePrices, submitted }: (typeof cases)[number]): boolean => {
  if (!hidePrices) return true;
  if (role === 'facilitator' || role === 'observer') return true;
  if (status === 'review' || status === 'decided') return true;
  return role === 'evaluator' ? submitted : false;
};
// API.md "Who sees what": before review a scorer who has not submitted sees their own, stakeholders nothing.
const expectedScores = ({ role, status, submitted, scorer }: (typeof cases)[number]): string => {
  if (status === 'review' || status === 'decided') return 'all';
  if (role === 'stakeholder') return 'none';
  if (role === 'observer') return 'all';
  const onPanel = role === 'evaluator' || scorer;
  return onPanel && !submitted ? 'own' : 'all';
};

describe('visibilityFor', () => {
  test('covers every combination', () => expect(cases).toHaveLength(ROLES.length * STATUSES.length * 8));

  test.each(cases)('$role in $status, hidePrices $hidePrices, submitted $submitted, scorer $scorer', (f) => {
    expect(visibilityFor(f)).toEqual({ prices: expectedPrices(f), scores: expectedScores(f) });
  });

  test('two envelopes: a stakeholder never sees sealed prices before review, submitted or not', () => {
    for (const status of ['draft', 'voting', 'scoring'] as const) {
      expect(visibilityFor({ role: 'stakeholder', status, hidePrices: true, submitted: true, scorer: false }).prices).toBe(false);
    }
  });

  test('blind scoring: an evaluator who has not submitted sees only their own, whatever the stage before review', () => {
    for (const status of ['draft', 'voting', 'scoring'] as const) {
      expect(visibilityFor({ role: 'evaluator', status, hidePrices: false, submitted: false, scorer: true }).scores).toBe('own');
    }
  });
});

describe('isScorer', () => {
  test.each([
    ['evaluator', false, true], ['evaluator', true, true],
    ['facilitator', false, false], ['facilitator', true, true],
    ['stakeholder', true, false], ['observer', true, false],
  ] as const)('%s declared %s → %s', (role, declared, expected) => expect(isScorer(role, declared)).toBe(expected));
});

describe('mayJoinPanel', () => {
  test('a facilitator’s first declaration is refused once others have scored', () => {
    expect(mayJoinPanel({ role: 'facilitator', declaredBefore: false, othersHaveScores: true })).toBe('panel_closed');
    expect(mayJoinPanel({ role: 'facilitator', declaredBefore: false, othersHaveScores: false })).toBeNull();
  });
  test('declaring again, and evaluators, are never refused', () => {
    expect(mayJoinPanel({ role: 'facilitator', declaredBefore: true, othersHaveScores: true })).toBeNull();
    expect(mayJoinPanel({ role: 'evaluator', declaredBefore: false, othersHaveScores: true })).toBeNull();
  });
});
