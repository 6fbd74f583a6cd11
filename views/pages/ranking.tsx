import type { CurrentUser } from '../../server/context.js';
import type { RankingView } from '../../server/services/ranking.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { Legend, StackedBar } from '../charts/stacked-bar.js';
import { percent, points } from '../format.js';
import { m } from '../messages/index.js';
import { WhoseWeights, type WhoseColumn } from '../partials/whose-weights.js';

interface Props { user: CurrentUser; nav: EvaluationNav; view: RankingView; limit: number; anyScores: boolean; whose?: WhoseColumn[] | null; pricesHidden?: boolean }

export function RankingPage({ user, nav, view, limit, anyScores, whose, pricesHidden }: Props) {
  const { result, columns, nodes, resolved } = view;
  const rows = result.rows.slice(0, limit);
  const provisional = result.rows.filter((r) => r.provisional).length;
  const series = new Map(columns.map((c, i) => [c.id, i]));
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const base = `/evaluations/${nav.id}`;
  return (
    <Layout title={m.ranking.title} user={user} evaluation={nav}>
      <div class="page-head page-head-split">
        <div>
          <h1>{m.ranking.title}</h1>
          <p class="muted">{m.ranking.intro} {m.ranking.weightsVersion(view.weightVersion)}</p>
        </div>
        <div class="actions">
          <a class="button" href={`${base}/shortlist.csv`} download>{m.ranking.exportCsv}</a>
          <a class="button" href={`${base}/shortlist.json`} download>{m.ranking.exportJson}</a>
        </div>
      </div>
      {result.rows.length === 0 && result.excluded.length === 0 ? (
        <div class="empty"><p>{m.ranking.empty}</p></div>
      ) : (
        <>
          {pricesHidden ? <div class="alert">{m.ranking.pricesHidden}</div> : null}
          {!anyScores ? <div class="alert">{m.ranking.noScores} <a href={`${base}/scoring`}>{m.tabs.scoring}</a></div> : null}
          {anyScores && provisional > 0 ? <div class="alert alert-warn">{m.ranking.anyProvisional(provisional)}</div> : null}
          <Legend items={columns.map((c, i) => ({ label: `${c.name} (${percent(resolved.global.get(c.id) ?? 0)})`, series: i }))} />
          <div class="table-wrap">
            <table class="table ranking-table">
              <thead>
                <tr>
                  <th scope="col" class="num">{m.ranking.rank}</th>
                  <th scope="col">{m.ranking.vendor}</th>
                  <th scope="col" class="num">{m.ranking.total}</th>
                  <th scope="col" class="num">{m.ranking.coverage}</th>
                  <th scope="col" class="bar-col">{m.ranking.contribution}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr data-vendor-id={r.vendorId}>
                    <td class="num rank-cell">{String(r.rank)}</td>
                    <th scope="row">
                      {r.name}
                      {r.provisional ? <span class="badge badge-warn" title={m.ranking.provisionalNote}>{m.ranking.provisional}</span> : null}
                    </th>
                    <td class="num total-cell">{points(r.total)}</td>
                    <td class="num">{percent(r.coverage)}</td>
                    <td class="bar-col">
                      <StackedBar label={`${r.name}: ${points(r.total)} of 100`}
                        segments={columns.map((c) => ({ key: c.id, value: r.breakdown[c.id] ?? 0, series: series.get(c.id) ?? 0, label: m.ranking.points(points(r.breakdown[c.id] ?? 0), c.name) }))} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted small">
            {m.ranking.showing(rows.length, result.rows.length)}{' '}
            {rows.length < result.rows.length ? <a href={`${base}/ranking?limit=all`}>{m.ranking.showAll}</a> : null}
          </p>
        </>
      )}
      {result.excluded.length > 0 ? (
        <section class="card">
          <h2>{m.ranking.excluded}</h2>
          <p class="muted">{m.ranking.excludedIntro}</p>
          <ul class="plain-list">{result.excluded.map((x) => <li><strong>{x.name}</strong> — {x.reason}</li>)}</ul>
        </section>
      ) : null}
      {result.flags.length > 0 ? (
        <section class="card">
          <h2>{m.ranking.flags}</h2>
          <ul class="plain-list">{result.flags.map((f) => <li>{`${nodes.find((n) => n.id === f.criterionId)?.name ?? ''}: ${f.reason}`} — {result.rows.find((r) => r.vendorId === f.vendorId)?.name ?? ''}</li>)}</ul>
        </section>
      ) : null}
      {anyScores ? (
        <section class="card" id="robustness" hx-get={`${base}/ranking/robustness`} hx-trigger="load" hx-swap="outerHTML">
          <h2>{m.robustness.title}</h2>
          <p class="muted">{m.robustness.loading} <a href={`${base}/ranking/robustness`}>{m.robustness.show}</a></p>
        </section>
      ) : null}
      {whose ? <WhoseWeights columns={whose} /> : null}
      <details class="card explain">
        <summary><h2>{m.ranking.howTitle}</h2></summary>
        <ol>{m.ranking.how.map((line) => <li>{line}</li>)}</ol>
        <h3>{m.ranking.leafWeights}</h3>
        <table class="table compact">
          <thead><tr><th scope="col">{m.ranking.criterion}</th><th scope="col" class="num">{m.ranking.weight}</th></tr></thead>
          <tbody>
            {[...resolved.leaves].map(([id, w]) => {
              const node = nodes.find((n) => n.id === id);
              const parent = node?.parentId ? names.get(node.parentId) : null;
              return <tr><td>{parent ? `${parent} › ` : ''}{names.get(id) ?? id}</td><td class="num">{percent(w)}</td></tr>;
            })}
          </tbody>
        </table>
      </details>
    </Layout>
  );
}
