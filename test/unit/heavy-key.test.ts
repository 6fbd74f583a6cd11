import { expect, test } from 'vitest';
import { heavyKey } from '../../server/heavy/data-key.js';
import { matrixFromCells } from '../../server/domain/ranking-matrix.js';
import type { Actor } from '../../server/actor.js';
import type { RankingInputs } from '../../server/read-models/ranking.js';

// ADR 017: a cached heavy result is shared only between readers the visibility rule showed the same data.

const actor = (userId: number) => ({ userId, role: 'evaluator', evaluation: { id: 7, team_id: 1 } }) as unknown as Actor;
const inputs = (over: Partial<RankingInputs> = {}): RankingInputs => ({
  nodes: [{ id: '1', parentId: null, name: 'c', kind: 'scored', position: 0 }] as RankingInputs['nodes'],
  pricesHidden: false, local: new Map([['1', 1]]), weightVersion: 3, vendors: [{ id: '5', name: 'A', price: 10 }], scale: { min: 0, max: 5 },
  matrix: matrixFromCells([{ vendorId: '5', criterionId: '1', count: 1, sum: 4, pass: 0, fail: 0, consensus: null }] as never),
  view: 'team', cellsVersion: 12, rationales: new Map(), costFormula: 'lowest-over-price', ...over,
});

test('the team view is shared between readers; own scores, sealed prices and other data are not', () => {
  const team = heavyKey(actor(1), inputs(), 'rank', null);
  expect(heavyKey(actor(2), inputs(), 'rank', null)).toBe(team);
  expect(heavyKey(actor(1), inputs({ cellsVersion: 13 }), 'rank', null)).not.toBe(team);
  expect(heavyKey(actor(1), inputs({ weightVersion: 4 }), 'rank', null)).not.toBe(team);
  expect(heavyKey(actor(1), inputs({ pricesHidden: true }), 'rank', null)).not.toBe(team);
  expect(heavyKey(actor(1), inputs({ vendors: [{ id: '5', name: 'A', price: 11 }] }), 'rank', null)).not.toBe(team);
  expect(heavyKey(actor(1), inputs(), 'rank', [5])).not.toBe(team);
  // ADR 030: the cost formula (recorded or a what-if) changes every total.
  expect(heavyKey(actor(1), inputs({ costFormula: 'linear' }), 'rank', null)).not.toBe(team);
  expect(heavyKey(actor(1), inputs(), 'sensitivity', null)).not.toBe(team);

  // Blind scoring: the same own cells of two readers still never share a result.
  const own = { view: 'own' as const, cellsVersion: undefined };
  expect(heavyKey(actor(1), inputs(own), 'rank', null)).not.toBe(heavyKey(actor(2), inputs(own), 'rank', null));
  const changed = matrixFromCells([{ vendorId: '5', criterionId: '1', count: 1, sum: 2, pass: 0, fail: 0, consensus: null }] as never);
  expect(heavyKey(actor(1), inputs(own), 'rank', null)).not.toBe(heavyKey(actor(1), inputs({ ...own, matrix: changed }), 'rank', null));
});
