import { expect, test } from 'vitest';
import { m } from '../../views/messages/index.js';

// Issue 12, "every message true": each message says what the figures beside it say.

test.each([
  [1, 'Acme comes first under every one of the 2,000 weightings sampled.'],
  [0.996, 'Acme comes first in more than 99% of the 2,000 weightings sampled.'],
  [0.93, 'Acme comes first in 93% of the 2,000 weightings sampled.'],
  [0.7, 'Acme comes first in 70% of the 2,000 weightings sampled, but not all: check the ranges below.'],
])('the robustness verdict for a first-place share of %s states the share', (p, sentence) => {
  expect(m.robustness.verdict(p, 'Acme', 2000)).toBe(sentence);
});

test('the robustness verdict never points at ranges "above" (the table is below it)', () => {
  for (const p of [0, 0.3, 0.6, 0.75, 0.9, 1]) expect(m.robustness.verdict(p, 'Acme', 10)).not.toMatch(/above|almost every/);
});

test('without votes the acceptability table does not claim the stakeholders’ weights', () => {
  expect(m.robustness.acceptTitle(0)).not.toMatch(/stakeholder/i);
  expect(m.robustness.acceptTitle(3)).toMatch(/stakeholders’ own weights/);
});

test.each([
  [m.ranking.showing(1, 1), '1 vendor ranked.'],
  [m.ranking.showing(3, 3), '3 vendors ranked.'],
  [m.overview.stepVendors(1), '1 vendor on the longlist.'],
  [m.overview.stepCriteria(1), '1 criterion defined — review names, rubrics and kinds.'],
  [m.overview.stepRanking('Acme', { ranked: 1, unscored: 0 }), 'Current leader: Acme. 1 vendor ranked.'],
  [m.scoring.progress(0, 1), 'You have scored 0 of 1 cell.'],
])('a count of one takes the singular: %s', (said, sentence) => {
  expect(said).toBe(sentence);
});
