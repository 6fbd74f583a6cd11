import { percent } from '../format.js';

/** One bar of the tornado: the interval (0–1) within which the leader stays first, and the weight in force. */
export interface TornadoBar { label: string; low: number; high: number; now: number }

const ROW = 18;
const LEFT = 110;
const W = 400;

/**
 * A tornado chart: one bar per top-level weight, narrowest interval (the most sensitive weight)
 * first, on a 0–100 % axis, the weight in force marked. SVG from the server; the table beside it
 * holds the same figures.
 */
export function Tornado({ bars, label }: { bars: TornadoBar[]; label: string }) {
  const sorted = [...bars].sort((a, b) => a.high - a.low - (b.high - b.low));
  const x = (v: number) => (LEFT + Math.max(0, Math.min(1, v)) * (W - LEFT - 8)).toFixed(1);
  const h = sorted.length * ROW + 20;
  return (
    <svg class="tornado" viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label} width="100%">
      {sorted.map((b, i) => (
        <g>
          <text class="axis-label" x={String(LEFT - 6)} y={String(i * ROW + 13)} text-anchor="end">{b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}</text>
          <rect class="bar-track" x={x(0)} y={String(i * ROW + 3)} width={(Number(x(1)) - Number(x(0))).toFixed(1)} height="12" />
          <rect class="interval-ok" x={x(b.low)} y={String(i * ROW + 3)} width={Math.max(1, Number(x(b.high)) - Number(x(b.low))).toFixed(1)} height="12">
            <title>{`${b.label}: ${percent(b.low)} – ${percent(b.high)} (now ${percent(b.now)})`}</title>
          </rect>
          <rect class="interval-now" x={(Number(x(b.now)) - 1).toFixed(1)} y={String(i * ROW + 1)} width="2" height="16" />
        </g>
      ))}
      <text class="axis-label" x={x(0)} y={String(h - 4)}>0 %</text>
      <text class="axis-label" x={x(1)} y={String(h - 4)} text-anchor="end">100 %</text>
    </svg>
  );
}
