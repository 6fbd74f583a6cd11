import type { FieldErrors } from '../../server/errors.js';
import type { Child } from 'hono/jsx';
import { FormErrors } from '../layout.js';
import { m } from '../messages/index.js';


/** `aria-invalid` for a field: set only when that field has an error. */
export const ariaInvalid = (errors: FieldErrors | undefined, name: string): 'true' | undefined => (errors?.[name] ? 'true' : undefined);

interface RecordFormProps {
  action: string;
  submitLabel: string;
  errors: FieldErrors | undefined;
  /** Where Cancel goes; the add forms, which sit on the list page itself, have none. */
  cancelHref?: string | undefined;
  children: Child;
}

/**
 * The add/edit form of one record (a criterion, a vendor): the error summary, the fields, then
 * the submit button and Cancel, so every such form reads and fails the same way.
 */
export function RecordForm({ action, submitLabel, errors, cancelHref, children }: RecordFormProps) {
  return (
    <>
      <FormErrors errors={errors} />
      <form method="post" action={action} class="stack" novalidate>
        {children}
        <div class="row">
          <button type="submit" class="button button-primary">{submitLabel}</button>
          {cancelHref ? <a href={cancelHref} class="button">{m.cancel}</a> : null}
        </div>
      </form>
    </>
  );
}
