import type { SensitivityReport } from '../../server/read-models/sensitivity.js';
import { percent } from '../format.js';
import { m } from '../messages/index.js';
import { Tornado } from '../charts/tornado.js';

/** The interval within which the leader stays first, on a 0–100 % axis, with today's weight marked. */
function IntervalBar({ low, high, now, label }: { low: number; high: number; now: number; label: string }) {
  const x = (v: number) => String(Math.max(0, Math.min(100, v * 100)));
  return (
    <svg class="interval-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={label} width="100%" height="16">
      <rect class="bar-track" x="0" y="2" width="100" height="6" />
      <rect class="interval-ok" x={x(low)} y="2" width={String(Math.max(0.5, (high - low) * 100))} height="6" />
      <rect class="interval-now" x={String(Math.max(0, Math.min(99, now * 100 - 0.5)))} y="0" width="1" height="10" />
    </svg>
  );
}

/** The heat map's shade class for a share (0–1), five steps; the number is always printed in the cell too. */
const heat = (x: number) => `heat-${Math.min(4, Math.floor(x * 5))}`;

/** "How robust is this ranking?": stability intervals and rank acceptability, server-rendered. */
export function Robustness({ report }: { report: SensitivityReport }) {
  if (!report.leader) return <section class="card" id="robustness"><h2>{m.robustness.title}</h2><p class="muted">{m.robustness.none}</p></section>;
  const rows = Object.entries(report.acceptability).sort((a, b) => b[1].first - a[1].first || b[1].top3 - a[1].top3).slice(0, 10).filter(([, v]) => v.top3 > 0);
  const leaderShare = report.acceptability[report.leader.vendorId]?.first ?? 0;
  return (
    <section class="card" id="robustness">
      <h2>{m.robustness.title}</h2>
      <p class="robust-verdict"><strong>{m.robustness.verdict(leaderShare, report.leader.name, report.samples)}</strong></p>
      <p class="muted">{m.robustness.stabilityIntro(report.leader.name)}</p>
      <h3>{m.whatIf.tornadoTitle}</h3>
      <Tornado label={m.whatIf.tornadoLabel(report.leader.name)} bars={report.criteria.map((c) => { const s = report.stability[c.id] ?? { low: c.weight, high: c.weight }; return { label: c.name, low: s.low, high: s.high, now: c.weight }; })} />
      <table class="table compact">
        <thead><tr><th scope="col">{m.robustness.criterion}</th><th scope="col" class="num">{m.robustness.now}</th><th scope="col">{m.robustness.range}</th><th scope="col" class="bar-col"><span class="visually-hidden">{m.a11y.intervalColumn}</span></th></tr></thead>
        <tbody>
          {report.criteria.map((c) => {
            const s = report.stability[c.id] ?? { low: c.weight, high: c.weight };
            const full = s.low <= 1e-9 && s.high >= 1 - 1e-9;
            return (
              <tr>
                <th scope="row">{c.name}</th>
                <td class="num">{percent(c.weight)}</td>
                <td>{full ? m.robustness.anyWeight : `${percent(s.low)} – ${percent(s.high)}`}</td>
                <td class="bar-col"><IntervalBar low={s.low} high={s.high} now={c.weight} label={`${c.name}: ${percent(s.low)} to ${percent(s.high)}`} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{m.robustness.acceptTitle(report.votes)}</h3>
      <p class="muted small">{m.robustness.acceptIntro(report.samples, report.votes)}</p>
      <table class="table compact heat-map" aria-label={m.whatIf.heatLabel}>
        <caption class="muted small">{m.whatIf.heatTitle}</caption>
        <thead><tr><th scope="col">{m.robustness.vendor}</th><th scope="col" class="num">{m.robustness.first}</th><th scope="col" class="num">{m.robustness.top3}</th></tr></thead>
        <tbody>{rows.map(([id, v]) => <tr><th scope="row">{report.names[id] ?? id}</th><td class={`num ${heat(v.first)}`}>{percent(v.first)}</td><td class={`num ${heat(v.top3)}`}>{percent(v.top3)}</td></tr>)}</tbody>
      </table>
    </section>
  );
}
