import type { RankRow } from '../../server/domain/ranking.js';
import type { CriterionNode } from '../../server/domain/types.js';
import { StackedBar } from '../charts/stacked-bar.js';
import { percent, points } from '../format.js';
import { m } from '../messages/index.js';
import { DataTable, type Column } from './data-table.js';
import { RankingContributions } from './ranking-contributions.js';
import { InSteps } from '../in-steps.js';

interface RankingTableProps {
  rows: readonly RankRow[];
  /** Top-level criteria that carry weight: one bar segment each, coloured by position. */
  columns: readonly CriterionNode[];
  /** The evaluation's page base: each vendor's name then links to its working (issue 14). */
  base?: string;
}

const HEADINGS: readonly Column[] = [
  { label: m.ranking.rank, class: 'num' }, { label: m.ranking.vendor }, { label: m.ranking.total, class: 'num' },
  { label: m.ranking.coverage, class: 'num' }, { label: m.ranking.contribution, class: 'bar-col' },
];

/** The ranked vendors, best first, each with its total, coverage and contribution bar. */
export function RankingTable({ rows, columns, base }: RankingTableProps) {
  const series = new Map(columns.map((c, i) => [c.id, i]));
  return (
    <>
      <DataTable class="ranking-table" columns={HEADINGS}>
        <InSteps items={rows} each={(r) => <RankingRow row={r} columns={columns} series={series} base={base} />} />
      </DataTable>
      <RankingContributions rows={rows} columns={columns} />
    </>
  );
}

function RankingRow({ row: r, columns, series, base }: { row: RankRow; columns: readonly CriterionNode[]; series: ReadonlyMap<string, number>; base?: string | undefined }) {
  return (
    <tr data-vendor-id={r.vendorId}>
      <td class="num rank-cell">{String(r.rank)}</td>
      <th scope="row">
        {base ? <a href={`${base}/vendors/${r.vendorId}/working`} title={m.working.title(r.name)}>{r.name}</a> : r.name}
        {r.provisional ? <span class="badge badge-warn" title={m.ranking.provisionalNote}>{m.ranking.provisional}</span> : null}
      </th>
      <td class="num total-cell">{points(r.total)}</td>
      <td class="num">{percent(r.coverage)}</td>
      <td class="bar-col">
        <StackedBar label={`${r.name}: ${m.ranking.ofHundred(points(r.total))}`}
          segments={columns.map((c) => ({ key: c.id, value: r.breakdown[c.id] ?? 0, series: series.get(c.id) ?? 0, label: m.ranking.points(points(r.breakdown[c.id] ?? 0), c.name) }))} />
      </td>
    </tr>
  );
}
