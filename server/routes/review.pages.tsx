import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { ReviewPage, type ReviewRow } from '../../views/pages/review.js';
import type { ReviewChoices, ReviewFilter } from '../../views/partials/review-filter.js';
import { html } from '../../views/render.js';
import { pageUrlAfterPost } from '../page-url.js';
import { Layout } from '../../views/layout.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { setConsensus, setDisagreementThreshold } from '../services/review.js';
import { agreementHiddenFor, agreementReport } from '../read-models/agreement.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { formFields, formValidator, formValidatorFor, refusalOf, type FormValues } from '../forms.js';
import { consensusFormSchema, ThresholdFormSchema } from '../schemas/forms/review.js';
import type { FieldErrors } from '../errors.js';
import { m } from '../../views/messages/index.js';
import { cellsWithConsensus, consensusCellKeys } from '../../db/queries/score-cells.js';
import { filterDisagreements, parseReviewFilter } from './review-filter.js';
import { parsePage } from './vendor-filter.js';
import { scoresWithEvaluators } from '../../db/queries/scores.js';
import { vendorNamesByIds } from '../../db/queries/vendors.js';
import { calibrationHiddenFor, calibrationReport } from '../read-models/calibration.js';
import { CalibrationPage } from '../../views/pages/calibration.js';


const PAGE_SIZE = 50;
/** The calibration page lists the check ranking's best vendors; the API gives all of them. */
const CHECK_ROWS = 50;

/** What the review page lists: one page of the filtered disagreement rows, the counts, and the filter's choices. */
interface ReviewData {
  rows: ReviewRow[]; total: number; kendall: { id: string; name: string; w: number | null }[];
  resolved: { done: number; flagged: number }; choices: ReviewChoices;
}

