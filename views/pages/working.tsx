import type { CurrentUser } from '../../server/context.js';
import type { WorkingLineView, WorkingView } from '../../server/read-models/working.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { percent, points } from '../format.js';
import { m } from '../messages/index.js';
import { DataTable, type Column } from '../partials/data-table.js';

/** Figures a reviewer recomputes: enough decimals that the running sum adds up to the total shown. */
export const fig = (x: number, d = 4): string => (Number.isInteger(x) ? String(x) : x.toFixed(d));

const HEADINGS: readonly Column[] = [
  { label: m.working.criterion }, { label: m.working.weight, class: 'num' }, { label: m.working.scores }, { label: m.working.value },
  { label: m.working.normalised, class: 'num' }, { label: m.working.contribution, class: 'num' }, { label: m.working.runningSum, class: 'num' },
];

interface WorkingPageProps { user: CurrentUser; nav: EvaluationNav; working: WorkingView; others: { vendorId: string; name: string }[] }

/** GET /evaluations/:id/vendors/:vendorId/working — one vendor's total, line by line. */
export function WorkingPage({ user, nav, working: w, others }: WorkingPageProps) {
  const base = `/evaluations/${nav.id}`;
  let running = 0;
  return (
    <Layout title={m.working.title(w.name)} user={user} evaluation={nav}>
      <div class="page-head">
        <h1>{m.working.title(w.name)}</h1>
        <p class="muted">{m.working.intro} <a href={`${base}/ranking`}>{m.working.back}</a></p>
      </div>
      {w.view === 'own' ? <div class="alert alert-warn">{m.working.ownOnly}</div> : null}
      {w.pricesHidden ? <div class="alert">{m.working.pricesHidden}</div> : null}
      <p class="small">{m.working.formula(w.scale.min, w.scale.max)}{w.lowestPrice !== null ? ` ${m.working.lowestPrice(fig(w.lowestPrice, 2))}` : ''}</p>
      <DataTable class="working-table" columns={HEADINGS}>
        {w.lines.map((l) => {
          running += l.contribution;
          return <WorkingRow line={l} running={running} />;
        })}
        <tr class="working-total">
          <th scope="row" colspan={5}>{m.working.total}</th>
          <td class="num" data-label={m.working.contribution}><strong>{fig(w.total)}</strong></td>
          <td class="num" data-label={m.working.runningSum}>{points(w.total)}</td>
        </tr>
      </DataTable>
      <p class="muted small">{m.working.coverage(percent(w.coverage))}</p>
      {others.length > 0 ? <CompareForm base={base} vendorId={w.vendorId} others={others} /> : null}
    </Layout>
  );
}

function WorkingRow({ line: l, running }: { line: WorkingLineView; running: number }) {
  return (
    <tr data-criterion-id={l.criterionId}>
      <th scope="row">{l.path.join(' › ')}{l.kind === 'cost' ? <span class="badge badge-cost">cost</span> : null}</th>
      <td class="num" data-label={m.working.weight}>{fig(l.weight)}</td>
      <td data-label={m.working.scores}>{l.kind === 'cost' ? '—' : l.scores.length === 0 ? <span class="muted">{m.working.noValue}</span> : (
        <ul class="working-scores">{l.scores.map((s) => <li>{s.name}: {s.value === null ? m.working.na : fig(s.value, 2)}</li>)}</ul>
      )}</td>
      <td data-label={m.working.value}><div><WorkingValue line={l} /></div></td>
      <td class="num" data-label={m.working.normalised}>{l.normalised === null ? '—' : fig(l.normalised)}</td>
      <td class="num" data-label={m.working.contribution}>{fig(l.contribution)}</td>
      <td class="num" data-label={m.working.runningSum}>{fig(running)}</td>
    </tr>
  );
}

/** What was ranked: the consensus (with why, and the mean it replaced), the mean, or the price. */
function WorkingValue({ line: l }: { line: WorkingLineView }) {
  if (l.value === null) return <span class="muted">{m.working.noValue}</span>;
  if (l.kind === 'cost') return <>{m.working.price(fig(l.value, 2))}</>;
  if (!l.consensusOf) return <>{m.working.mean(fig(l.value))}</>;
  return (
    <>
      <strong>{m.working.consensus(fig(l.consensusOf.value))}</strong>
      {l.mean !== null ? <span class="muted"> ({m.working.mean(fig(l.mean))})</span> : null}
      {l.consensusOf.rationale ? <div class="small">{m.working.rationale}: {l.consensusOf.rationale}</div> : null}
    </>
  );
}

/** A plain GET form: this vendor and one or two others side by side. */
function CompareForm({ base, vendorId, others }: { base: string; vendorId: string; others: { vendorId: string; name: string }[] }) {
  return (
    <form method="get" action={`${base}/compare`} class="card compare-form">
      <input type="hidden" name="vendor" value={vendorId} />
      <label>{m.working.compareWith}{' '}
        <select name="vendor">{others.map((o) => <option value={o.vendorId}>{o.name}</option>)}</select>
      </label>{' '}
      <button type="submit" class="button">{m.working.compare}</button>
    </form>
  );
}
