import { expect, test } from 'vitest';
import { isPackedView, packView, unpackView } from '../../server/heavy/packed-rows.js';
import type { RankingView } from '../../server/read-models/ranking.js';

// A ranking crosses back from a pool thread as columns (issue 15, promise 1): what arrives must be
// the view the thread computed, key order included (the API writes it as JSON).

const row = (i: number, keys: string[]) => ({
  rank: i + 1, vendorId: String(100 + i), name: `Vendor ${i} ü`, total: i === 1 ? -0 : 50 / (i + 1), coverage: i === 2 ? 0.5 : 1, provisional: i === 2,
  breakdown: Object.fromEntries(keys.map((k, t) => [k, t + i / 3])),
});

const view = (rows: RankingView['result']['rows']): RankingView => ({
  result: { rows, unscored: [{ vendorId: '9', name: 'Unscored' }], flags: [], excluded: [] },
  ranked: rows.length, nodes: [], resolved: { leaves: new Map([['12', 0.5]]), global: new Map([['3', 1]]) }, weightVersion: 4, columns: [],
  pricesHidden: false, view: 'team', costFormula: 'lowest-over-price',
} as unknown as RankingView);

test('a view packed, cloned as a thread sends it, and unpacked equals the one computed, as JSON too', async () => {
  const keys = ['12', '3', 'b7'];
  const original = view(Array.from({ length: 4500 }, (_, i) => row(i, keys)));
  const packed = packView(original);
  expect(packed).not.toBeNull();
  const sent = structuredClone(packed!.packed, { transfer: packed!.transfer });
  expect(isPackedView(sent)).toBe(true);
  const back = await unpackView(sent);
  expect(back).toStrictEqual(original);
  expect(JSON.stringify(back)).toBe(JSON.stringify(original));
  expect(Object.is(back.result.rows[1]!.total, -0)).toBe(true);
});

test('rows whose breakdowns differ in their keys are not packed (the view goes as it is)', () => {
  expect(packView(view([row(0, ['1', '2']), row(1, ['1'])]))).toBeNull();
  expect(isPackedView(view([row(0, ['1'])]))).toBe(false);
});

test('an empty ranking packs and comes back empty', async () => {
  const packed = packView(view([]))!;
  expect((await unpackView(structuredClone(packed.packed))).result.rows).toEqual([]);
});
