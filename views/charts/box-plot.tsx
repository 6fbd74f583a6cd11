/** Five numbers of a distribution on a 0–1 axis (weights), as computed by the voting domain. */
export interface Box { min: number; q1: number; median: number; q3: number; max: number }

/**
 * A horizontal box plot on a 0–`axisMax` axis, server-rendered SVG: whiskers min–max, box q1–q3,
 * a line at the median, and a dot at the aggregate. Coloured by CSS classes (strict CSP).
 */
export function BoxPlot({ box, mark, axisMax, label }: { box: Box; mark?: number | undefined; axisMax: number; label: string }) {
  const x = (v: number) => String(Math.max(0, Math.min(100, (v / axisMax) * 100)));
  return (
    <svg class="box-plot" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label={label} width="100%" height="22">
      <line class="bp-axis" x1="0" y1="6" x2="100" y2="6" />
      <line class="bp-whisker" x1={x(box.min)} y1="6" x2={x(box.max)} y2="6" />
      <line class="bp-whisker" x1={x(box.min)} y1="3" x2={x(box.min)} y2="9" />
      <line class="bp-whisker" x1={x(box.max)} y1="3" x2={x(box.max)} y2="9" />
      <rect class="bp-box" x={x(box.q1)} y="2" width={String(Math.max(0.5, Number(x(box.q3)) - Number(x(box.q1))))} height="8" />
      <line class="bp-median" x1={x(box.median)} y1="2" x2={x(box.median)} y2="10" />
      {mark !== undefined ? <circle class="bp-mark" cx={x(mark)} cy="6" r="1.6" /> : null}
    </svg>
  );
}

/** Tick values for a 0–`axisMax` axis of shares: five evenly spaced, rounded to whole percents. */
export const axisTicks = (axisMax: number): number[] => [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * axisMax * 100) / 100);

/**
 * The scale under a column of box plots: its labels at 0, ¼, ½, ¾ and the whole of the axis, as
 * HTML spread evenly (the strict CSP allows no inline style to place them), so the text keeps its
 * size however the SVG above is stretched. `format` writes a tick (a percentage for weights).
 */
export function BoxAxis({ axisMax, format }: { axisMax: number; format: (v: number) => string }) {
  const ticks = axisTicks(axisMax);
  return (
    <div class="bp-scale" aria-hidden="true">
      {ticks.map((t) => <span class="bp-tick">{format(t)}</span>)}
    </div>
  );
}
