import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import { isStructureFrozen } from '../domain/rules/structure.js';
import { withdrawVendor } from '../services/vendor-withdrawal.js';
import { WithdrawalSchema } from '../schemas/vendors.js';
import type { Vendor } from '../../db/schema.js';
import { VendorDeletePage, VendorEditPage, VendorsPage, type ScreeningNotice } from '../../views/pages/vendors.js';
import { VendorList, type VendorListView } from '../../views/partials/vendors-table.js';
import { listHref } from '../../views/partials/vendors-filters.js';
import type { VendorFormValues } from '../../views/partials/vendors-form.js';
import { m } from '../../views/messages/index.js';
import { fragment, html } from '../../views/render.js';
import { vendorIn } from '../../db/queries/vendors.js';
import { countMatching, vendorFacets, vendorPage, type VendorFilter } from '../../db/queries/vendor-search.js';
import { scoresBy } from '../../db/queries/scores.js';
import { formFields, formValidator, numberOrBlank, refusalOf, saveNamed } from '../forms.js';
import { NewVendorSchema } from '../schemas/vendors.js';
import { addVendor, removeVendor, updateVendor } from '../services/vendors.js';
import { can } from '../domain/permissions.js';
import { setHidePrices } from '../services/envelopes.js';
import { pricesHiddenFor } from '../read-models/visibility.js';
import { notFound, type FieldErrors } from '../errors.js';
import { parseId } from '../ids.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { parsePage, parseVendorFilter, VENDOR_PAGE_SIZE } from './vendor-filter.js';


const canEdit = (p: Page) => can(p.role, 'edit') && p.evaluation.status !== 'decided';

/** Form strings → the service's input; a blank price means "unknown" (null), a blank website none. */
const formInput = (fields: Record<string, string>) => ({
  name: fields.name ?? '',
  website: fields.website ?? '',
  category: fields.category ?? '',
  description: fields.description ?? '',
  price: numberOrBlank(fields.price) ?? null,
});


async function vendorOr404(p: Page, raw: string | undefined): Promise<Vendor> {
  const id = parseId(raw);
  const row = id === null ? undefined : await vendorIn(p.db, p.evaluation.id, id);
  if (!row) throw notFound('vendor');
  return row;
}

const storedValues = (v: Vendor): VendorFormValues => ({
  name: v.name, website: v.website, category: v.category, description: v.description, price: v.price === null ? '' : String(v.price),
});

/** One page of the longlist for a filter: the rows, the counts around them, prices sealed when the envelopes say so. */
async function listView(p: Page, filter: VendorFilter, requested: number) {
  const [facets, matching, hide] = await Promise.all([
    vendorFacets(p.db, p.evaluation.id),
    countMatching(p.db, p.evaluation.id, filter),
    pricesHiddenFor(p.db, p),
  ]);
  const count = filter.status === 'in' ? matching.in : filter.status === 'out' ? matching.out : matching.in + matching.out;
  const pages = Math.max(1, Math.ceil(count / VENDOR_PAGE_SIZE));
  const page = Math.min(requested, pages);
  const rows = count === 0 ? [] : await vendorPage(p.db, p.evaluation.id, filter, { limit: VENDOR_PAGE_SIZE, offset: (page - 1) * VENDOR_PAGE_SIZE });
  const view: VendorListView = {
    rows: hide ? rows.map((v) => ({ ...v, price: null })) : rows,
    filter, page, pages, pageSize: VENDOR_PAGE_SIZE, count, matching, total: facets.total,
  };
  return { view, facets };
}

/** The notice a bulk screening's redirect asks for (`?screened=n` or `?restored=n`). */
function noticeOf(c: Context<AppEnv>): ScreeningNotice {
  for (const [param, kind] of [['screened', 'out'], ['restored', 'in']] as const) {
    const raw = c.req.query(param);
    if (raw !== undefined && /^\d{1,7}$/.test(raw)) return { kind, count: Number(raw) };
  }
  return null;
}

async function renderList(c: Context, p: Page, form?: { errors: FieldErrors; values: VendorFormValues }) {
  const filter = form ? parseVendorFilter(() => undefined) : parseVendorFilter((k) => c.req.query(k));
  const view = await listView(p, filter, form ? 1 : parsePage(c.req.query('page')));
  const base = `/evaluations/${p.evaluation.id}/vendors`;
  c.header('Vary', 'HX-Request');
  // The live search and the pager swap just the list; a full load or a history restore gets the whole page.
  if (!form && c.req.header('hx-request') === 'true' && c.req.header('hx-request-type') !== 'full' && !c.req.header('hx-history-restore-request')) {
    // The address bar gets the tidy form of the list's URL (no blank fields, the page actually shown):
    // typing in the search box replaces the entry, the other controls and the pager add one.
    const source = c.req.header('hx-source');
    if (source) c.header(source === 'input#vendor-q' ? 'HX-Replace-Url' : 'HX-Push-Url', listHref(base, filter, view.view.page));
    return fragment(c, <VendorList view={view.view} base={base} canEdit={canEdit(p)} frozen={isStructureFrozen(p.evaluation.status)} />);
  }
  const page = (
    <VendorsPage user={p.user} nav={p.nav} evaluation={p.evaluation} view={view.view} facets={view.facets} canEdit={canEdit(p)} notice={form ? null : noticeOf(c)} errors={form?.errors} values={form?.values} />
  );
  return html(c, page, form ? 422 : 200);
}