/** The disagreement rows with every evaluator's score and comment, and the consensus set so far; filtered, then paged. */
async function reviewRows(p: Page, page: number, filter: ReviewFilter): Promise<ReviewData> {
  const full = await agreementReport(p.db, p);
  const resolvedKeys = await consensusCellKeys(p.db, p.evaluation.id);
  const filtered = filterDisagreements(full.disagreements, filter, resolvedKeys);
  // Widest disagreements first, one page at a time: a landscape-sized evaluation can have thousands.
  const report = { ...full, disagreements: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
  const criteria = await criteriaOf(p.db, p.evaluation.id);
  const names = new Map(criteria.map((c) => [String(c.id), c]));
  const vendorIds = [...new Set(report.disagreements.map((d) => Number(d.vendorId)))];
  const flaggedVendorIds = [...new Set(full.disagreements.map((d) => Number(d.vendorId)))];
  const vendors = await vendorNamesByIds(p.db, flaggedVendorIds);
  const scores = await scoresWithEvaluators(p.db, p.evaluation.id, vendorIds);
  const cells = await cellsWithConsensus(p.db, p.evaluation.id, vendorIds);
  const cellOf = new Map(cells.map((c) => [`${c.vendor_id}:${c.criterion_id}`, c]));
  const vendorName = new Map(vendors.map((v) => [String(v.id), v.name]));
  const rows = report.disagreements.map((d): ReviewRow => {
    const cell = cellOf.get(`${d.vendorId}:${d.criterionId}`);
    const crit = names.get(d.criterionId);
    return {
      vendorId: d.vendorId, vendorName: vendorName.get(d.vendorId) ?? '', criterionId: d.criterionId, criterionName: crit?.name ?? '', kind: crit?.kind === 'must-have' ? 'must-have' : 'scored',
      spread: d.spread, mean: cell && cell.n > 0 ? cell.sum / cell.n : null,
      scores: scores.filter((s) => String(s.vendor_id) === d.vendorId && String(s.criterion_id) === d.criterionId).map((s) => ({ name: s.name, value: s.value, comment: s.comment })),
      consensus: cell && cell.consensus_rationale !== null ? { value: cell.consensus, rationale: cell.consensus_rationale, by: cell.name ?? '', at: cell.consensus_at ?? '' } : null,
    };
  });
  const kendall = Object.entries(report.kendallW).map(([id, w]) => ({ id, name: names.get(id)?.name ?? id, w }));
  const flaggedCriteria = new Set(full.disagreements.map((d) => d.criterionId));
  const choices: ReviewChoices = {
    criteria: criteria.filter((c) => flaggedCriteria.has(String(c.id))).map((c) => ({ id: String(c.id), name: c.name })),
    vendors: vendors.map((v) => ({ id: String(v.id), name: v.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
  const done = full.disagreements.filter((d) => resolvedKeys.has(`${d.vendorId}:${d.criterionId}`)).length;
  return { rows, total: filtered.length, kendall, resolved: { done, flagged: full.disagreements.length }, choices };
}

async function render(c: Context, p: Page, form: { errors?: Record<string, string>; values?: Record<string, string> } = {}, status: 200 | 409 | 422 = 200) {
  const isFacilitator = p.role === 'facilitator';
  const hidden = await agreementHiddenFor(p.db, p);
  if (hidden) {
    return html(c, <Layout title={m.review.title} user={p.user} evaluation={p.nav}><div class="page-head"><h1>{m.review.title}</h1></div><div class="empty"><p>{hidden === 'own' ? m.review.notYetOwn : m.review.notYetStakeholder}</p></div></Layout>);
  }
  const page = parsePage(c.req.query('page'));
  const filter = parseReviewFilter((k) => c.req.query(k));
  const data = await reviewRows(p, page, filter);
  return html(c, <ReviewPage user={p.user} nav={p.nav} evaluation={p.evaluation} isFacilitator={isFacilitator} rows={data.rows} kendall={data.kendall}
    filter={filter} choices={data.choices} resolved={data.resolved}
    paging={{ page, pages: Math.max(1, Math.ceil(data.total / PAGE_SIZE)), total: data.total }} {...form} />, status);
}

const renderInvalid = (c: Context<PageEnv>, errors: FieldErrors, values: FormValues) => render(c, c.var.page, { errors, values }, 422);
// A bad value's message names the evaluation's scale.
const consensusForm = formValidatorFor((c: Context<PageEnv>) => consensusFormSchema({ min: c.var.page.evaluation.scale_min, max: c.var.page.evaluation.scale_max }), renderInvalid);
const thresholdForm = formValidator(ThresholdFormSchema, renderInvalid);

/** GET /evaluations/:id/review — disagreements, consensus, agreement; POSTs record consensus and the threshold. */
export const reviewPages = new Hono<AppEnv>()
  .get('/', async (c) => render(c, await evaluationPage(c, 'review')))
  .get('/calibration', async (c) => {
    const p = await evaluationPage(c, 'review');
    // The read model refuses a blind reader; the page says why instead of failing.
    const hidden = await calibrationHiddenFor(p.db, p);
    const report = hidden ? null : await calibrationReport(p.db, p, { limit: CHECK_ROWS });
    return html(c, <CalibrationPage user={p.user} nav={p.nav} report={report} hidden={hidden} />);
  })
  .post('/consensus', pageAccess('review', 'edit'), consensusForm, async (c) => {
    const p = c.var.page;
    const { cell, value, rationale } = c.req.valid('form');
    // The range depends on the evaluation's scale: the service checks it, and says so on the value field.
    const refused = await refusalOf(() => setConsensus(p.db, p, { ...cell, value, rationale }));
    if (refused) return render(c, p, { errors: { value: refused.message }, values: await formFields(c) }, refused.status as 409 | 422);
    // Back to the filtered list the form was sent from, when it was the review page.
    const from = pageUrlAfterPost(c);
    const back = from?.startsWith(`/evaluations/${p.evaluation.id}/review`) ? from.split('#')[0] : `/evaluations/${p.evaluation.id}/review`;
    return c.redirect(`${back}#cell-${cell.vendorId}-${cell.criterionId}`, 303);
  })
  .post('/threshold', pageAccess('review', 'edit'), thresholdForm, async (c) => {
    const p = c.var.page;
    await setDisagreementThreshold(p.db, p, c.req.valid('form').threshold);
    return c.redirect(`/evaluations/${p.evaluation.id}/review`, 303);
  });
