import type { RankRow } from '../../server/domain/ranking.js';
import type { CriterionNode } from '../../server/domain/types.js';
import { StackedBar } from '../charts/stacked-bar.js';
import { percent, points } from '../format.js';
import { m } from '../messages/index.js';

interface Props {
  rows: readonly RankRow[];
  /** Top-level criteria that carry weight: one bar segment each, coloured by position. */
  columns: readonly CriterionNode[];
}

/** The ranked vendors, best first, each with its total, coverage and contribution bar. */
export function RankingTable({ rows, columns }: Props) {
  const series = new Map(columns.map((c, i) => [c.id, i]));
  return (
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
          {rows.map((r) => <RankingRow row={r} columns={columns} series={series} />)}
        </tbody>
      </table>
    </div>
  );
}

function RankingRow({ row: r, columns, series }: { row: RankRow; columns: readonly CriterionNode[]; series: ReadonlyMap<string, number> }) {
  return (
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
  );
}
