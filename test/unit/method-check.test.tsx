import { describe, expect, test } from 'vitest';
import type { RankRow } from '../../server/domain/ranking.js';
import type { TopsisRow } from '../../server/domain/ranking-topsis.js';
import { methodCheck } from '../../server/read-models/method-check.js';
import { MethodCheckSection } from '../../views/partials/method-check.js';
import { m } from '../../views/messages/index.js';

// Issue 14, item 2: the method check's one sentence (do the top three depend on the method?), the
// ▲▼ marks of the rows TOPSIS ranks differently, and the rows shown: every vendor either method
// puts in its top N, even one the weighted sum ranks far below N (the report used to lose it).

const N = 60;
const id = (i: number) => `v${i}`;
/** The weighted sum: v1 first … v60 last. */
const weighted: RankRow[] = Array.from({ length: N }, (_, i) => ({ rank: i + 1, vendorId: id(i + 1), name: `Vendor ${i + 1}`, total: 90 - i, coverage: 1, provisional: false, breakdown: {} }));

/** TOPSIS rows in the given order of vendor numbers, ranked 1, 2, 3 … */
function topsisIn(order: number[]): TopsisRow[] {
  return order.map((n, i) => ({ rank: i + 1, vendorId: id(n), name: `Vendor ${n}`, closeness: 1 - i / 100, total: 100 - i, coverage: 1, provisional: false }));
}
const same = Array.from({ length: N }, (_, i) => i + 1);
/** v55 jumps to first under TOPSIS; everyone else keeps their order behind it. */
const jump = [55, ...same.filter((n) => n !== 55)];
/** The first two swap places. */
const swap = [2, 1, ...same.slice(2)];

async function render(check: ReturnType<typeof methodCheck>): Promise<string> {
  return String(await (<MethodCheckSection check={check} base="/evaluations/1" />));
}
const rowOf = (html: string, vendor: string) => new RegExp(`<tr class="(rank-[a-z]+)" data-check-vendor="${vendor}">(.*?)</tr>`, 's').exec(html);

describe('the method check (issue 14, item 2)', () => {
  test('the same top three in the same order: the "do not depend" sentence, no row marked', async () => {
    const check = methodCheck(weighted, topsisIn(same), 10);
    expect(check.topThree).toBe('same-order');
    const html = await render(check);
    expect(html).toContain(m.working.topThree['same-order']);
    expect(html).not.toContain(m.working.topThree.differs);
    expect(html).not.toContain('rank-moved');
    expect(html).not.toMatch(/[▲▼]/);
    expect(check.rows.map((r) => r.vendorId)).toEqual(same.slice(0, 10).map(id));
  });

  test('a vendor from far down comes first under TOPSIS: the "depend" sentence, and the moved rows are marked', async () => {
    const check = methodCheck(weighted, topsisIn(jump), 10);
    expect(check.topThree).toBe('differs');
    expect(check.ranked).toBe(N);
    const html = await render(check);
    expect(html).toContain(m.working.topThree.differs);
    expect(html).not.toContain(m.working.topThree['same-order']);
    // v55: 55th by weighted sum, 1st by TOPSIS: shown, marked up; v1 … v10 each one place down.
    const up = rowOf(html, 'v55');
    expect(up?.[1]).toBe('rank-moved');
    expect(up?.[2]).toMatch(/<td class="num check-rank"[^>]*>55<\/td><td class="num check-rank"><strong>1 ▲<\/strong><\/td>/);
    for (let n = 1; n <= 10; n++) {
      const row = rowOf(html, id(n));
      expect(row?.[1], id(n)).toBe('rank-moved');
      expect(row?.[2], id(n)).toContain(`<strong>${n + 1} ▼</strong>`);
    }
  });

  test('the same three in another order: the "order depends" sentence, only the swapped rows marked', async () => {
    const check = methodCheck(weighted, topsisIn(swap), 10);
    expect(check.topThree).toBe('same-set');
    const html = await render(check);
    expect(html).toContain(m.working.topThree['same-set']);
    expect(rowOf(html, 'v1')?.[1]).toBe('rank-moved');
    expect(rowOf(html, 'v2')?.[1]).toBe('rank-moved');
    expect(rowOf(html, 'v3')?.[1]).toBe('rank-same');
  });

  test('the rows are the union of both top Ns, in weighted order: with the report’s 50 a vendor TOPSIS ranks 3rd and the weighted sum 55th is there', () => {
    const order = [1, 2, 55, ...same.filter((n) => n > 2 && n !== 55)];
    const check = methodCheck(weighted, topsisIn(order), 50);
    expect(check.rows).toHaveLength(51);
    expect(check.rows.at(-1)).toMatchObject({ vendorId: 'v55', weightedRank: 55, topsisRank: 3 });
    expect(check.rows.slice(0, 50).map((r) => r.weightedRank)).toEqual(same.slice(0, 50));
    expect(check.topThree).toBe('differs');
    // The other way round: a vendor TOPSIS ranks below 50 but the weighted sum in its top 50 stays.
    const sinks = methodCheck(weighted, topsisIn([...same.filter((n) => n !== 4), 4]), 50);
    expect(sinks.rows.find((r) => r.vendorId === 'v4')).toMatchObject({ weightedRank: 4, topsisRank: N });
  });
});
