/**
 * The what-if sliders (issue 14 item 4): the top-level weights as whole percentages that add up to
 * 100. When one slider moves to `x`, the others share the remaining 100 − x in proportion to what
 * they held (equally when they all held nothing), so each slider shows the share it ranks with.
 *
 * @example rescaleSliders({ a: 60, b: 30, c: 10 }, 'a') with a moved to 80 → { a: 80, b: 15, c: 5 }
 */
export function rescaleSliders(values: Readonly<Record<string, number>>, moved: string): Record<string, number> {
  const clamp = (v: number) => (Number.isFinite(v) ? Math.min(100, Math.max(0, v)) : 0);
  const x = clamp(values[moved] ?? 0);
  const others = Object.keys(values).filter((id) => id !== moved);
  const held = others.reduce((s, id) => s + clamp(values[id]!), 0);
  const out: Record<string, number> = { [moved]: x };
  for (const id of others) out[id] = held > 0 ? (clamp(values[id]!) * (100 - x)) / held : others.length > 0 ? (100 - x) / others.length : 0;
  return out;
}
