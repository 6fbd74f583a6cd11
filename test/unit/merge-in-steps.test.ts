import fc from 'fast-check';
import { expect, test } from 'vitest';
import { mergeInSteps } from '../../server/merge-in-steps.js';
import { byWidest, widestFirst, type Disagreement } from '../../server/domain/agreement.js';

// The agreement report sorts its disagreements a part at a time and merges the parts in steps
// (issue 15, promise 1): the list must be the one a single sort gives, whatever the parts.

const disagreement = fc.record({ vendorId: fc.integer({ min: 1, max: 40 }).map(String), criterionId: fc.integer({ min: 1, max: 6 }).map(String), spread: fc.constantFrom(0.5, 1, 1.5, 2, 4) });

test('sorted parts merged in steps give the list one sort gives', async () => {
  await fc.assert(fc.asyncProperty(fc.array(fc.array(disagreement, { maxLength: 60 }), { maxLength: 12 }), async (parts) => {
    const runs = parts.map((p) => [...p].sort(byWidest));
    const merged = await mergeInSteps(runs, byWidest);
    expect(merged).toEqual(widestFirst(parts.flat()));
  }), { numRuns: 200 });
});

test('a merge longer than one step (20,000 items) keeps every item, in order', async () => {
  const runs = Array.from({ length: 7 }, (_, r) => Array.from({ length: 9_000 }, (_, i) => i * 7 + r));
  const merged = await mergeInSteps(runs, (a, b) => a - b);
  expect(merged).toHaveLength(63_000);
  expect(merged).toEqual(Array.from({ length: 63_000 }, (_, i) => i));
});

test('equal items keep the order of their runs; no runs merge to nothing', async () => {
  const a: Disagreement = { vendorId: '1', criterionId: '1', spread: 1 };
  const b: Disagreement = { ...a };
  const merged = await mergeInSteps([[a], [], [b]], () => 0);
  expect(merged[0]).toBe(a);
  expect(merged[1]).toBe(b);
  expect(await mergeInSteps([], () => 0)).toEqual([]);
});
