import type { CurrentUser } from '../../server/context.js';
import type { WorkingView } from '../../server/read-models/working.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { points } from '../format.js';
import { m } from '../messages/index.js';
import { DataTable } from '../partials/data-table.js';
import { fig } from '../partials/working-table.js';

/** Gaps closer than this to the largest count as equal to it (float order of the sums). */
const SAME_GAP = 1e-9;

interface ComparePageProps { user: CurrentUser; nav: EvaluationNav; workings: WorkingView[]; problems: string[] }

/** GET /evaluations/:id/compare?vendor=…&vendor=… — two or three vendors' contributions side by side. */
export function ComparePage({ user, nav, workings, problems }: ComparePageProps) {
  const base = `/evaluations/${nav.id}`;
  const first = workings[0];
  const rows = first ? first.lines.map((l, k) => {
    const values = workings.map((w) => w.lines[k]?.contribution ?? 0);
    return { line: l, values, gap: Math.max(...values) - Math.min(...values) };
  }) : [];
  // Where they differ most: the criterion with the largest gap (each of them when tied), none when all agree.
  // Highlighting a fixed top three would mark every row of a small tree and say nothing.
  const largest = Math.max(0, ...rows.map((r) => r.gap));
  const widest = new Set(largest > SAME_GAP ? rows.filter((r) => r.gap >= largest - SAME_GAP).map((r) => r.line.criterionId) : []);
  return (
    <Layout title={m.working.compareTitle} user={user} evaluation={nav}>
      <div class="page-head">
        <h1>{m.working.compareTitle}</h1>
        <p class="muted">{m.working.compareIntro} <a href={`${base}/ranking`}>{m.working.back}</a></p>
      </div>
      {problems.map((p) => <div class="alert alert-warn">{p}</div>)}
      {workings.length < 2 ? <div class="alert">{m.working.compareHint}</div> : (
        <DataTable class="compare-table" columns={[{ label: m.working.criterion }, ...workings.map((w) => ({ label: w.name, class: 'num' })), { label: m.working.gap, class: 'num' }]}>
          {rows.map((r) => (
            <tr class={widest.has(r.line.criterionId) ? 'gap-wide' : undefined} data-criterion-id={r.line.criterionId}>
              <th scope="row">{r.line.path.join(' › ')}{widest.has(r.line.criterionId) ? <span class="badge badge-warn">{m.working.largestGap}</span> : null}</th>
              {r.values.map((v) => <td class="num">{fig(v, 2)}</td>)}
              <td class="num"><strong>{fig(r.gap, 2)}</strong></td>
            </tr>
          ))}
          <tr class="working-total">
            <th scope="row">{m.working.total}</th>
            {workings.map((w) => <td class="num"><a href={`${base}/vendors/${w.vendorId}/working`}>{points(w.total)}</a></td>)}
            <td class="num">{points(Math.max(...workings.map((w) => w.total)) - Math.min(...workings.map((w) => w.total)))}</td>
          </tr>
        </DataTable>
      )}
    </Layout>
  );
}
