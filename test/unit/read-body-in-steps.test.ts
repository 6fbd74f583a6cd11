import fc from 'fast-check';
import { expect, test } from 'vitest';
import { readBodyInSteps } from '../../server/middleware/read-body-in-steps.js';

// The import API reads an upload through readBodyInSteps (issue 15, promise 1): whatever the
// chunking and whatever Content-Length says, the bytes must come out exactly as sent.

const streamOf = (chunks: Uint8Array[]) => new ReadableStream<Uint8Array>({
  start(controller) {
    for (const c of chunks) controller.enqueue(c);
    controller.close();
  },
});

const join = (chunks: Uint8Array[]) => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.byteLength; }
  return out;
};

test('any chunking, with or without the right length up front, gives the bytes as sent', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(fc.uint8Array({ maxLength: 200_000 }), { maxLength: 12 }),
    fc.constantFrom('exact', 'none', 'short'),
    async (chunks, told) => {
      const sent = join(chunks);
      const expected = told === 'exact' ? sent.byteLength : told === 'short' ? Math.max(1, sent.byteLength >> 2) : undefined;
      const got = await readBodyInSteps(streamOf(chunks), expected);
      expect(Buffer.from(got).equals(Buffer.from(sent))).toBe(true);
    },
  ), { numRuns: 60 });
});

test('a chunk of several steps (a body handed over whole) is copied across steps intact', async () => {
  const big = new Uint8Array(3 * (1 << 20) + 12_345).map((_, i) => (i * 31) & 0xff);
  const got = await readBodyInSteps(streamOf([big.subarray(0, 10), big.subarray(10)]), big.byteLength);
  expect(got.byteLength).toBe(big.byteLength);
  expect(Buffer.from(got).equals(Buffer.from(big))).toBe(true);
  expect(got.buffer).toBeInstanceOf(SharedArrayBuffer);
});

test('no body is an empty one', async () => {
  expect((await readBodyInSteps(null)).byteLength).toBe(0);
});
