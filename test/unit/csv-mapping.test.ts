import { describe, expect, test } from 'vitest';
import { parseLonglist } from '../../server/domain/csv-longlist.js';
import { longlistText, rejectionsText } from '../../server/longlist-text.js';
import { problemOf } from '../setup/csv-problem.js';
import { applyMapping, guessMapping, mappingProblem, previewCsv } from '../../server/domain/csv-mapping.js';

describe('previewCsv', () => {
  test.each([
    { name: 'commas, BOM and CRLF', csv: '\uFEFFName,Website,Notes\r\nAcme,acme.io,first\r\nBeta,,second\r\n', sep: ',', header: ['Name', 'Website', 'Notes'], guess: ['name', 'website', null], rows: 2 },
    { name: 'semicolons and a quoted newline', csv: 'Company;Price\n"Multi\nline";1,5\nZed;2\n', sep: ';', header: ['Company', 'Price'], guess: ['name', 'price'], rows: 2 },
    { name: 'blank lines above the header and a repeated alias', csv: '\n\nvendor,name,url\nA,B,c.io\n', sep: ',', header: ['vendor', 'name', 'url'], guess: ['name', null, 'website'], rows: 1 },
    { name: 'a header only', csv: 'name\n', sep: ',', header: ['name'], guess: ['name'], rows: 0 },
  ])('$name', ({ csv, sep, header, guess, rows }) => {
    const p = previewCsv(csv);
    expect(p.separator).toBe(sep);
    expect(p.header).toEqual(header);
    expect(p.guess).toEqual(guess);
    expect(p.rows).toHaveLength(rows);
    for (const r of p.rows) expect(r).toHaveLength(header.length);
  });

  test('shows at most the rows asked for, skipping blank ones', () => {
    const p = previewCsv(`name\n${Array.from({ length: 20 }, (_, i) => `V${i}\n\n`).join('')}`, 5);
    expect(p.rows).toEqual([['V0'], ['V1'], ['V2'], ['V3'], ['V4']]);
  });

  test('an empty file is refused', () => {
    expect(longlistText(problemOf(() => previewCsv('\uFEFF  \n')))).toMatch(/empty/);
  });
});

describe('guessMapping and mappingProblem', () => {
  test('the first column of a field wins; titles are matched loosely', () => {
    expect(guessMapping([' Company Name ', 'WEB SITE', 'Company', 'Price', 'x'])).toEqual(['name', 'website', null, 'price', null]);
  });
  test.each([
    { mapping: ['name', null], ok: true },
    { mapping: [null, null], ok: false },
    { mapping: ['name', 'name'], ok: false },
    { mapping: ['name', 'price', 'price'], ok: false },
  ] as const)('$mapping', ({ mapping, ok }) => {
    expect(mappingProblem([...mapping], mapping.length) === null).toBe(ok);
  });
});

describe('applyMapping', () => {
  test('parseLonglist reads the mapped file as mapped, with the original line numbers', () => {
    const csv = '\r\n"Firm\r\n(legal)";Segment;Notes;Cost\r\nAcme;Data;"Two\r\nlines";12,5\r\n;;;\r\nBeta;Ads;x;lots\r\nacme;Data;dup;1\r\n';
    const mapped = applyMapping(csv, ['name', 'category', null, 'price']);
    const parsed = parseLonglist(mapped);
    expect(parsed.fields).toEqual(['name', 'category', 'price']);
    expect(parsed.records).toEqual([{ line: 4, name: 'Acme', category: 'Data', price: 12.5 }]);
    expect(rejectionsText(parsed.rejected)).toEqual([
      { line: 7, error: 'The price "lots" is not a number ≥ 0.' },
      { line: 8, error: 'Duplicate name "acme" (first on line 4).' },
    ]);
  });

  test('mapping a file as guessed reads exactly as parseLonglist reads the original', () => {
    const csv = '\n\n"Vendor\nname",URL,Price,Extra\nAcme,acme.io,"1.5",x\n\nBeta,bad url,2,y\n"Gam\nma",,,\nacme,,,\n';
    const original = parseLonglist(csv);
    const mapped = parseLonglist(applyMapping(csv, previewCsv(csv).guess));
    expect(mapped.records).toEqual(original.records);
    expect(mapped.rejected).toEqual(original.rejected);
    expect(original.rejected.map((r) => r.line)).toEqual([7, 10]);
  });

  test('renaming a column the aliases would have guessed differently', () => {
    const csv = 'name,Title,url\nIgnored,Real name,https://a.io\n';
    expect(parseLonglist(applyMapping(csv, [null, 'name', 'website'])).records).toEqual([{ line: 2, name: 'Real name', website: 'https://a.io' }]);
  });

  test('a mapping without a name column is refused', () => {
    expect(longlistText(problemOf(() => applyMapping('a,b\n1,2\n', [null, 'website'])))).toMatch(/vendor names/);
  });
});
