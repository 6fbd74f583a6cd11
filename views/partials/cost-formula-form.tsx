import { COST_FORMULAS, type CostFormula } from '../../server/domain/cost-formula.js';
import { FormErrors } from '../layout.js';
import { m } from '../messages/index.js';

const f = m.whatIf.costForm;

export interface CostFormulaFormProps {
  base: string;
  /** The formula in force. */
  formula: CostFormula;
  saved?: boolean;
  errors?: Record<string, string> | undefined;
  values?: Record<string, string> | undefined;
}

/** The facilitator's choice of how a price becomes a cost score (ADR 030), on the ranking page. */
export function CostFormulaForm({ base, formula, saved, errors, values }: CostFormulaFormProps) {
  const chosen = values?.formula ?? formula;
  return (
    <form method="post" action={`${base}/ranking/cost-formula`} class="card stack" id="cost-formula" novalidate>
      <h2>{f.title}</h2>
      <p class="muted">{f.intro}</p>
      {saved ? <div class="alert alert-ok" role="status">{f.saved}</div> : null}
      <FormErrors errors={errors} />
      <fieldset class={errors?.formula ? 'field field-error' : 'field'}>
        <legend>{f.legend}</legend>
        {COST_FORMULAS.map((x) => (
          <label class="choice choice-described">
            <input type="radio" name="formula" value={x} checked={chosen === x} />
            <span><strong>{m.whatIf.formulas[x]}</strong>{x === formula ? ` ${m.whatIf.inForce}` : ''}<span class="hint">{f.hints[x]}</span></span>
          </label>
        ))}
        {errors?.formula ? <p class="error-text" role="alert">{errors.formula}</p> : null}
      </fieldset>
      <div class={errors?.reason ? 'field field-error' : 'field'}>
        <label for="f-cost-reason">{f.reason}</label>
        <textarea id="f-cost-reason" name="reason" rows={2} maxlength={500} aria-describedby={errors?.reason ? 'f-cost-reason-hint f-cost-reason-error' : 'f-cost-reason-hint'} aria-invalid={errors?.reason ? 'true' : undefined}>{values?.reason ?? ''}</textarea>
        <p class="hint" id="f-cost-reason-hint">{f.reasonHint}</p>
        {errors?.reason ? <p class="error-text" id="f-cost-reason-error" role="alert">{errors.reason}</p> : null}
      </div>
      <button type="submit" class="button button-primary">{f.save}</button>
    </form>
  );
}
