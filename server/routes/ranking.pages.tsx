import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { RankingPage } from '../../views/pages/ranking.js';
import type { WhoseColumn } from '../../views/partials/whose-weights.js';
import { html } from '../../views/render.js';
import { evaluationPage, pageAccess, type EvaluationPage, type PageEnv } from './page-access.js';
import type { Context } from 'hono';
import { formFields, formValidator, refusalOf } from '../forms.js';
import type { FieldErrors } from '../errors.js';
import { CostFormulaFormSchema } from '../schemas/forms/cost-formula.js';
import { setCostFormula } from '../services/cost-formula.js';
import { CostFormulaForm } from '../../views/partials/cost-formula-form.js';
import { anyScoresIn, rankOffLoop, visibleRankingInputs } from '../read-models/ranking.js';
import { voteAggregate } from '../read-models/votes.js';
import { m } from '../../views/messages/index.js';
import { visibleSensitivityReport } from '../read-models/sensitivity.js';
import { Robustness } from '../../views/partials/robustness.js';
import { fragment } from '../../views/render.js';
import { Layout } from '../../views/layout.js';
import { ScoresHidden } from '../../views/partials/scores-hidden.js';
import { structureChanges } from '../read-models/structure-changes.js';
import { methodCheckOffLoop } from '../read-models/method-check.js';
import type { RankingView } from '../read-models/ranking.js';
import { whatIfInputs } from '../read-models/what-if.js';
import { priceQuality } from '../read-models/price-quality.js';
import { topLevelOf } from '../domain/criteria-tree.js';
import { PriceQualitySection } from '../../views/partials/price-quality.js';
import { WhatIfResult, WhatIfSection, WhatIfSlider } from '../../views/partials/what-if.js';
import { rescaleSliders } from '../domain/what-if-sliders.js';

const DEFAULT_LIMIT = 50;
/** Rows of the what-if table and of the price–quality figures (the scatter stays readable). */
const WHAT_IF_ROWS = 10;
const PRICE_ROWS = 50;

/** The sliders at the weights in force, as whole percentages. */
const slidersOf = (view: RankingView) => view.columns.map((c) => ({ id: c.id, name: c.name, value: 100 * (view.resolved.global.get(c.id) ?? 0) }));

async function sequentially<T, R>(xs: readonly T[], f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const x of xs) out.push(await f(x));
  return out;
}
const WHOSE_TOP = 5;
/** The method check lists each method's top CHECK_ROWS (their union, best weighted first). */
const CHECK_ROWS = 10;

/** GET /evaluations/:id/ranking — the ranked vendors, their contributions, and whose weights would pick whom. */
export const rankingPages = new Hono<AppEnv>()
  .get('/robustness', async (c) => {
    const p = await evaluationPage(c, 'ranking');
    const report = await visibleSensitivityReport(p.db, p, { samples: 1000 });
    if (!report) return html(c, <ScoresHidden title={m.robustness.title} user={p.user} nav={p.nav} />);
    if (c.req.header('hx-request')) return fragment(c, <Robustness report={report} />);
    // Opened on its own (no htmx), the card is the page: the page's heading names it.
    return html(c, <Layout title={m.robustness.title} user={p.user} evaluation={p.nav}><h1 class="visually-hidden">{m.robustness.title}</h1><Robustness report={report} /></Layout>);
  })
  .get('/what-if', async (c) => {
    const p = await evaluationPage(c, 'ranking');
    const loaded = await visibleRankingInputs(p.db, p);
    if (!loaded) return html(c, <ScoresHidden title={m.ranking.title} user={p.user} nav={p.nav} />);
    const tops = topLevelOf(loaded.nodes);
    const sent = Object.fromEntries(tops.flatMap((n) => { const v = Number(c.req.query(`w-${n.id}`)); return Number.isFinite(v) ? [[n.id, v]] : []; }));
    // The slider that moved keeps its value and the others share the rest in proportion (ADR 037).
    const moved = c.req.query('moved');
    const values = moved !== undefined && moved in sent ? rescaleSliders(sent, moved) : sent;
    const pairs = Object.entries(values).map(([id, v]) => `${id}:${v}`);
    // Sliders all at 0 (or none sent, or a reset) rank with the weights in force.
    const inputs = c.req.query('reset') || pairs.length === 0 || Object.values(values).every((v) => v <= 0) ? loaded : whatIfInputs(loaded, { weights: pairs.join(',') });
    const view = await rankOffLoop(p, inputs, undefined, { limit: WHAT_IF_ROWS });
    const base = `/evaluations/${p.evaluation.id}`;
    if (c.req.query('reset')) return fragment(c, <WhatIfSection base={base} view={view} sliders={slidersOf(view)} />);
    const others = values === sent ? [] : tops.filter((n) => n.id !== moved && n.id in values).map((n) => ({ id: n.id, name: n.name, value: values[n.id]! }));
    return fragment(c, <>
      <WhatIfResult view={view} />
      {others.map((s) => <WhatIfSlider url={`${base}/ranking/what-if`} slider={s} oob />)}
    </>);
  })
  .get('/', async (c) => renderRanking(c, await evaluationPage(c, 'ranking'), { saved: c.req.query('saved') === 'formula' }))
  .post('/cost-formula', pageAccess('ranking', 'edit'), formValidator(CostFormulaFormSchema, (c: Context<PageEnv>, errors: FieldErrors, values: Record<string, string>) => renderRanking(c, c.var.page, { errors, values }, 422)), async (c) => {
    const p = c.var.page;
    const form = c.req.valid('form');
    const refused = await refusalOf(() => setCostFormula(p.db, p, form.formula, form.reason || undefined));
    if (refused) return renderRanking(c, p, { errors: refused.errors, values: await formFields(c) }, refused.status);
    return c.redirect(`/evaluations/${p.evaluation.id}/ranking?saved=formula#cost-formula`, 303);
  });

