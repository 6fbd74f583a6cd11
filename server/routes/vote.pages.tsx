import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { VotePage, SAATY, type Method, type VotePageProps } from '../../views/pages/vote.js';
import { html } from '../../views/render.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { castVote, weighVote } from '../services/voting.js';
import { allowedMethods, voteAggregate, votingCriteria } from '../read-models/votes.js';
import { myVote } from '../../db/queries/votes.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import type { VoteBody } from '../schemas/votes.js';
import { formFields, formValidator, parseDecimal, refusalOf } from '../forms.js';
import { VoteFormSchema } from '../schemas/forms/vote.js';


/** "1/3" → 0.333…, "5" → 5; anything else NaN so the domain names the problem. */
const ratio = (s: string | undefined): number => {
  if (!s) return NaN;
  const [n, d] = s.split('/');
  return d === undefined ? Number(n) : Number(n) / Number(d);
};

/** The form fields a stored vote fills in, so a returning stakeholder sees what they said. */
function valuesFromVote(body: VoteBody, ids: string[]): { values: Record<string, string>; order: string[] } {
  const values: Record<string, string> = {};
  if (body.method === 'points') for (const [id, n] of Object.entries(body.points)) values[`p.${id}`] = String(n);
  if (body.method === 'rating') for (const [id, n] of Object.entries(body.ratings)) values[`r.${id}`] = String(n);
  if (body.method === 'ahp') {
    body.criteria.forEach((a, i) => body.criteria.forEach((b, j) => {
      const v = body.matrix[i]?.[j];
      if (v === undefined) return;
      const label = v >= 1 ? String(Math.round(v)) : `1/${Math.round(1 / v)}`;
      if ((SAATY as readonly string[]).includes(label)) values[`a.${a}.${b}`] = label;
    }));
  }
  const order = body.method === 'rank' ? [...body.order.filter((id) => ids.includes(id)), ...ids.filter((id) => !body.order.includes(id))] : ids;
  return { values, order };
}

/** Builds the vote body the API would receive from the submitted form. */
function bodyFromForm(method: Method, f: Record<string, string>, ids: string[]): VoteBody {
  if (method === 'points') return { method, points: Object.fromEntries(ids.map((id) => [id, f[`p.${id}`]?.trim() ? parseDecimal(f[`p.${id}`]) : 0])) };
  if (method === 'rating') return { method, ratings: Object.fromEntries(ids.filter((id) => f[`r.${id}`] !== undefined).map((id) => [id, Number(f[`r.${id}`])])) };
  if (method === 'rank') return { method, order: orderFromForm(f, ids) };
  return { method, criteria: ids, matrix: ids.map((a, i) => ids.map((b, j) => (i === j ? 1 : i < j ? ratio(f[`a.${a}.${b}`] ?? '1') : 1 / ratio(f[`a.${b}.${a}`] ?? '1')))) };
}

function orderFromForm(f: Record<string, string>, ids: string[]): string[] {
  return [...ids].sort((x, y) => (Number(f[`k.${x}`]) || 0) - (Number(f[`k.${y}`]) || 0));
}

async function render(c: Context, p: Page, over: Partial<VotePageProps> & { method?: Method }, status: 200 | 409 | 422 = 200) {
  const criteriaRows = await criteriaOf(p.db, p.evaluation.id);
  const descriptions = new Map(criteriaRows.map((r) => [String(r.id), r.description]));
  const criteria = (await votingCriteria(p.db, p.evaluation.id)).map((c) => ({ id: c.id, name: c.name, description: descriptions.get(c.id) ?? '' }));
  const ids = criteria.map((c) => c.id);
  const methods = allowedMethods(p.evaluation);
  const stored = await myVote(p.db, p.evaluation.id, p.userId);
  const body = stored ? (JSON.parse(stored.payload) as VoteBody) : null;
  const requested = c.req.query('method') as Method | undefined;
  const method = over.method ?? (requested && methods.includes(requested) ? requested : body && methods.includes(body.method) ? body.method : methods[0] ?? 'points');
  const fromVote = body && body.method === method ? valuesFromVote(body, ids) : { values: {}, order: ids };
  let mine: VotePageProps['mine'] = null;
  if (stored && body) {
    let worst = null;
    try { worst = body.method === 'ahp' ? (weighVote(body, ids).worstJudgement ?? null) : null; } catch { worst = null; }
    mine = { weights: JSON.parse(stored.weights) as Record<string, number>, consistencyRatio: stored.consistency_ratio, worst };
  }
  const agg = await voteAggregate(p.db, p.evaluation);
  return html(c, <VotePage user={p.user} nav={p.nav} criteria={criteria} methods={methods} method={method} open={p.evaluation.status === 'voting'}
    values={over.values ?? fromVote.values} order={over.order ?? fromVote.order} errors={over.errors} saved={over.saved}
    mine={mine} team={{ weights: agg.weights, counted: agg.counted }} />, status);
}

// The schema reads any method, so this answers only if that changes: the form again, as typed.
const voteForm = formValidator(VoteFormSchema, (c: Context<PageEnv>, errors, values) => render(c, c.var.page, { values, errors }, 422));

/** GET/POST /evaluations/:id/vote — a stakeholder's own vote on the top-level criteria. */
export const votePages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const p = await evaluationPage(c, 'voting', 'vote');
    return render(c, p, { saved: c.req.query('saved') === '1' });
  })
  .post('/', pageAccess('voting', 'vote'), voteForm, async (c) => {
    const p = c.var.page;
    const { method, move } = c.req.valid('form');
    const f = await formFields(c);
    const ids = (await votingCriteria(p.db, p.evaluation.id)).map((x) => x.id);
    if (method === 'rank' && move) {
      // Without JavaScript the ↑/↓ buttons submit the form: move the item and show the list again, saving nothing.
      const order = orderFromForm(f, ids);
      const [id, dir] = move.split(':');
      const i = order.indexOf(id ?? '');
      const j = dir === 'up' ? i - 1 : i + 1;
      if (i >= 0 && j >= 0 && j < order.length) [order[i], order[j]] = [order[j]!, order[i]!];
      return render(c, p, { method, order });
    }
    const refused = await refusalOf(() => castVote(p.db, p, bodyFromForm(method, f, ids)));
    if (refused) return render(c, p, { method, values: f, order: orderFromForm(f, ids), errors: refused.errors }, refused.status as 409 | 422);
    return c.redirect(`/evaluations/${p.evaluation.id}/vote?saved=1&method=${method}`, 303);
  });
