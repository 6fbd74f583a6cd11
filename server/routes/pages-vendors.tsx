import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { Vendor } from '../../db/schema.js';
import { VendorDeletePage, VendorEditPage, VendorsPage } from '../../views/pages/vendors.js';
import { VendorList } from '../../views/partials/vendors-table.js';
import type { VendorFormValues } from '../../views/partials/vendors-form.js';
import { m } from '../../views/messages/index.js';
import { fragment, html } from '../../views/render.js';
import { vendorIn, vendorsOf } from '../../db/queries/vendors.js';
import { scoresBy } from '../../db/queries/scores.js';
import { checkForm, formFields, numberOrBlank } from '../forms.js';
import { NewVendorSchema } from '../schemas/vendors.js';
import { addVendor, removeVendor, updateVendor } from '../services/vendors.js';
import { can } from '../domain/permissions.js';
import { pricesHiddenFor, setHidePrices } from '../services/envelopes.js';
import { AppError, notFound, type FieldErrors } from '../errors.js';
import { parseId } from '../ids.js';
import { evaluationPage } from './page-access.js';

type Page = Awaited<ReturnType<typeof evaluationPage>>;

const canEdit = (p: Page) => can(p.role, 'edit') && p.evaluation.status !== 'decided';

/** Case-insensitive match on name or category; the longlist is filtered in memory, it is one evaluation's vendors. */
export function matchVendors(vendors: readonly Vendor[], q: string): Vendor[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [...vendors];
  return vendors.filter((v) => v.name.toLowerCase().includes(needle) || v.category.toLowerCase().includes(needle));
}

/** Form strings → the service's input; a blank price means "unknown" (null), a blank website none. */
const formInput = (fields: Record<string, string>) => ({
  name: fields.name ?? '',
  website: fields.website ?? '',
  category: fields.category ?? '',
  description: fields.description ?? '',
  price: numberOrBlank(fields.price) ?? null,
});

/** A duplicate name is the user's to fix, so it goes back into the form; anything else is rethrown. */
function serviceErrors(err: unknown, name: string): FieldErrors {
  if (err instanceof AppError && err.code === 'duplicate_name') return { name: m.vendors.duplicateName(name.trim()) };
  if (err instanceof AppError && err.status === 400) return { ...(err.fields ?? {}), _: err.message };
  throw err;
}

async function vendorOr404(p: Page, raw: string | undefined): Promise<Vendor> {
  const id = parseId(raw);
  const row = id === null ? undefined : await vendorIn(p.db, p.evaluation.id, id);
  if (!row) throw notFound('The vendor');
  return row;
}

const storedValues = (v: Vendor): VendorFormValues => ({
  name: v.name, website: v.website, category: v.category, description: v.description, price: v.price === null ? '' : String(v.price),
});

async function renderList(c: Context<AppEnv>, p: Page, q: string, form?: { errors: FieldErrors; values: VendorFormValues }) {
  const hide = await pricesHiddenFor(p.db, p);
  const all = (await vendorsOf(p.db, p.evaluation.id)).map((v) => (hide ? { ...v, price: null } : v));
  const shown = matchVendors(all, q);
  const base = `/evaluations/${p.evaluation.id}/vendors`;
  c.header('Vary', 'HX-Request');
  // The live search swaps just the list; a full load or a history restore gets the whole page.
  if (!form && c.req.header('hx-request') === 'true' && c.req.header('hx-request-type') !== 'full' && !c.req.header('hx-history-restore-request')) {
    return fragment(c, <VendorList vendors={shown} total={all.length} q={q} base={base} canEdit={canEdit(p)} />);
  }
  const page = (
    <VendorsPage user={p.user} nav={p.nav} evaluation={p.evaluation} vendors={shown} total={all.length} q={q} canEdit={canEdit(p)} errors={form?.errors} values={form?.values} />
  );
  return html(c, page, form ? 422 : 200);
}

/** The vendor pages: the longlist with search, add, edit and remove (with a confirmation), all plain forms with PRG. */
export const vendorPages = new Hono<AppEnv>()
  .post('/evaluations/:id/vendors/envelopes', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const fields = await formFields(c);
    await setHidePrices(p.db, p, fields.hidePrices === '1');
    return c.redirect(`/evaluations/${p.evaluation.id}/vendors`, 303);
  })
  .get('/evaluations/:id/vendors', async (c) => {
    const p = await evaluationPage(c, 'vendors');
    return renderList(c, p, (c.req.query('q') ?? '').slice(0, 160));
  })
  .post('/evaluations/:id/vendors', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const fields = await formFields(c);
    const form = checkForm(NewVendorSchema, formInput(fields));
    let errors: FieldErrors;
    if (form.ok) {
      try {
        const id = await addVendor(p.db, p, form.data);
        return c.redirect(`/evaluations/${p.evaluation.id}/vendors#vendor-${id}`, 303);
      } catch (err) {
        errors = serviceErrors(err, form.data.name);
      }
    } else {
      errors = form.errors;
    }
    return renderList(c, p, '', { errors, values: fields });
  })
  .get('/evaluations/:id/vendors/:vid/edit', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const vendor = await vendorOr404(p, c.req.param('vid'));
    return html(c, <VendorEditPage user={p.user} nav={p.nav} vendor={vendor} values={storedValues(vendor)} />);
  })
  .post('/evaluations/:id/vendors/:vid', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const vendor = await vendorOr404(p, c.req.param('vid'));
    const fields = await formFields(c);
    const form = checkForm(NewVendorSchema, formInput(fields));
    let errors: FieldErrors;
    if (form.ok) {
      try {
        await updateVendor(p.db, p, vendor.id, form.data);
        return c.redirect(`/evaluations/${p.evaluation.id}/vendors#vendor-${vendor.id}`, 303);
      } catch (err) {
        errors = serviceErrors(err, form.data.name);
      }
    } else {
      errors = form.errors;
    }
    return html(c, <VendorEditPage user={p.user} nav={p.nav} vendor={vendor} values={fields} errors={errors} />, 422);
  })
  .get('/evaluations/:id/vendors/:vid/delete', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const vendor = await vendorOr404(p, c.req.param('vid'));
    const scores = await scoresBy(p.db, p.evaluation.id, null, { vendorId: vendor.id });
    return html(c, <VendorDeletePage user={p.user} nav={p.nav} vendor={vendor} scores={scores.length} />);
  })
  .post('/evaluations/:id/vendors/:vid/delete', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const vendor = await vendorOr404(p, c.req.param('vid'));
    await removeVendor(p.db, p, vendor.id);
    return c.redirect(`/evaluations/${p.evaluation.id}/vendors`, 303);
  });
