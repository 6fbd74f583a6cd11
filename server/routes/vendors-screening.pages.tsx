import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import { isStructureFrozen } from '../domain/rules/structure.js';
import type { Vendor } from '../../db/schema.js';
import { ScreenInMatchingPage, ScreenMatchingPage, ScreenMustHavesPage } from '../../views/pages/vendors-screen.js';
import { VendorRow } from '../../views/partials/vendors-row.js';
import { listHref } from '../../views/partials/vendors-filters.js';
import { fragment, html } from '../../views/render.js';
import { countMatching, vendorPage, type VendorFilter } from '../../db/queries/vendor-search.js';
import { vendorIn } from '../../db/queries/vendors.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { formFields, formValidator } from '../forms.js';
import { ScreenReasonSchema } from '../schemas/screening.js';
import { screenInMatching, screenInVendor, screenOutMatching, screenOutMustHaves, screenOutVendor } from '../services/screening.js';
import { visibleMustHaveCandidates } from '../read-models/must-haves.js';
import { pricesHiddenFor } from '../read-models/visibility.js';
import { AppError, notFound } from '../errors.js';
import { parseId } from '../ids.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { parseVendorFilter } from './vendor-filter.js';


/** Names shown on a confirmation page, so the count stands for something you can see. */
const SAMPLE = 8;
/** Must-have failures listed on their confirmation page (the rest are counted). */
const MUST_HAVE_SHOWN = 100;

const isSwap = (c: Context) => c.req.header('hx-request') === 'true';
const baseOf = (p: Page) => `/evaluations/${p.evaluation.id}/vendors`;

async function sampleNames(p: Page, filter: VendorFilter): Promise<string[]> {
  return (await vendorPage(p.db, p.evaluation.id, filter, { limit: SAMPLE, offset: 0 })).map((v) => v.name);
}

/** The row after a single screening change: htmx swaps it in place, a plain form goes back to the list. */
async function rowAnswer(c: Context, p: Page, vendor: Vendor, error?: string) {
  if (!isSwap(c)) {
    if (error) throw new AppError(422, 'validation_failed', error);
    return c.redirect(`${baseOf(p)}#vendor-${vendor.id}`, 303);
  }
  const shown = (await pricesHiddenFor(p.db, p)) ? { ...vendor, price: null } : vendor;
  return fragment(c, <VendorRow vendor={shown} base={baseOf(p)} canEdit frozen={isStructureFrozen(p.evaluation.status)} error={error} />, error ? 422 : 200);
}

function vendorIdOr404(raw: string | undefined): number {
  const id = parseId(raw);
  if (id === null) throw notFound('vendor');
  return id;
}

/** The bulk screening's filter, as the confirmation form carries it. */
const formFilter = (fields: Record<string, string>) => ({ ...parseVendorFilter((k) => fields[k]), status: 'in' as const });
const reasonInput = (fields: Record<string, string>) => ({ reason: fields.reason ?? '' });

// The confirmation page again, with the reason's message (422).
const screenForm = formValidator(ScreenReasonSchema, async (c: Context<PageEnv>, errors, fields) => {
  const p = c.var.page;
  const filter = formFilter(fields);
  const { in: count } = await countMatching(p.db, p.evaluation.id, filter);
  return html(c, <ScreenMatchingPage user={p.user} nav={p.nav} filter={filter} count={count} sample={await sampleNames(p, filter)} reason={fields.reason ?? ''} errors={errors} />, 422);
}, reasonInput);

// The vendor's row with the reason's message; an unknown vendor is a 404 first.
const screenOutForm = formValidator(ScreenReasonSchema, async (c: Context<PageEnv>, errors) => {
  const p = c.var.page;
  const vendor = await vendorIn(p.db, p.evaluation.id, vendorIdOr404(c.req.param('vid')));
  if (!vendor) throw notFound('vendor');
  return rowAnswer(c, p, vendor, errors.reason ?? Object.values(errors)[0]);
}, reasonInput);

/**
 * Screening the longlist (facilitator only): one vendor out or back in from its row, everything a
 * filter matches (after a confirmation with the count and a reason), and every vendor that fails a
 * must-have by the ranking's own gate.
 */
export const vendorsScreeningPages = new Hono<AppEnv>()
  .get('/screen', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const filter = { ...parseVendorFilter((k) => c.req.query(k)), status: 'in' as const };
    const { in: count } = await countMatching(p.db, p.evaluation.id, filter);
    return html(c, <ScreenMatchingPage user={p.user} nav={p.nav} filter={filter} count={count} sample={await sampleNames(p, filter)} />);
  })
  .post('/screen', pageAccess('vendors', 'edit'), screenForm, async (c) => {
    const p = c.var.page;
    const filter = formFilter(await formFields(c));
    const count = await screenOutMatching(p.db, p, filter, c.req.valid('form').reason);
    return c.redirect(listHref(baseOf(p), { ...filter, status: 'out' }, 1, { screened: String(count) }), 303);
  })
  .get('/screen-in', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const filter = { ...parseVendorFilter((k) => c.req.query(k)), status: 'out' as const };
    const { out: count } = await countMatching(p.db, p.evaluation.id, filter);
    return html(c, <ScreenInMatchingPage user={p.user} nav={p.nav} filter={filter} count={count} sample={await sampleNames(p, filter)} />);
  })
  .post('/screen-in', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const fields = await formFields(c);
    const filter = parseVendorFilter((k) => fields[k]);
    const count = await screenInMatching(p.db, p, filter);
    return c.redirect(listHref(baseOf(p), { ...filter, status: 'in' }, 1, { restored: String(count) }), 303);
  })
  .get('/screen-must-haves', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const [failures, criteria] = await Promise.all([visibleMustHaveCandidates(p.db, p), criteriaOf(p.db, p.evaluation.id)]);
    const gates = criteria.filter((x) => x.kind === 'must-have').length;
    return html(c, <ScreenMustHavesPage user={p.user} nav={p.nav} failures={failures} shown={MUST_HAVE_SHOWN} mustHaveCriteria={gates} />);
  })
  .post('/screen-must-haves', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const { count } = await screenOutMustHaves(p.db, p);
    return c.redirect(listHref(baseOf(p), { q: '', category: null, status: 'out' }, 1, { screened: String(count) }), 303);
  })
  .post('/:vid/screen-out', pageAccess('vendors', 'edit'), screenOutForm, async (c) => {
    const p = c.var.page;
    return rowAnswer(c, p, await screenOutVendor(p.db, p, vendorIdOr404(c.req.param('vid')), c.req.valid('form').reason));
  })
  .post('/:vid/screen-in', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    return rowAnswer(c, p, await screenInVendor(p.db, p, vendorIdOr404(c.req.param('vid'))));
  });
