import type { CriterionKindColumn } from '../../db/schema.js';
import { Field } from '../layout.js';
import { m } from '../messages/index.js';
import { ariaInvalid, RecordForm } from './record-form.js';

export const KINDS: readonly CriterionKindColumn[] = ['scored', 'must-have', 'cost'];

/** The form fields as strings: what was typed, or the criterion being edited. `rubric0`… hold the anchors. */
export type CriterionFormValues = Record<string, string>;

interface CriterionFormProps {
  action: string;
  submitLabel: string;
  /** Top-level criteria that may hold sub-criteria (the edited one excluded). */
  parents: readonly { id: number; name: string }[];
  values?: CriterionFormValues | undefined;
  errors?: Record<string, string> | undefined;
  /** Number of rubric lines to show; omit for the short add form, which has none. */
  rubricLevels?: number;
  /** The criterion has sub-criteria, so the only valid parent is none. */
  parentLocked?: boolean;
  /** Scoring has opened: the place in the tree and the kind are shown, sent unchanged, not editable. */
  frozen?: boolean;
  cancelHref?: string;
}

/** The place in the tree and the kind once scoring has opened: said, and sent back as they are. */
function FrozenPlace({ parentName, parentId, kind }: { parentName: string; parentId: string; kind: string }) {
  return (
    <div class="field">
      <p class="small"><strong>{m.criteria.parent}:</strong> {parentName} · <strong>{m.criteria.kind}:</strong> {m.kinds[kind as CriterionKindColumn] ?? kind}</p>
      <p class="hint">{m.guards.frozen}</p>
      <input type="hidden" name="parentId" value={parentId} />
      <input type="hidden" name="kind" value={kind} />
    </div>
  );
}

/** Add and edit share one form so both read, and fail, the same way. */
export function CriterionForm({ action, submitLabel, parents, values, errors, rubricLevels, parentLocked, frozen, cancelHref }: CriterionFormProps) {
  const v = values ?? {};
  const parentId = v.parentId ?? '';
  const kind = v.kind ?? 'scored';
  return (
    <RecordForm action={action} submitLabel={submitLabel} errors={errors} cancelHref={cancelHref}>
      <Field label={m.criteria.name} name="name" error={errors?.name}>
        <input id="f-name" aria-invalid={ariaInvalid(errors, 'name')} name="name" required maxlength={120} placeholder={m.criteria.namePlaceholder} value={v.name ?? ''} />
      </Field>
      {frozen ? <FrozenPlace parentName={parents.find((p) => String(p.id) === parentId)?.name ?? m.criteria.topLevel} parentId={parentId} kind={kind} /> : <>
      <Field label={m.criteria.parent} name="parentId" error={errors?.parentId} hint={parentLocked ? m.criteria.parentLocked : m.criteria.parentHint}>
        <select id="f-parentId" aria-invalid={ariaInvalid(errors, 'parentId')} name="parentId" aria-describedby="f-parentId-hint">
          <option value="" selected={parentId === ''}>{m.criteria.topLevel}</option>
          {parentLocked ? null : parents.map((p) => <option value={String(p.id)} selected={parentId === String(p.id)}>{p.name}</option>)}
        </select>
      </Field>
      <Field label={m.criteria.kind} name="kind" error={errors?.kind} hint={m.criteria.kindHint}>
        <select id="f-kind" aria-invalid={ariaInvalid(errors, 'kind')} name="kind" aria-describedby="f-kind-hint">
          {KINDS.map((k) => <option value={k} selected={kind === k}>{m.kinds[k]}</option>)}
        </select>
      </Field>
      </>}
      <Field label={m.criteria.description} name="description" error={errors?.description} hint={m.criteria.descriptionHint}>
        <textarea id="f-description" aria-invalid={ariaInvalid(errors, 'description')} name="description" rows={3} maxlength={1000} aria-describedby="f-description-hint">{v.description ?? ''}</textarea>
      </Field>
      {rubricLevels ? (
        <fieldset class="field">
          <legend>{m.criteria.rubricTitle}</legend>
          <p class="hint">{m.criteria.rubricHint}</p>
          <ol class="rubric rubric-edit">
            {Array.from({ length: rubricLevels }, (_, i) => {
              const error = errors?.[`rubric.${i}`];
              return (
                <li class={error ? 'field-error' : undefined}>
                  <label class="rubric-level" for={`f-rubric${i}`}>{m.criteria.level(i)}</label>
                  <input id={`f-rubric${i}`} aria-invalid={error ? 'true' : undefined} name={`rubric${i}`} maxlength={200} value={v[`rubric${i}`] ?? ''} />
                  {error ? <p class="error-text" role="alert">{error}</p> : null}
                </li>
              );
            })}
          </ol>
        </fieldset>
      ) : null}
    </RecordForm>
  );
}
