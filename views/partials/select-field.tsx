import { Field } from '../layout.js';

export interface SelectOption { value: string; label: string }

interface SelectFieldProps {
  label: string;
  /** The field's name: its id is `f-<name>`, which the label points at. */
  name: string;
  /** The submitted name, when two fields on one page submit the same one (default: `name`). */
  inputName?: string | undefined;
  options: readonly SelectOption[];
  /** The chosen value; none is marked when omitted. */
  value?: string | undefined;
  /** The label of a leading empty option meaning "no choice" (any action, any vendor…); none when omitted. */
  any?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled `<select>`, optionally led by an "any" option, so filter and pick-one fields read the same everywhere. */
export function SelectField({ label, name, inputName, options, value, any, error, hint }: SelectFieldProps) {
  return (
    <Field label={label} name={name} error={error} {...(hint ? { hint } : {})}>
      <select id={`f-${name}`} name={inputName ?? name}>
        {any === undefined ? null : <option value="" selected={value === ''}>{any}</option>}
        {options.map((o) => <option value={o.value} selected={value === o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}
