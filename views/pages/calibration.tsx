import type { CurrentUser } from '../../server/context.js';
import type { CalibrationReport } from '../../server/read-models/calibration.js';
import { points } from '../format.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';

const c = m.calibration;
const two = (x: number) => x.toFixed(2);

interface CalibrationPageProps { user: CurrentUser; nav: EvaluationNav; report: CalibrationReport | null; hidden: string | null }

/** GET /evaluations/:id/review/calibration — each evaluator against the panel, and the check ranking (never the official one). */
export function CalibrationPage({ user, nav, report, hidden }: CalibrationPageProps) {
  return (
    <Layout title={c.title} user={user} evaluation={nav}>
      <div class="page-head">
        <h1>{c.title}</h1>
        <p class="muted">{c.intro} <a href={`/evaluations/${nav.id}/review`}>{c.back}</a></p>
      </div>
      {hidden !== null || report === null ? <div class="empty"><p>{hidden}</p></div> : <Body report={report} />}
    </Layout>
  );
}

function Body({ report }: { report: CalibrationReport }) {
  if (report.evaluators.length === 0) return <div class="empty"><p>{c.none}</p></div>;
  return (
    <>
      <section class="card">
        <h2>{c.evaluatorsTitle}</h2>
        <div class="table-wrap">
          <table class="table compact calibration-table">
            <thead><tr><th scope="col">{c.evaluator}</th><th scope="col" class="num">{c.leniency}</th><th scope="col" class="num">{c.offsetSd}</th><th scope="col" class="num">{c.shared}</th><th scope="col" class="num">{c.scores}</th><th scope="col" class="num">{c.mean}</th><th scope="col" class="num">{c.sd}</th></tr></thead>
            <tbody>{report.evaluators.map((e) => (
              <tr>
                <th scope="row">{e.name}</th>
                <td class="num">{e.leniency === null ? <span class="muted">{c.noShared}</span> : c.signed(e.leniency)}</td>
                <td class="num">{e.offsetSd === null ? '—' : two(e.offsetSd)}</td>
                <td class="num">{e.shared.toLocaleString('en')}</td>
                <td class="num">{e.scores.toLocaleString('en')}</td>
                <td class="num">{two(e.mean)}</td>
                <td class="num">{two(e.sd)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      </section>
      <section class="card">
        <h2>{c.checkTitle} <span class="badge badge-warn">{c.checkBadge}</span></h2>
        <p class="muted small">{c.checkIntro}</p>
        <p>{c.moved(report.check.moved, report.check.ranked)}{report.check.rows.length < report.check.ranked ? ` ${c.topOf(report.check.rows.length, report.check.ranked)}` : ''}</p>
        <div class="table-wrap">
          <table class="table compact">
            <thead><tr><th scope="col" class="num">{c.rank}</th><th scope="col">{c.vendor}</th><th scope="col" class="num">{c.total}</th><th scope="col" class="num">{c.officialRank}</th><th scope="col" class="num">{c.officialTotal}</th></tr></thead>
            <tbody>{report.check.rows.map((r) => (
              <tr class={r.officialRank !== r.rank ? 'changed' : undefined}>
                <td class="num">{r.rank}</td>
                <th scope="row">{r.name}</th>
                <td class="num">{points(r.total)}</td>
                <td class="num">{r.officialRank ?? '—'}{r.officialRank !== null && r.officialRank !== r.rank ? <span class="badge badge-warn">{r.officialRank > r.rank ? '↑' : '↓'}</span> : null}</td>
                <td class="num">{r.officialTotal === null ? '—' : points(r.officialTotal)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      </section>
    </>
  );
}
