import type { CurrentUser } from '../../server/context.js';
import type { CriterionNode } from '../../server/domain/types.js';
import { FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { when } from '../format.js';
import { weightChangeNeedsReason } from '../../server/domain/rules/structure.js';

export interface WeightGroup { key: string; title: string; members: CriterionNode[] }
export interface WeightHistoryRow { version: number; source: 'template' | 'direct' | 'vote'; created_at: string; by: string | null }

interface WeightsPageProps {
  user: CurrentUser; nav: EvaluationNav; groups: WeightGroup[]; values: Record<string, string>; canEdit: boolean;
  errors?: Record<string, string>; history: WeightHistoryRow[]; savedVersion?: number; hasMustHaves: boolean;
  viewing?: { version: number; source: 'template' | 'direct' | 'vote'; at: string };
}

const pct = (s: string | undefined) => (s === undefined ? '' : s);

/** One group of siblings: a slider and a number per criterion, and a live sum. */
function GroupFieldset({ group, values, canEdit, errors }: { group: WeightGroup; values: Record<string, string>; canEdit: boolean; errors?: Record<string, string> }) {
  const err = errors?.[`group.${group.key}`];
  return (
    <fieldset class={err ? 'weight-group field-error' : 'weight-group'} data-weight-group={group.key}>
      <legend>{group.title}</legend>
      {group.members.map((c) => {
        const name = `w.${c.id}`;
        const fieldErr = errors?.[name];
        return (
          <div class="weight-row">
            <label for={`n-${c.id}`} class="weight-label">{c.name}</label>
            <input type="range" min="0" max="100" step="1" value={pct(values[name])} data-sync={`n-${c.id}`} aria-label={m.weights.percentOf(c.name)} disabled={!canEdit} tabindex={-1} />
            <span class="weight-number">
              <input id={`n-${c.id}`} name={name} inputmode="decimal" autocomplete="off" value={pct(values[name])} class="input-short" data-group={group.key} disabled={!canEdit} />
              <span aria-hidden="true">%</span>
            </span>
            {fieldErr ? <p class="error-text" role="alert">{fieldErr}</p> : null}
          </div>
        );
      })}
      <p class="weight-sum">
        {m.weights.sum}: <output data-sum-of={group.key}>{sumOf(group, values)}</output>%
      </p>
      {err ? <p class="error-text" role="alert">{err}</p> : null}
    </fieldset>
  );
}

function sumOf(group: WeightGroup, values: Record<string, string>): string {
  const total = group.members.reduce((s, c) => s + (Number(values[`w.${c.id}`]) || 0), 0);
  return (Math.round(total * 10) / 10).toString();
}

export function WeightsPage(p: WeightsPageProps) {
  return (
    <Layout title={m.weights.title} user={p.user} evaluation={p.nav}>
      <div class="page-head">
        <h1>{m.weights.title}</h1>
        <p class="muted">{m.weights.intro}</p>
      </div>
      {p.savedVersion ? <div class="alert alert-success" role="status">{m.weights.saved(p.savedVersion)}</div> : null}
      {p.viewing ? (
        <div class="alert alert-warn">{m.weights.viewing(p.viewing.version, m.weights.sources[p.viewing.source], when(p.viewing.at))} <a href={`/evaluations/${p.nav.id}/weights`}>{m.weights.backToCurrent}</a></div>
      ) : !p.canEdit ? <div class="alert">{m.weights.readOnly}</div> : null}
      <FormErrors errors={p.errors} />
      {p.groups.length === 0 ? (
        <div class="empty"><p>{m.weights.noCriteria}</p></div>
      ) : (
        <form method="post" action={`/evaluations/${p.nav.id}/weights`} class="card stack" novalidate>
          {p.groups.map((g) => <GroupFieldset group={g} values={p.values} canEdit={p.canEdit} errors={p.errors} />)}
          <p class="hint">{m.weights.sumHint}</p>
          {p.hasMustHaves ? <p class="hint">{m.weights.mustHaveNote}</p> : null}
          {p.canEdit && weightChangeNeedsReason(p.nav.status) ? (
            <div class={p.errors?.reason ? 'field field-error' : 'field'}>
              <label for="f-reason">{m.guards.weightReason}</label>
              <textarea id="f-reason" name="reason" rows={2} maxlength={500} aria-invalid={p.errors?.reason ? 'true' : undefined}>{p.values.reason ?? ''}</textarea>
              {p.errors?.reason ? <p class="error-text" role="alert">{p.errors.reason}</p> : null}
            </div>
          ) : null}
          {p.canEdit ? <button type="submit" class="button button-primary">{m.weights.save}</button> : null}
        </form>
      )}
      {p.history.length > 0 ? (
        <section class="card">
          <h2>{m.weights.history}</h2>
          <ul class="history">
            {p.history.map((h, i) => (
              <li>
                <a href={`/evaluations/${p.nav.id}/weights${i === 0 ? '' : `?version=${h.version}`}`}><strong>{m.weights.version(h.version)}</strong></a> · {m.weights.sources[h.source]}
                {h.by ? ` · ${h.by}` : ''} · <time datetime={h.created_at}>{when(h.created_at)}</time>
                {i === 0 ? <span class="badge badge-ok">{m.weights.inForce}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
