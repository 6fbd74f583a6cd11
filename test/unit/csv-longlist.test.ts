import { describe, expect, test } from 'vitest';
import { detectSeparator, LonglistFormatError, mapHeader, parseLonglist, parsePrice, parseWebsite } from '../../server/domain/csv-longlist.js';
import { longlistText, rejectionsText } from '../../server/longlist-text.js';
import { problemOf } from '../setup/csv-problem.js';

describe('detectSeparator', () => {
  test.each([
    ['name,website,price\nA,b,c', ','],
    ['name;website;price\nA;b;c', ';'],
    ['name\twebsite\nA\tb', '\t'],
    ['name\nAcme, Inc.', ','],
    // Separators inside a quoted title do not count.
    ['"name, as written";"website"\n', ';'],
    ['"a;b;c",name\n', ','],
  ] as const)('%j → %j', (text, sep) => {
    expect(detectSeparator(text)).toBe(sep);
  });
});

describe('mapHeader', () => {
  test('titles are matched case-insensitively with aliases; others are ignored', () => {
    expect(mapHeader([' Name ', 'WEBSITE', 'Logo', 'Category', 'description', 'Price', 'crunchbase'])).toEqual(['name', 'website', undefined, 'category', 'description', 'price', undefined]);
    expect(mapHeader(['Vendor Name', 'URL'])).toEqual(['name', 'website']);
  });
  test('two columns for one field is a format error', () => {
    expect(() => mapHeader(['name', 'Vendor'])).toThrow(LonglistFormatError);
  });
});

describe('parsePrice', () => {
  test.each([
    ['', ',', null],
    ['1200', ',', 1200],
    ['1200.50', ',', 1200.5],
    ['1,200.50', ',', 1200.5],
    ['1.200,50', ';', 1200.5],
    ['1200,50', ';', 1200.5],
    ['1,200', ',', 1200],
    ['1.200.000', ';', 1_200_000],
    ['€ 1 200', ';', 1200],
    ['$99', ',', 99],
    ['1200 EUR', ',', 1200],
    ['0', ',', 0],
  ] as const)('%j (%s file) → %j', (raw, sep, want) => {
    expect(parsePrice(raw, sep)).toBe(want);
  });
  test.each(['-5', 'abc', '1e5', '12,5', '1.2.3', '1,', '=1+1', 'NaN', 'Infinity', '99999999999999'])('%j is not a price in a , file', (raw) => {
    expect(parsePrice(raw, ',')).toBeUndefined();
  });
});

describe('parseWebsite', () => {
  test.each([
    ['', ''],
    ['https://acme.io', 'https://acme.io'],
    ['HTTP://Acme.io/path?x=1', 'HTTP://Acme.io/path?x=1'],
    ['acme.io', 'https://acme.io'],
    ['www.acme.co.uk/products', 'https://www.acme.co.uk/products'],
  ] as const)('%j → %j', (raw, want) => {
    expect(parseWebsite(raw)).toBe(want);
  });
  test.each(['javascript:alert(1)', 'data:text/html,x', 'not a url', 'ftp://acme.io', '=HYPERLINK("http://x")', 'https://'])('%j is refused', (raw) => {
    expect(parseWebsite(raw)).toBeUndefined();
  });
});

