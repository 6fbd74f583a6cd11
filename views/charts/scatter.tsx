/** A point of the scatter: x and y in data units, a label for its tooltip. */
export interface ScatterPoint { x: number; y: number; label: string }

const W = 300;
const H = 200;
const PAD = 24;

/**
 * A scatter chart as SVG drawn on the server (no script, no inline style: the strict CSP), axes
 * from 0 to the largest value. The figures are also in a table beside it: the chart is never the
 * only way to read them.
 */
export function Scatter({ points, label, xLabel, yLabel }: { points: ScatterPoint[]; label: string; xLabel: string; yLabel: string }) {
  const xMax = Math.max(1e-9, ...points.map((p) => p.x));
  const yMax = Math.max(1e-9, ...points.map((p) => p.y));
  const sx = (x: number) => (PAD + (x / xMax) * (W - 2 * PAD)).toFixed(1);
  const sy = (y: number) => (H - PAD - (y / yMax) * (H - 2 * PAD)).toFixed(1);
  return (
    <svg class="scatter" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} width="100%">
      <line class="axis" x1={String(PAD)} y1={String(H - PAD)} x2={String(W - PAD)} y2={String(H - PAD)} />
      <line class="axis" x1={String(PAD)} y1={String(PAD)} x2={String(PAD)} y2={String(H - PAD)} />
      <text class="axis-label" x={String(W - PAD)} y={String(H - 6)} text-anchor="end">{xLabel} →</text>
      <text class="axis-label" x="4" y={String(PAD - 8)}>↑ {yLabel}</text>
      {points.map((p) => <circle class="dot" cx={sx(p.x)} cy={sy(p.y)} r="4"><title>{p.label}</title></circle>)}
    </svg>
  );
}
