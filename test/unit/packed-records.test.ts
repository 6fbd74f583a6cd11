import fc from 'fast-check';
import { expect, test } from 'vitest';
import { packRecords, unpackRecords } from '../../server/heavy/packed-records.js';
import type { LonglistRecord } from '../../server/domain/csv-longlist.js';

// A step of a longlist's records crosses from a pool thread as one text and typed arrays (issue
// 15, promises 1 and 4): what arrives must be the records the thread read, field for field, with an
// absent field still absent (the import tells "not in the file" from "empty"), a null price null,
// and text that UTF-8 cannot carry (a lone surrogate) unchanged.

const text = fc.string({ unit: 'binary', maxLength: 12 });
const record = fc.record({
  line: fc.integer({ min: 2, max: 2_000_000 }), name: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  website: text, category: text, description: fc.string({ unit: 'binary', maxLength: 200 }),
  price: fc.oneof(fc.constant(null), fc.double({ noNaN: true })),
}, { requiredKeys: ['line', 'name'] }).map((r) => ({ ...r }) as LonglistRecord);

const sent = (records: LonglistRecord[]) => {
  const { packed, transfer } = packRecords(records);
  return structuredClone(packed, { transfer });
};

test('records packed, sent as a thread sends them, and unpacked equal those read, absent fields absent', () => {
  fc.assert(fc.property(fc.array(record, { maxLength: 60 }), (records) => {
    expect(unpackRecords(sent(records))).toStrictEqual(records);
  }), { numRuns: 300, seed: 20261205 });
});

test('the text moves as bytes, and as a string only when it holds a lone surrogate', () => {
  const plain = sent([{ line: 2, name: 'Zürich – Ü' }]);
  expect(plain.text).toBeInstanceOf(Uint8Array);
  const lone = sent([{ line: 2, name: 'A\uD800B', website: 'https://x.io' }]);
  expect(typeof lone.text).toBe('string');
  expect(unpackRecords(lone)).toStrictEqual([{ line: 2, name: 'A\uD800B', website: 'https://x.io' }]);
});
