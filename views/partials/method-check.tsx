import type { MethodCheck } from '../../server/read-models/method-check.js';
import { fixed, points } from '../format.js';
import { m } from '../messages/index.js';
import { DataTable, type Column } from './data-table.js';

const HEADINGS: readonly Column[] = [
  { label: m.ranking.vendor }, { label: m.working.weightedRank, class: 'num' }, { label: m.working.topsisRank, class: 'num' }, { label: m.working.closeness, class: 'num' },
];

/** The weighted-sum rank beside the TOPSIS rank (issue 14), differences highlighted, and whether the top three depend on the method. */
export function MethodCheckSection({ check, base }: { check: MethodCheck; base: string }) {
  return (
    <section class="card" id="method-check">
      <h2>{m.working.methodCheck}</h2>
      <p class="muted">{m.working.methodIntro}</p>
      {check.ranked < 2 ? <p>{m.working.tooFew}</p> : (
        <>
          <p><strong>{m.working.topThree[check.topThree]}</strong></p>
          <DataTable class="method-table" columns={HEADINGS}>
            {check.rows.map((r) => (
              <tr class={r.weightedRank !== r.topsisRank ? 'rank-moved' : 'rank-same'} data-check-vendor={r.vendorId}>
                <th scope="row"><a href={`${base}/vendors/${r.vendorId}/working`}>{r.name}</a></th>
                <td class="num check-rank" title={m.ranking.ofHundred(points(r.weightedTotal))}>{String(r.weightedRank)}</td>
                <td class="num check-rank">{r.weightedRank !== r.topsisRank ? <strong>{String(r.topsisRank)} {r.topsisRank < r.weightedRank ? '▲' : '▼'}</strong> : String(r.topsisRank)}</td>
                <td class="num check-closeness">{fixed(r.closeness, 3)}</td>
              </tr>
            ))}
          </DataTable>
          <p class="muted small">{m.working.showingCheck(check.rows.length, check.ranked)}</p>
        </>
      )}
    </section>
  );
}
