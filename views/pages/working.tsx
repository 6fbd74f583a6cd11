import type { CurrentUser } from '../../server/context.js';
import type { WorkingView } from '../../server/read-models/working.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { WorkingTable, fig } from '../partials/working-table.js';

interface WorkingPageProps { user: CurrentUser; nav: EvaluationNav; working: WorkingView; others: { vendorId: string; name: string }[] }

/** GET /evaluations/:id/vendors/:vendorId/working — one vendor's total, line by line. */
export function WorkingPage({ user, nav, working: w, others }: WorkingPageProps) {
  const base = `/evaluations/${nav.id}`;
  return (
    <Layout title={m.working.title(w.name)} user={user} evaluation={nav}>
      <div class="page-head">
        <h1>{m.working.title(w.name)}</h1>
        <p class="muted">{m.working.intro} <a href={`${base}/ranking`}>{m.working.back}</a></p>
      </div>
      {w.view === 'own' ? <div class="alert alert-warn">{m.working.ownOnly}</div> : null}
      {w.pricesHidden ? <div class="alert">{m.working.pricesHidden}</div> : null}
      <p class="small">{m.working.formula(w.scale.min, w.scale.max)}{w.lowestPrice !== null ? ` ${m.working.lowestPrice(fig(w.lowestPrice, 2))}` : ''}</p>
      <WorkingTable working={w} />
      {others.length > 0 ? <CompareForm base={base} vendorId={w.vendorId} others={others} /> : null}
    </Layout>
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
