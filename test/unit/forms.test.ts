import { expect, test } from 'vitest';
import { parseDecimal } from '../../server/forms.js';

test.each([
  ['3', 3], ['-1.5', -1.5], ['2,5', 2.5], [' 4 ', 4], ['.5', 0.5], ['+7', 7], ['10.', 10],
])('%j is the decimal %d', (raw, expected) => {
  expect(parseDecimal(raw)).toBe(expected);
});

test.each(['', ' ', '0x10', '0b11', '1e3', 'Infinity', '-', '1,2,3', '1.2.3', 'four', undefined])('%j is not a plain decimal', (raw) => {
  expect(parseDecimal(raw)).toBeNaN();
});