/** The cost-formula form's state on the page: just saved, or refused with what was typed. */
type CostFormState = { saved?: boolean; errors?: FieldErrors; values?: Record<string, string> };

/** The ranking page; the facilitator's price-formula form in the state given (422 when it was refused). */
async function renderRanking(c: Context, p: EvaluationPage, form: CostFormState, status: 200 | 404 | 409 | 422 = 200) {
  // Stakeholders see no totals before review: a message instead of the table.
  const inputs = await visibleRankingInputs(p.db, p);
  if (!inputs) return html(c, <ScoresHidden title={m.ranking.title} user={p.user} nav={p.nav} />);
  const view = await rankOffLoop(p, inputs);
  const q = c.req.query('limit');
  const limit = q === 'all' ? Number.MAX_SAFE_INTEGER : Math.max(1, Number(q) || DEFAULT_LIMIT);
  const any = await anyScoresIn(p.db, p, inputs);
  const agg = await voteAggregate(p.db, p.evaluation);
  const voted = agg.groups.filter((g) => g.weights !== null);
  const whose: WhoseColumn[] | null = any && voted.length > 0
    ? [
        { title: m.voting.team, votes: null, top: view.result.rows.slice(0, WHOSE_TOP).map((r) => r.name) },
        // One after the other: in parallel, a page with many groups would pass the team's cap on heavy jobs.
        ...(await sequentially(voted, async (g) => ({ title: g.name, votes: g.votes, top: (await rankOffLoop(p, inputs, g.weights!, { limit: WHOSE_TOP })).result.rows.map((r) => r.name) }))),
      ]
    : null;
  const structure = await structureChanges(p.db, p.evaluation.id);
  const check = any ? await methodCheckOffLoop(p, inputs, CHECK_ROWS) : null;
  const base = `/evaluations/${p.evaluation.id}`;
  // The facilitator records the formula wherever a cost criterion exists, scores or not; never once decided.
  const costForm = p.role === 'facilitator' && p.evaluation.status !== 'decided' && view.nodes.some((n) => n.kind === 'cost')
    ? <CostFormulaForm base={base} formula={inputs.costFormula} {...form} />
    : null;
  const extra = <>
    {any && view.result.rows.length > 0
      ? <>
          {view.pricesHidden ? null : <PriceQualitySection pq={await priceQuality(p, inputs, PRICE_ROWS)} formula={view.costFormula} />}
          <WhatIfSection base={base} view={{ ...view, result: { ...view.result, rows: view.result.rows.slice(0, WHAT_IF_ROWS) } }} sliders={slidersOf(view)} />
        </>
      : null}
    {costForm}
  </>;
  return html(c, <RankingPage extra={extra} check={check} user={p.user} nav={p.nav} view={view} limit={limit} anyScores={any} whose={whose} pricesHidden={view.pricesHidden} structure={structure} early={p.evaluation.status !== 'review' && p.evaluation.status !== 'decided'} />, status);
}
