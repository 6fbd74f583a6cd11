import { FormErrors } from '../layout.js';
import { m } from '../messages/index.js';

interface DeclarationFormProps { id: number; errors?: Record<string, string>; values?: Record<string, string> }

/** The conflict-of-interest declaration an evaluator makes before the grid opens. */
export function DeclarationForm({ id, errors, values }: DeclarationFormProps) {
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
