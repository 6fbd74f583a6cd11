import { Field } from '../layout.js';
import { m } from '../messages/index.js';
import { ariaInvalid, RecordForm } from './record-form.js';

/** The vendor form's fields as strings: what was typed, or the vendor being edited. */
export type VendorFormValues = Record<string, string>;

interface VendorFormProps {
  action: string;
  submitLabel: string;
  values?: VendorFormValues | undefined;
  errors?: Record<string, string> | undefined;
  cancelHref?: string;
}

/** Add and edit share one form so both read, and fail, the same way. */
export function VendorForm({ action, submitLabel, values, errors, cancelHref }: VendorFormProps) {
  const v = values ?? {};
  return (
    <RecordForm action={action} submitLabel={submitLabel} errors={errors} cancelHref={cancelHref}>
      <Field label={m.vendors.name} name="name" error={errors?.name}>
        <input id="f-name" aria-invalid={ariaInvalid(errors, 'name')} name="name" required maxlength={160} placeholder={m.vendors.namePlaceholder} value={v.name ?? ''} />
      </Field>
      <div class="row">
        <Field label={m.vendors.websiteLabel} name="website" error={errors?.website}>
          <input id="f-website" aria-invalid={ariaInvalid(errors, 'website')} name="website" type="url" inputmode="url" maxlength={300} placeholder={m.vendors.websitePlaceholder} value={v.website ?? ''} />
        </Field>
        <Field label={m.vendors.category} name="category" error={errors?.category}>
          <input id="f-category" aria-invalid={ariaInvalid(errors, 'category')} name="category" maxlength={80} placeholder={m.vendors.categoryPlaceholder} value={v.category ?? ''} />
        </Field>
      </div>
      <Field label={m.vendors.description} name="description" error={errors?.description}>
        <textarea id="f-description" aria-invalid={ariaInvalid(errors, 'description')} name="description" rows={3} maxlength={2000}>{v.description ?? ''}</textarea>
      </Field>
      <Field label={m.vendors.price} name="price" error={errors?.price} hint={m.vendors.priceHint}>
        <input id="f-price" aria-invalid={ariaInvalid(errors, 'price')} name="price" inputmode="decimal" class="input-short" value={v.price ?? ''} aria-describedby="f-price-hint" />
      </Field>
    </RecordForm>
  );
}