/** The edit page again with the form's messages and what was typed (422). */
const renderEdit = (c: Context<PageEnv>, vendor: Vendor, errors: FieldErrors, values: VendorFormValues) =>
  html(c, <VendorEditPage user={c.var.page.user} nav={c.var.page.nav} vendor={vendor} values={values} errors={errors} />, 422);

const newForm = formValidator(NewVendorSchema, (c: Context<PageEnv>, errors, values) => renderList(c, c.var.page, { errors, values }), formInput);
// An unknown vendor is a 404 before any message about the form.
const editForm = formValidator(NewVendorSchema, async (c: Context<PageEnv>, errors, values) =>
  renderEdit(c, await vendorOr404(c.var.page, c.req.param('vid')), errors, values), formInput);

/**
 * The vendor pages: the longlist a page at a time with its filters, add, edit and remove (with a
 * confirmation), all plain forms with PRG. app.ts mounts import and screening before this module,
 * so their fixed paths (`/vendors/import`, `/vendors/screen`) win over `/vendors/:vid`.
 */
export const vendorsPages = new Hono<AppEnv>()
  .post('/envelopes', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const fields = await formFields(c);
    await setHidePrices(p.db, p, fields.hidePrices === '1');
    return c.redirect(`/evaluations/${p.evaluation.id}/vendors`, 303);
  })
  .get('/', async (c) => {
    const p = await evaluationPage(c, 'vendors');
    return renderList(c, p);
  })
  .post('/', pageAccess('vendors', 'edit'), newForm, async (c) => {
    const p = c.var.page;
    const form = c.req.valid('form');
    return saveNamed(c, async () => `/evaluations/${p.evaluation.id}/vendors#vendor-${await addVendor(p.db, p, form)}`,
      m.vendors.duplicateName(form.name.trim()), (errors, values) => renderList(c, p, { errors, values }));
  })
  .get('/:vid/edit', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const vendor = await vendorOr404(p, c.req.param('vid'));
    return html(c, <VendorEditPage user={p.user} nav={p.nav} vendor={vendor} values={storedValues(vendor)} />);
  })
  .post('/:vid', pageAccess('vendors', 'edit'), editForm, async (c) => {
    const p = c.var.page;
    const vendor = await vendorOr404(p, c.req.param('vid'));
    const form = c.req.valid('form');
    return saveNamed(c, async () => { await updateVendor(p.db, p, vendor.id, form); return `/evaluations/${p.evaluation.id}/vendors#vendor-${vendor.id}`; },
      m.vendors.duplicateName(form.name.trim()), (errors, values) => renderEdit(c, vendor, errors, values));
  })
  .get('/:vid/delete', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const vendor = await vendorOr404(p, c.req.param('vid'));
    const scores = await scoresBy(p.db, p.evaluation.id, null, { vendorId: vendor.id });
    return html(c, <VendorDeletePage user={p.user} nav={p.nav} vendor={vendor} scores={scores.length} />);
  })
  .post('/:vid/withdrawal', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const vendor = await vendorOr404(p, c.req.param('vid'));
    const form = WithdrawalSchema.safeParse(await formFields(c));
    if (!form.success) return html(c, <VendorEditPage user={p.user} nav={p.nav} vendor={vendor} values={storedValues(vendor)} errors={{ reason: form.error.issues[0]?.message ?? '' }} />, 422);
    const refused = await refusalOf(() => withdrawVendor(p.db, p, vendor.id, form.data.reason), [409]);
    if (refused) return html(c, <VendorEditPage user={p.user} nav={p.nav} vendor={vendor} values={storedValues(vendor)} errors={{ _: refused.message }} />, 409);
    return c.redirect(`/evaluations/${p.evaluation.id}/vendors#vendor-${vendor.id}`, 303);
  })
  .post('/:vid/delete', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const vendor = await vendorOr404(p, c.req.param('vid'));
    await removeVendor(p.db, p, vendor.id);
    return c.redirect(`/evaluations/${p.evaluation.id}/vendors`, 303);
  });
