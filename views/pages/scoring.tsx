import type { CurrentUser } from '../../server/context.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { ExcludedCell, ScoreCell } from '../partials/score-cell.js';
import { FormErrors } from '../layout.js';
import { m } from '../messages/index.js';

export interface GridColumn { id: number; name: string; kind: 'scored' | 'must-have'; description: string; rubric: string[]; parentName: string | null }
export interface GridVendor { id: number; name: string }
export interface MyScore { value: number | null; comment: string; version: number; abstained?: boolean }

interface Props {
  user: CurrentUser; nav: EvaluationNav; scale: { min: number; max: number }; columns: GridColumn[]; vendors: GridVendor[];
  mine: Map<string, MyScore>; canScore: boolean; done: number; total: number; page: number; pages: number; hasCost: boolean;
  declaration: { conflict: boolean; description: string } | null; submittedAt: string | null; closedStatus: string | null; excluded: Set<number>;
  errors?: Record<string, string>; values?: Record<string, string>;
}

/** The conflict-of-interest declaration an evaluator makes before the grid opens. */
function DeclarationForm({ id, errors, values }: { id: number; errors?: Record<string, string>; values?: Record<string, string> }) {
  return (
    <form method="post" action={`/evaluations/${id}/declaration`} class="card stack" novalidate>
      <h2>{m.scoring.declareTitle}</h2>
      <p>{m.scoring.declareIntro}</p>
      <FormErrors errors={errors} />
      <fieldset class={errors?.conflict ? 'field field-error' : 'field'}>
        <label class="choice"><input type="radio" name="conflict" value="no" checked={values?.conflict === 'no'} /> {m.scoring.declareNone}</label>
        <label class="choice"><input type="radio" name="conflict" value="yes" checked={values?.conflict === 'yes'} /> {m.scoring.declareSome}</label>
        {errors?.conflict ? <p class="error-text" role="alert">{errors.conflict}</p> : null}
      </fieldset>
      <div class={errors?.description ? 'field field-error' : 'field'}>
        <label for="f-description">{m.scoring.declareDescribe}</label>
        <textarea id="f-description" name="description" rows={3} maxlength={2000}>{values?.description ?? ''}</textarea>
        {errors?.description ? <p class="error-text" role="alert">{errors.description}</p> : null}
      </div>
      <button type="submit" class="button button-primary">{m.scoring.declareButton}</button>
    </form>
  );
}

/** Header groups: consecutive columns under the same top-level criterion share one spanning cell. */
function groupsOf(columns: GridColumn[]) {
  const groups: { name: string; span: number }[] = [];
  for (const c of columns) {
    const name = c.parentName ?? c.name;
    const last = groups[groups.length - 1];
    if (last && last.name === name && c.parentName !== null) last.span++;
    else groups.push({ name, span: 1 });
  }
  return groups;
}

export function ScoringPage(p: Props) {
  const base = `/evaluations/${p.nav.id}/scoring`;
  if (!p.canScore) {
    return (
      <Layout title={m.scoring.title} user={p.user} evaluation={p.nav}>
        <div class="page-head"><h1>{m.scoring.title}</h1></div>
        <div class="empty"><p>{m.scoring.noRole}</p></div>
      </Layout>
    );
  }
  if (!p.declaration && !p.closedStatus) {
    return (
      <Layout title={m.scoring.title} user={p.user} evaluation={p.nav}>
        <div class="page-head"><h1>{m.scoring.title}</h1></div>
        <DeclarationForm id={p.nav.id} errors={p.errors} values={p.values} />
      </Layout>
    );
  }
  const locked = p.submittedAt !== null || p.closedStatus !== null;
  return (
    <Layout title={m.scoring.title} user={p.user} evaluation={p.nav} wide>
      <div class="page-head">
        <h1>{m.scoring.title}</h1>
        <p class="muted">{m.scoring.intro(p.scale.min, p.scale.max)}</p>
        <p class="muted small">{m.scoring.keys} {m.scoring.abstainHint}</p>
        {p.declaration ? <p class="muted small">{p.declaration.conflict ? m.scoring.declaredSome(p.declaration.description) : m.scoring.declaredNone}</p> : null}
      </div>
      {p.submittedAt ? <div class="alert alert-success" role="status">{m.scoring.submitted(p.submittedAt.slice(0, 16).replace('T', ' '))}</div> : null}
      {p.closedStatus ? <div class="alert">{m.scoring.closed(p.closedStatus)}</div> : null}
      {p.columns.length === 0 || p.vendors.length === 0 ? (
        <div class="empty"><p>{m.scoring.noGrid}</p></div>
      ) : (
        <>
          <div class="grid-toolbar">
            <p class="progress-text" id="grid-progress">{m.scoring.progress(p.done, p.total)}</p>
            {p.hasCost ? <p class="muted small">{m.scoring.costNote}</p> : null}
          </div>
          <aside class="rubric-panel" id="rubric-panel" aria-live="polite" data-scale-min={String(p.scale.min)} data-scale-max={String(p.scale.max)}>
            <strong class="rubric-title">{m.scoring.rubricTitle}</strong>
            <p class="muted small rubric-body">{m.scoring.rubricEmpty}</p>
          </aside>
          <div class="table-wrap grid-wrap">
            <table class="score-grid">
              <thead>
                <tr>
                  <th rowspan={2} class="sticky-col" scope="col">{m.scoring.vendor}</th>
                  {groupsOf(p.columns).map((g) => <th colspan={g.span} class="group-head" scope="colgroup">{g.name}</th>)}
                </tr>
                <tr>
                  {p.columns.map((c) => (
                    <th scope="col" id={`crit-${c.id}`} data-criterion={String(c.id)} data-name={c.name} data-description={c.description} data-rubric={JSON.stringify(c.rubric)} data-kind={c.kind}>
                      {c.parentName ? c.name : '—'}
                      {c.kind === 'must-have' ? <span class="badge badge-must">{m.scoring.mustHave}</span> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.vendors.map((v) => (
                  <tr>
                    <th scope="row" class="sticky-col">{v.name}</th>
                    {p.columns.map((c) => {
                      if (p.excluded.has(v.id)) return <ExcludedCell />;
                      const s = p.mine.get(`${v.id}:${c.id}`);
                      return <ScoreCell evaluationId={p.nav.id} vendorId={v.id} vendorName={v.name} criterionId={c.id} criterionName={c.name} kind={c.kind}
                        value={s ? s.value : undefined} comment={s?.comment ?? ''} version={s?.version ?? 0} scale={p.scale} locked={locked} abstained={s?.abstained} />;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.pages > 1 ? (
            <nav class="pager" aria-label="Vendor pages">
              {p.page > 1 ? <a href={`${base}?page=${p.page - 1}`} class="button button-small">{m.scoring.prev}</a> : <span />}
              <span class="muted">{m.scoring.page(p.page, p.pages)}</span>
              {p.page < p.pages ? <a href={`${base}?page=${p.page + 1}`} class="button button-small">{m.scoring.next}</a> : <span />}
            </nav>
          ) : null}
          {!locked ? (
            <form method="post" action={`/evaluations/${p.nav.id}/submission`} class="card stack submit-panel">
              <h2>{m.scoring.submitTitle}</h2>
              <p class="muted">{m.scoring.submitIntro} {m.scoring.progress(p.done, p.total)}</p>
              <button type="submit" class="button button-primary">{m.scoring.submitButton}</button>
            </form>
          ) : null}
        </>
      )}
    </Layout>
  );
}
