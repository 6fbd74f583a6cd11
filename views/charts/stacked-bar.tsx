/** One coloured segment of a stacked bar; `series` picks the colour class so the legend matches. */
export interface Segment { key: string; label: string; value: number; series: number }

/**
 * A horizontal stacked bar on a 0–`max` axis, drawn as SVG on the server (no chart library, no
 * script). Colours come from CSS classes `.seg-N`, so the strict CSP needs no inline styles.
 */
export function StackedBar({ segments, max = 100, label }: { segments: Segment[]; max?: number; label: string }) {
  let x = 0;
  return (
    <svg class="stacked-bar" viewBox={`0 0 ${max} 10`} preserveAspectRatio="none" role="img" aria-label={label} width="100%" height="18">
      <rect class="bar-track" x="0" y="0" width={String(max)} height="10" />
      {segments.filter((s) => s.value > 0).map((s) => {
        const rect = <rect class={`seg seg-${s.series % 8}`} x={String(x)} y="0" width={String(s.value)} height="10"><title>{s.label}</title></rect>;
        x += s.value;
        return rect;
      })}
    </svg>
  );
}

/** The legend for stacked bars: one swatch per series. */
export function Legend({ items }: { items: { label: string; series: number }[] }) {
  return (
    <ul class="legend">
      {items.map((i) => (
        <li><svg width="12" height="12" aria-hidden="true"><rect class={`seg seg-${i.series % 8}`} width="12" height="12" rx="2" /></svg>{i.label}</li>
      ))}
    </ul>
  );
}