describe('parseLonglist', () => {
  test('comma file: records with their line numbers and only the columns the file has', () => {
    const out = parseLonglist('Name,Website,Price\nAcme,https://acme.io,1200\nBeta,,\n');
    expect(out.separator).toBe(',');
    expect(out.fields).toEqual(['name', 'website', 'price']);
    expect(out.records).toEqual([
      { line: 2, name: 'Acme', website: 'https://acme.io', price: 1200 },
      { line: 3, name: 'Beta', website: '', price: null },
    ]);
    expect(out.rejected).toEqual([]);
  });

  test('BOM, semicolons, CRLF, quotes with doubled quotes and separators inside', () => {
    const out = parseLonglist('\uFEFFname;description;price\r\n"Acme; Inc.";"Says ""hi""";1.234,50\r\n');
    expect(out.records).toEqual([{ line: 2, name: 'Acme; Inc.', description: 'Says "hi"', price: 1234.5 }]);
  });

  test('embedded newlines: the line number is where the record starts, the description keeps its breaks', () => {
    const text = 'name,description\n"Acme","one\ntwo\nthree"\n"Beta\nCorp",x\r\nGamma,y\n';
    const out = parseLonglist(text);
    expect(out.records).toEqual([
      { line: 2, name: 'Acme', description: 'one\ntwo\nthree' },
      // A name is one line: the quoted newline becomes a space.
      { line: 5, name: 'Beta Corp', description: 'x' },
      { line: 7, name: 'Gamma', description: 'y' },
    ]);
  });

  test('rejections carry the 1-based file line and a reason; the other lines still come through', () => {
    const text = [
      'name,website,price', // 1
      'Acme,acme.io,10', // 2
      ',https://nameless.io,5', // 3 missing name
      'Beta,javascript:alert(1),', // 4 bad website
      'Gamma,,cheap', // 5 bad price
      '', // 6 blank: skipped silently
      ',,', // 7 only separators: skipped silently
      'ACME ,,20', // 8 duplicate of line 2 (case and spaces do not make a new name)
      'Delta,,1,extra', // 9 more fields than the header
      'Epsilon', // 10 short row: fine
    ].join('\n');
    const out = parseLonglist(text);
    expect(out.records.map((r) => [r.line, r.name])).toEqual([[2, 'Acme'], [10, 'Epsilon']]);
    expect(out.records[1]).toEqual({ line: 10, name: 'Epsilon' });
    expect(out.rejected.map((r) => r.line)).toEqual([3, 4, 5, 8, 9]);
    // The domain gives codes; the reasons are phrased outside it (here in English).
    const rejected = rejectionsText(out.rejected);
    expect(rejected[0]!.error).toMatch(/name is missing/);
    expect(rejected[1]!.error).toMatch(/website/);
    expect(rejected[2]!.error).toMatch(/price/);
    expect(rejected[3]!.error).toMatch(/Duplicate name .* line 2/);
    expect(rejected[4]!.error).toMatch(/4 fields .* header has 3/);
  });

  test('formula-looking cells are kept as plain text, exactly', () => {
    const out = parseLonglist('name,category,description\n"=1+1",+cmd,"@SUM(A1:A2)"\n-Minus,=HYPERLINK("x"),\'=quoted\n');
    expect(out.records).toEqual([
      { line: 2, name: '=1+1', category: '+cmd', description: '@SUM(A1:A2)' },
      { line: 3, name: '-Minus', category: '=HYPERLINK("x")', description: "'=quoted" },
    ]);
  });

  test('too-long fields are rejected with the limit', () => {
    const out = parseLonglist(`name,category\n${'x'.repeat(161)},a\nok,${'c'.repeat(81)}\n`);
    expect(rejectionsText(out.rejected).map((r) => [r.line, r.error])).toEqual([
      [2, 'The name is longer than 160 characters.'],
      [3, 'The category is longer than 80 characters.'],
    ]);
  });

  test.each([
    ['', /empty/],
    ['\uFEFF\n\n', /empty/],
    ['website,price\nacme.io,1\n', /"name" column/],
    ['name,x\na,b\n"never closed,4\nc,d\n', /Line 3 opens a quoted cell that is never closed/],
    ['name,Vendor\na,b\n', /more than one "name"/],
  ])('%j is not a longlist → LonglistFormatError', (text, message) => {
    expect(() => parseLonglist(text)).toThrow(LonglistFormatError);
    // The domain gives a code and values; the sentence is made outside it, here in English.
    expect(longlistText(problemOf(() => parseLonglist(text)))).toMatch(message);
  });

  test('line numbers stay right after blank lines, padded rows, CRLF and multi-line cells', () => {
    const text = 'name,description\r\n\r\n"A","x\r\ny"\r\n,\r\n\r\n"B\nB",\r\n   \r\nC,"1\n2\n3"\r\nD,\r\n';
    expect(parseLonglist(text).records.map((r) => [r.line, r.name])).toEqual([[3, 'A'], [7, 'B B'], [10, 'C'], [13, 'D']]);
  });

  test('blank lines above the header are skipped and still counted', () => {
    expect(parseLonglist('\n\r\nname\nAcme\n').records).toEqual([{ line: 4, name: 'Acme' }]);
  });

  test('a header alone is an empty longlist', () => {
    expect(parseLonglist('name\n')).toMatchObject({ records: [], rejected: [] });
  });
});
