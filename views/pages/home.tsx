import type { CurrentUser } from '../../server/context.js';
import type { EvaluationStatus, MemberRole } from '../../db/schema.js';
import { Field, FormErrors, Layout, StatusBadge } from '../layout.js';
import { m } from '../messages/index.js';

export interface EvaluationSummary { id: number; name: string; status: EvaluationStatus; role: MemberRole; vendor_count: number | null; criterion_count: number | null; created_at: string }

export function HomePage({ user, evaluations, errors, values }: { user: CurrentUser; evaluations: EvaluationSummary[]; errors?: Record<string, string>; values?: Record<string, string> }) {
  return (
    <Layout title={m.home.title} user={user}>
      <div class="page-head">
        <h1>{m.home.title}</h1>
      </div>
      {evaluations.length === 0 ? (
        <div class="empty"><p>{m.home.empty}</p></div>
      ) : (
        <ul class="cards">
          {evaluations.map((e) => (
            <li class="card card-link">
              <a href={`/evaluations/${e.id}`} class="card-title">{e.name}</a>
              <div class="meta">
                <StatusBadge status={e.status} />
                <span>{m.home.vendors(Number(e.vendor_count))}</span>
                <span>{m.home.criteria(Number(e.criterion_count))}</span>
                <span class="muted">{`${m.home.yourRole}: ${m.roles[e.role]}`}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <section class="card" id="new-evaluation">
        <h2>{m.home.newTitle}</h2>
        <FormErrors errors={errors} />
        <form method="post" action="/evaluations" class="stack" novalidate>
          <Field label={m.home.name} name="name" error={errors?.name}>
            <input id="f-name" name="name" required maxlength={120} placeholder={m.home.namePlaceholder} value={values?.name ?? ''} />
          </Field>
          <fieldset class="field">
            <legend>{m.home.template}</legend>
            {(['cxm-core', 'blank'] as const).map((t) => (
              <label class="choice">
                <input type="radio" name="template" value={t} checked={(values?.template ?? 'cxm-core') === t} />
                {m.home.templates[t]}
              </label>
            ))}
          </fieldset>
          <fieldset class={errors?.['scale.max'] || errors?.['scale.min'] ? 'field field-error' : 'field'}>
            <legend>{m.home.scale}</legend>
            <div class="row">
              <label class="inline-label">{m.home.scaleMin} <input name="scaleMin" type="number" step="any" class="input-short" value={values?.scaleMin ?? '0'} aria-label={m.chrome.scaleMinimum} /></label>
              <label class="inline-label">{m.home.scaleMax} <input name="scaleMax" type="number" step="any" class="input-short" value={values?.scaleMax ?? '5'} aria-label={m.chrome.scaleMaximum} /></label>
            </div>
            {errors?.['scale.max'] || errors?.['scale.min'] ? <p class="error-text" role="alert">{errors['scale.max'] ?? errors['scale.min']}</p> : null}
          </fieldset>
          <button type="submit" class="button button-primary">{m.home.create}</button>
        </form>
      </section>
    </Layout>
  );
}
