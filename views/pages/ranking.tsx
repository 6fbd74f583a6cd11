import type { Child } from 'hono/jsx';
import type { CurrentUser } from '../../server/context.js';
import type { RankingView } from '../../server/read-models/ranking.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { Legend } from '../charts/stacked-bar.js';
import { percent } from '../format.js';
import { m } from '../messages/index.js';
import { WhoseWeights, type WhoseColumn } from '../partials/whose-weights.js';
import { RankingTable } from '../partials/ranking-table.js';
import { RankingExcluded, RankingFlags, RankingUnscored } from '../partials/ranking-gates.js';
import { RankingExplain } from '../partials/ranking-explain.js';
import { WeightChangesNote, WithdrawnVendors } from '../partials/structure-changes.js';
import type { MethodCheck } from '../../server/read-models/method-check.js';
import { MethodCheckSection } from '../partials/method-check.js';
import type { StructureChanges } from '../../server/read-models/structure-changes.js';
import { reportRefusal } from '../../server/domain/rules/report-access.js';

interface RankingPageProps { user: CurrentUser; nav: EvaluationNav; view: RankingView; limit: number; anyScores: boolean; whose?: WhoseColumn[] | null; pricesHidden?: boolean; early?: boolean; structure?: StructureChanges; check?: MethodCheck | null; extra?: Child }

export function RankingPage({ user, nav, view, limit, anyScores, whose, pricesHidden, early, structure, check, extra }: RankingPageProps) {
  const { result, nodes, resolved } = view;
  const base = `/evaluations/${nav.id}`;
  return (
    <Layout title={m.ranking.title} user={user} evaluation={nav}>
      <RankingHead base={base} weightVersion={view.weightVersion} report={reportRefusal(nav.role, nav.status) === null} />
      {early ? <RankingBasis own={view.view === 'own'} /> : null}
      {structure ? <WeightChangesNote changes={structure.weightChanges} /> : null}
      {result.rows.length === 0 && result.excluded.length === 0 && result.unscored.length === 0 ? (
        <div class="empty"><p>{m.ranking.empty}</p></div>
      ) : (
        <RankingResults view={view} base={base} limit={limit} anyScores={anyScores} pricesHidden={pricesHidden} />
      )}
      <RankingUnscored unscored={result.unscored} limit={limit} base={base} />
      <RankingExcluded excluded={result.excluded} />
      {structure ? <WithdrawnVendors withdrawn={structure.withdrawn} /> : null}
      <RankingFlags flags={result.flags} nodes={nodes} vendors={[...result.rows, ...result.unscored, ...result.excluded]} />
      {extra ?? null}
      {check ? <MethodCheckSection check={check} base={base} /> : null}
      {anyScores ? <RobustnessLoader base={base} /> : null}
      {whose ? <WhoseWeights columns={whose} /> : null}
      <RankingExplain nodes={nodes} resolved={resolved} />
    </Layout>
  );
}

/** Title, which weights the ranking uses, and the shortlist exports. */
function RankingHead({ base, weightVersion, report }: { base: string; weightVersion: number | null; report: boolean }) {
  return (
    <div class="page-head page-head-split">
      <div>
        <h1>{m.ranking.title}</h1>
        <p class="muted">{m.ranking.intro} {m.ranking.weightsVersion(weightVersion)}</p>
      </div>
      <div class="actions">
        <a class="button" href={`${base}/shortlist.csv`} download>{m.ranking.exportCsv}</a>
        <a class="button" href={`${base}/shortlist.json`} download>{m.ranking.exportJson}</a>
        <a class="button" href={`${base}/shortlist.xlsx`} download title={m.ranking.exportXlsxHint}>{m.ranking.exportXlsx}</a>
        {report ? <a class="button" href={`${base}/report`}>{m.report.open}</a> : null}
      </div>
    </div>
  );
}

/** Whose scores the figures are built from, said before review when it matters (blind scoring). */
function RankingBasis({ own }: { own: boolean }) {
  return (
    <div class={own ? 'alert alert-warn' : 'alert'} id="ranking-basis">
      <strong>{own ? m.ranking.ownOnly : m.ranking.teamFigures}.</strong> {own ? m.ranking.ownOnlyNote : m.ranking.teamFiguresNote}
    </div>
  );
}

type ResultsProps = Pick<RankingPageProps, 'view' | 'limit' | 'anyScores' | 'pricesHidden'> & { base: string };

/** What to keep in mind before reading the table, the legend, the best `limit` rows, and a link to the rest. */
function RankingResults({ view, base, limit, anyScores, pricesHidden }: ResultsProps) {
  const { result, columns, resolved } = view;
  const rows = result.rows.slice(0, limit);
  const provisional = result.rows.filter((r) => r.provisional).length;
  return (
    <>
      {pricesHidden ? <div class="alert">{m.ranking.pricesHidden}</div> : null}
      {result.rows.length === 0 ? <div class="alert">{m.ranking.noScores} <a href={`${base}/scoring`}>{m.tabs.scoring}</a></div> : null}
      {anyScores && provisional > 0 ? <div class="alert alert-warn">{m.ranking.anyProvisional(provisional)}</div> : null}
      {result.rows.length === 0 ? null : (
        <>
          <Legend items={columns.map((c, i) => ({ label: `${c.name} (${percent(resolved.global.get(c.id) ?? 0)})`, series: i }))} />
          <RankingTable rows={rows} columns={columns} base={base} />
          <p class="muted small">
            {m.ranking.showing(rows.length, result.rows.length)}{' '}
            {rows.length < result.rows.length ? <a href={`${base}/ranking?limit=all`}>{m.ranking.showAll}</a> : null}
            {rows.length >= 2 ? <> <a href={`${base}/compare?${rows.slice(0, 3).map((r) => `vendor=${r.vendorId}`).join('&')}`}>{m.working.compareTop}</a></> : null}
          </p>
        </>
      )}
    </>
  );
}

/** Placeholder card htmx replaces with the robustness report once the page has loaded (it takes a moment to compute). */
function RobustnessLoader({ base }: { base: string }) {
  return (
    <section class="card" id="robustness" hx-get={`${base}/ranking/robustness`} hx-trigger="load" hx-swap="outerHTML">
      <h2>{m.robustness.title}</h2>
      <p class="muted">{m.robustness.loading} <a href={`${base}/ranking/robustness`}>{m.robustness.show}</a></p>
    </section>
  );
}
