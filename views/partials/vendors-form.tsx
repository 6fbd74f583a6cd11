import { Field, FormErrors } from '../layout.js';
import { m } from '../messages/index.js';

/** The vendor form's fields as strings: what was typed, or the vendor being edited. */
export type VendorFormValues = Record<string, string>;

interface Props {
  action: string;
  submitLabel: string;
  values?: VendorFormValues | undefined;
  errors?: Record<string, string> | undefined;
  cancelHref?: string;
}

const invalid = (errors: Record<string, string> | undefined, name: string) => (errors?.[name] ? 'true' : undefined);

/** Add and edit share one form so both read, and fail, the same way. */
export function VendorForm({ action, submitLabel, values, errors, cancelHref }: Props) {
  const v = values ?? {};
  return (
    <>
      <FormErrors errors={errors} />
      <form method="post" action={action} class="stack" novalidate>
        <Field label={m.vendors.name} name="name" error={errors?.name}>
          <input id="f-name" aria-invalid={invalid(errors, 'name')} name="name" required maxlength={160} placeholder={m.vendors.namePlaceholder} value={v.name ?? ''} />
        </Field>
        <div class="row">
          <Field label={m.vendors.websiteLabel} name="website" error={errors?.website}>
            <input id="f-website" aria-invalid={invalid(errors, 'website')} name="website" type="url" inputmode="url" maxlength={300} placeholder={m.vendors.websitePlaceholder} value={v.website ?? ''} />
          </Field>
          <Field label={m.vendors.category} name="category" error={errors?.category}>
            <input id="f-category" aria-invalid={invalid(errors, 'category')} name="category" maxlength={80} placeholder={m.vendors.categoryPlaceholder} value={v.category ?? ''} />
          </Field>
        </div>
        <Field label={m.vendors.description} name="description" error={errors?.description}>
          <textarea id="f-description" aria-invalid={invalid(errors, 'description')} name="description" rows={3} maxlength={2000}>{v.description ?? ''}</textarea>
        </Field>
        <Field label={m.vendors.price} name="price" error={errors?.price} hint={m.vendors.priceHint}>
          <input id="f-price" aria-invalid={invalid(errors, 'price')} name="price" inputmode="decimal" class="input-short" value={v.price ?? ''} aria-describedby="f-price-hint" />
        </Field>
        <div class="row">
          <button type="submit" class="button button-primary">{submitLabel}</button>
          {cancelHref ? <a href={cancelHref} class="button">{m.cancel}</a> : null}
        </div>
      </form>
    </>
  );
}
