import type { RankRow } from '../../server/domain/ranking.js';
import type { CriterionNode } from '../../server/domain/types.js';
import { points } from '../format.js';
import { m } from '../messages/index.js';
import { InSteps } from '../in-steps.js';

/**
 * The contribution bars' text alternative (issue 16): the same figures as a table, one row per
 * vendor and one column per top-level criterion, folded away under the ranking. A bar's colours
 * alone would say which criterion is which; here the column heading says it.
 */
export function RankingContributions({ rows, columns }: { rows: readonly RankRow[]; columns: readonly CriterionNode[] }) {
  if (rows.length === 0 || columns.length === 0) return null;
  return (
    <details class="contributions-table no-print">
      <summary>{m.a11y.contributionsTable}</summary>
      <div class="table-wrap" tabindex={0} role="region" aria-label={m.a11y.contributionsCaption}>
        <table class="table compact">
          <caption class="visually-hidden">{m.a11y.contributionsCaption}</caption>
          <thead><tr><th scope="col">{m.ranking.vendor}</th>{columns.map((c) => <th scope="col" class="num">{c.name}</th>)}<th scope="col" class="num">{m.ranking.total}</th></tr></thead>
          <tbody>
            <InSteps items={rows} each={(r) => (
              <tr><th scope="row">{r.name}</th>{columns.map((c) => <td class="num">{points(r.breakdown[c.id] ?? 0)}</td>)}<td class="num">{points(r.total)}</td></tr>
            )} />
          </tbody>
        </table>
      </div>
    </details>
  );
}
