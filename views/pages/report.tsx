import type { Child } from 'hono/jsx';
import { WorkingTable } from '../partials/working-table.js';
import { MethodCheckSection } from '../partials/method-check.js';
import type { BoardReport } from '../../server/read-models/report.js';
import { m } from '../messages/index.js';
import { currentLocale } from '../../server/i18n/current.js';
import { percent, points, when } from '../format.js';
import { Legend } from '../charts/stacked-bar.js';
import { DecisionRecordView } from '../partials/decision-record.js';
import { RankingTable } from '../partials/ranking-table.js';
import { RankingExcluded, RankingUnscored } from '../partials/ranking-gates.js';
import { RankingExplain } from '../partials/ranking-explain.js';
import { Robustness } from '../partials/robustness.js';
import { WithdrawnVendors } from '../partials/structure-changes.js';
import { ConflictsSection, ConsensusSection, RecordOfAward, ReportSection, VotesSummary, WeightsTable } from '../partials/report-sections.js';

const r = m.report;

interface ReportPageProps {
  report: BoardReport;
  /** Links at the top: the PDF of this same report, and back to the evaluation for members. */
  pdfHref: string;
  backHref?: string;
  /** Above the report, never printed: the facilitator's read-only links. */
  controls?: Child;
  /** The PDF renderer injects the stylesheets itself (no server to fetch them from). */
  inlineStyles?: boolean;
  viaLink?: boolean;
}

/** The board report: a document of its own (no tab bar), readable on screen and in print (report.css). */
export function ReportPage({ report, pdfHref, backHref, controls, inlineStyles, viaLink }: ReportPageProps) {
  const e = report.evaluation;
  return (
    <html lang={currentLocale()}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${r.title}: ${e.name} · ${m.product}`}</title>
        {inlineStyles ? null : <><link rel="stylesheet" href="/static/app.css" /><link rel="stylesheet" href="/static/report.css" /><script src="/static/app.js" defer></script></>}
      </head>
      <body>
        <main class="main report-main">
          <header class="report-head" id="top">
            <p class="muted small">{m.product} · {r.title}</p>
            <h1>{e.name}</h1>
            <p class="muted">{r.subtitle(m.status[e.status])} {r.generated(when(report.generatedAt))}</p>
            <p class="report-actions no-print">
              <a class="button" href={pdfHref}>{r.pdf}</a>
              {backHref ? <a href={backHref}>{e.name}</a> : null}
            </p>
            {viaLink ? <p class="muted small no-print">{r.viaLink}</p> : null}
            {e.status === 'review' || e.status === 'decided' ? null : <p class="alert alert-warn">{r.draft}</p>}
          </header>
          {controls}
          <ReportBody report={report} />
        </main>
      </body>
    </html>
  );
}

function ReportBody({ report }: { report: BoardReport }) {
  const view = report.ranking;
  return (
    <>
      <ReportSection id="decision" title={r.decision}>
        {report.decision ? <DecisionRecordView record={report.decision} /> : <p class="muted">{r.noDecision}</p>}
      </ReportSection>
      <ReportSection id="method" title={r.method}>
        <p>{r.methodIntro}</p>
        {view ? <WeightsTable nodes={view.nodes} local={view.resolved.local} global={view.resolved.global} /> : null}
        {view ? <div class="no-print"><RankingExplain nodes={view.nodes} resolved={view.resolved} /></div> : null}
        <VotesSummary votes={report.votes} />
      </ReportSection>
      <ReportSection id="ranking" title={r.ranking}>
        {view && view.result.rows.length > 0 ? (
          <>
            <p class="muted">{r.rankingTop(view.result.rows.length, view.ranked)}</p>
            <Legend items={view.columns.map((c, i) => ({ label: `${c.name} (${percent(view.resolved.global.get(c.id) ?? 0)})`, series: i }))} />
            <RankingTable rows={view.result.rows} columns={view.columns} />
          </>
        ) : <p class="muted">{view ? m.ranking.empty : r.scoresHidden}</p>}
      </ReportSection>
      {report.working.length > 0 ? (
        <ReportSection id="working" title={r.working}>
          <p class="muted">{r.workingIntro}</p>
          {report.working.map((w) => <div class="report-working"><h3>{w.name}: {points(w.total)}</h3><WorkingTable working={w} /></div>)}
        </ReportSection>
      ) : null}
      {report.sensitivity ? <div id="sensitivity"><Robustness report={report.sensitivity} /></div> : null}
      {report.methodCheck ? <MethodCheckSection check={report.methodCheck} base={`/evaluations/${report.evaluation.id}`} /> : null}
      <ReportSection id="excluded" title={r.excluded}>
        {(view?.result.excluded.length ?? 0) + report.structure.withdrawn.length === 0 ? <p class="muted">{r.excludedNone}</p> : null}
        {view ? <RankingExcluded excluded={view.result.excluded} /> : null}
        {/* Every vendor not yet scored, as the ranking page and the exports list them (issue 14, point 9: one source). */}
        {view ? <RankingUnscored unscored={view.result.unscored} limit={view.result.unscored.length} base={`/evaluations/${report.evaluation.id}`} /> : null}
        <WithdrawnVendors withdrawn={report.structure.withdrawn} />
      </ReportSection>
      <ConflictsSection report={report} />
      <ConsensusSection report={report} />
      <RecordOfAward />
    </>
  );
}
