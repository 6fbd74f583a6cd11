import { describe, expect, test } from 'vitest';
import { calibrate, correctedMean, sdOf } from '../../server/domain/calibration.js';

describe('calibration figures (issue 14, point 5)', () => {
  test('three evaluators with known offsets: +1, 0, −1 on two shared cells, most lenient first', () => {
    // Cells with panel means 3 and 4 (scale 1–5): Ann 4, 5; Ben 3, 4; Cat 2, 3. Ann also scored a cell alone (5).
    const rows = [
      { evaluatorId: '3', name: 'Cat', n: 2, sum: 5, sumsq: 13, shared: 2, offSum: -2, offSumsq: 2 },
      { evaluatorId: '1', name: 'Ann', n: 3, sum: 14, sumsq: 66, shared: 2, offSum: 2, offSumsq: 2 },
      { evaluatorId: '2', name: 'Ben', n: 2, sum: 7, sumsq: 25, shared: 2, offSum: 0, offSumsq: 0 },
    ];
    const out = calibrate(rows);
    expect(out.map((e) => [e.name, e.leniency, e.offsetSd])).toEqual([['Ann', 1, 0], ['Ben', 0, 0], ['Cat', -1, 0]]);
    expect(out[0]!.mean).toBeCloseTo(14 / 3, 12);
    expect(out[0]!.sd).toBeCloseTo(Math.sqrt(((4 - 14 / 3) ** 2 + (5 - 14 / 3) ** 2 + (5 - 14 / 3) ** 2) / 3), 12);
    expect(out[1]!.sd).toBe(0.5);
  });

  test('an evaluator who shares no cell has no leniency; sd never goes negative from rounding', () => {
    const [e] = calibrate([{ evaluatorId: '9', name: 'Solo', n: 1, sum: 0.1, sumsq: 0.010000000000000002, shared: 0, offSum: 0, offSumsq: 0 }]);
    expect(e).toMatchObject({ leniency: null, offsetSd: null, sd: 0 });
    expect(sdOf(0, 0, 0)).toBe(0);
    expect(sdOf(3, 0.3, 0.03)).toBeGreaterThanOrEqual(0);
  });

  test('a corrected mean stays on the scale', () => {
    expect(correctedMean(2, 12, { min: 1, max: 5 })).toBe(5);
    expect(correctedMean(2, 0, { min: 1, max: 5 })).toBe(1);
    expect(correctedMean(4, 14, { min: 1, max: 5 })).toBe(3.5);
  });
});
