import { describe, expect, test } from 'vitest';
import { LOCALES } from '../../server/i18n/locales.js';
import { withLocale } from '../../server/i18n/current.js';
import { safeSheetName, sheetNames, sheetRef } from '../../server/exports/xlsx-sheets.js';

// Issue 16: the workbook's sheets are named in the reader's language, and the formulas name them.
describe('workbook sheet names', () => {
  test.each(LOCALES)('%s: six distinct names Excel accepts', (locale) => {
    const names = Object.values(withLocale(locale, sheetNames));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(6);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    }
  });

  test('a translation Excel would refuse is made safe', () => {
    expect(safeSheetName("'Wyniki: [A/B]?'")).toBe('Wyniki A B');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName(' :* ')).toBe('Sheet');
  });

  test('formulas quote a name with spaces, letters beyond ASCII, quotes or the look of a column', () => {
    expect(sheetRef('Weights')).toBe('Weights');
    expect(sheetRef('Gewichte')).toBe('Gewichte');
    expect(sheetRef('Lista krótka')).toBe("'Lista krótka'");
    expect(sheetRef('Gewichtsübersicht')).toBe("'Gewichtsübersicht'");
    expect(sheetRef("O'Brien")).toBe("'O''Brien'");
    expect(sheetRef('AB')).toBe("'AB'");
  });
});
