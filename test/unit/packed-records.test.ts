import fc from 'fast-check';
import { expect, test } from 'vitest';
import { isPackedParse, packParse, unpackParse } from '../../server/heavy/packed-records.js';
import type { LonglistRecord } from '../../server/domain/csv-longlist.js';
import type { LonglistParse } from '../../server/heavy/tasks.js';

// A long longlist's records cross back from a pool thread as one text and typed arrays (issue 15,
// promises 1 and 4): what arrives must be the records the thread read, field for field, with an
// absent field still absent (the import tells "not in the file" from "empty"), a null price null.

const text = fc.string({ unit: 'binary', maxLength: 12 });
const record = fc.record({
  line: fc.integer({ min: 2, max: 2_000_000 }), name: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  website: text, category: text, description: fc.string({ unit: 'binary', maxLength: 200 }),
  price: fc.oneof(fc.constant(null), fc.double({ noNaN: true })),
}, { requiredKeys: ['line', 'name'] }).map((r) => ({ ...r }) as LonglistRecord);

const parseOf = (records: LonglistRecord[]): Extract<LonglistParse, { ok: true }> => ({
  ok: true, parsed: { fields: ['name', 'website', 'price'], separator: ';', records, rejected: [{ line: 3, error: 'No name.' }] },
});

test('records packed, cloned as a thread sends them, and unpacked equal those read, absent fields absent', async () => {
  await fc.assert(fc.asyncProperty(fc.array(record, { maxLength: 60 }), async (records) => {
    const original = parseOf(records);
    const packed = packParse(original);
    const sent = structuredClone(packed.packed, { transfer: packed.transfer });
    expect(isPackedParse(sent)).toBe(true);
    expect(await unpackParse(sent)).toStrictEqual(original);
  }), { numRuns: 300, seed: 20261205 });
});

test('a file-sized parse is rebuilt across turns of the event loop', async () => {
  const records: LonglistRecord[] = Array.from({ length: 12_000 }, (_, i) => ({ line: i + 2, name: `Vendor ${i} – Ü`, ...(i % 3 ? { website: `https://v${i}.example` } : {}), ...(i % 5 ? { price: i % 7 ? i * 10.5 : null } : {}) }));
  const original = parseOf(records);
  const packed = packParse(original);
  let turns = 0;
  let busy = true;
  const tick = () => { if (busy) { turns++; setImmediate(tick); } };
  setImmediate(tick);
  const back = await unpackParse(structuredClone(packed.packed, { transfer: packed.transfer }));
  busy = false;
  expect(back).toStrictEqual(original);
  expect(turns).toBeGreaterThan(1);
});
