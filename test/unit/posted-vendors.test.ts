import { expect, test } from 'vitest';
import { postedTask, receivedTask, vendorsText } from '../../server/heavy/posted-vendors.js';

// A long vendor list crosses to a pool thread as one JSON text and comes back as the same objects.

const vendors = Array.from({ length: 1500 }, (_, i) => ({ id: String(i + 1), name: i % 7 === 0 ? `Vendor "${i}" \u2028 ✓ \\ ${'\u0000'}` : `Vendor ${i}`, price: i % 3 === 0 ? null : i * 1.1 + 0.000_1 }));
const task = { kind: 'rank' as const, inputs: { nodes: [], vendors, costFormula: 'linear' }, limit: 5 };

test('a long vendor list is posted as text and received as the same objects', () => {
  const posted = postedTask(task) as unknown as { inputs: { vendors: unknown[]; vendorsText: string } };
  expect(posted.inputs.vendors).toEqual([]);
  expect(posted.inputs.vendorsText).toBe(vendorsText(vendors));
  expect(receivedTask(structuredClone(posted))).toStrictEqual(task);
});

test('a short list and a task without inputs go as they are', () => {
  const short = { ...task, inputs: { ...task.inputs, vendors: vendors.slice(0, 10) } };
  expect(postedTask(short)).toBe(short);
  // JSON would give -0 back as 0.
  const negativeZero = { ...task, inputs: { ...task.inputs, vendors: vendors.map((v, i) => (i === 3 ? { ...v, price: -0 } : v)) } };
  expect(postedTask(negativeZero)).toBe(negativeZero);
  const other = { kind: 'kendall', grid: { leafIds: [], vendors: 0, rows: [] } };
  expect(postedTask(other)).toBe(other);
  expect(receivedTask(other)).toBe(other);
});
