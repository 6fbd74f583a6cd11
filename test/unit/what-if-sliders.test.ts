import { expect, test } from 'vitest';
import { rescaleSliders } from '../../server/domain/what-if-sliders.js';

const near = (got: Record<string, number>, want: Record<string, number>) => {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [k, v] of Object.entries(want)) expect(got[k]).toBeCloseTo(v, 12);
};

test.each<{ name: string; values: Record<string, number>; moved: string; want: Record<string, number> }>([
  { name: 'the others keep their proportions', values: { a: 80, b: 30, c: 10 }, moved: 'a', want: { a: 80, b: 15, c: 5 } },
  { name: 'a slider at 100 leaves the others nothing', values: { a: 100, b: 30, c: 10 }, moved: 'a', want: { a: 100, b: 0, c: 0 } },
  { name: 'others that held nothing share the rest equally', values: { a: 40, b: 0, c: 0 }, moved: 'a', want: { a: 40, b: 30, c: 30 } },
  { name: 'out-of-range values are clamped first', values: { a: 150, b: -5, c: 20 }, moved: 'a', want: { a: 100, b: 0, c: 0 } },
  { name: 'a lone slider keeps its value', values: { a: 35 }, moved: 'a', want: { a: 35 } },
])('$name', ({ values, moved, want }) => {
  const got = rescaleSliders(values, moved);
  near(got, want);
  if (Object.keys(values).length > 1) expect(Object.values(got).reduce((s, v) => s + v, 0)).toBeCloseTo(100, 9);
});
