import fc from 'fast-check';
import { expect, test } from 'vitest';
import { jsonPieces, jsonStream } from '../../server/json-in-steps.js';

// The JSON written in steps must be exactly JSON.stringify's: the API's bytes do not change when a
// big answer is streamed (issue 15, promise 1).

async function text(value: unknown, indent: number): Promise<{ text: string; pieces: number }> {
  let out = '';
  let pieces = 0;
  for await (const p of jsonPieces(value, indent)) { out += p; pieces++; }
  return { text: out, pieces };
}

const longArray = fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)), { minLength: 990, maxLength: 2600 });
const answer = fc.record({
  rows: longArray,
  small: fc.jsonValue({ maxDepth: 3 }),
  gone: fc.constant(undefined),
  at: fc.date({ noInvalidDate: true }),
  nested: fc.record({ list: longArray, empty: fc.constant({}), none: fc.constant([]) }),
});

test.each([0, 2])('a value with long arrays is written as JSON.stringify(value, null, %i) writes it', async (indent) => {
  await fc.assert(fc.asyncProperty(answer, async (value) => {
    expect((await text(value, indent)).text).toBe(JSON.stringify(value, null, indent));
  }), { numRuns: 25, seed: 16 });
});

test('plain values and short arrays come whole; a long array comes in pieces', async () => {
  for (const v of [null, 1.5, 'x', true, [], {}, [1, [2, 3]], { a: undefined }, new Date(0)]) expect((await text(v, 2)).text).toBe(JSON.stringify(v, null, 2));
  const long = { rows: Array.from({ length: 5000 }, (_, i) => ({ i })) };
  const { text: t, pieces } = await text(long, 0);
  expect(t).toBe(JSON.stringify(long));
  expect(pieces).toBeGreaterThan(5);
});

test('the stream carries the same bytes, UTF-8', async () => {
  const value = { rows: Array.from({ length: 2500 }, (_, i) => ({ name: `Händler ${i} – “x”` })) };
  const bytes = await new Response(jsonStream(value, 2)).text();
  expect(bytes).toBe(JSON.stringify(value, null, 2));
});
