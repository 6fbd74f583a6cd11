import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import { WeightsPage, type WeightGroup } from '../../views/pages/weights.js';
import { html } from '../../views/render.js';
import { evaluationPage, pageAccess, type PageEnv } from './page-access.js';
import { setWeights } from '../services/weights.js';
import { loadWeights } from '../read-models/weights.js';
import { weightCarriers, type ResolvedWeights } from '../domain/weights.js';
import type { CriterionNode } from '../domain/types.js';
import { weightHistory } from '../../db/queries/weight-history.js';
import { weightSetByVersion } from '../../db/queries/weights.js';
import { resolveWeights } from '../domain/weights.js';
import { notFound } from '../errors.js';
import { formFields, formValidatorFor, refusalOf, type FormValues } from '../forms.js';
import { weightsFormSchema } from '../schemas/forms/weights.js';
import type { FieldErrors } from '../errors.js';
import { can } from '../domain/permissions.js';
import { m } from '../../views/messages/index.js';
import { childrenOf, topLevelOf } from '../domain/criteria-tree.js';

/** Sibling sets that carry weight: the top level first, then each parent's split. */
function weightGroups(nodes: CriterionNode[]): WeightGroup[] {
  const carriers = weightCarriers(nodes);
  const top = topLevelOf(nodes).filter((n) => carriers.has(n.id));
  const groups: WeightGroup[] = top.length > 0 ? [{ key: 'top', title: m.weights.topLevel, members: top }] : [];
  for (const parent of top) {
    const kids = childrenOf(nodes, parent.id).filter((n) => carriers.has(n.id));
    if (kids.length > 1) groups.push({ key: parent.id, title: m.weights.splitOf(parent.name), members: kids });
  }
  return groups;
}

/** The resolved local shares as the form shows them: percentages with one decimal. */
function asPercentValues(groups: WeightGroup[], resolved: ResolvedWeights): Record<string, string> {
  const values: Record<string, string> = {};
  for (const g of groups) for (const c of g.members) values[`w.${c.id}`] = String(Math.round((resolved.local.get(c.id) ?? 0) * 10000) / 100);
  return values;
}

/** The form again with its messages and what was typed (422). */
async function renderInvalid(c: Context<PageEnv>, errors: FieldErrors, values: FormValues) {
  const p = c.var.page;
  const { nodes } = await loadWeights(p.db, p.evaluation.id);
  return html(c, <WeightsPage user={p.user} nav={p.nav} groups={weightGroups(nodes)} values={values} canEdit errors={errors}
    history={await weightHistory(p.db, p.evaluation.id)} hasMustHaves={nodes.some((n) => n.kind === 'must-have')} />, 422);
}

// The fields are the evaluation's weight-carrying criteria, so the schema is built per request.
const weightsForm = formValidatorFor(async (c: Context<PageEnv>) => weightsFormSchema(weightGroups((await loadWeights(c.var.page.db, c.var.page.evaluation.id)).nodes)), renderInvalid);

/** GET/POST /evaluations/:id/weights — set top-level weights and sub-criterion splits directly. */
export const weightsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const p = await evaluationPage(c, 'weights');
    const { nodes, resolved, version: current } = await loadWeights(p.db, p.evaluation.id);
    const groups = weightGroups(nodes);
    const saved = Number(c.req.query('saved')) || undefined;
    const history = await weightHistory(p.db, p.evaluation.id);
    const asked = Number(c.req.query('version')) || null;
    if (asked !== null && asked !== current) {
      // An earlier version, read-only, resolved against today's criteria (criteria added since get the mean share).
      const old = await weightSetByVersion(p.db, p.evaluation.id, asked);
      if (!old) throw notFound('weightSetVersion');
      return html(c, <WeightsPage user={p.user} nav={p.nav} groups={groups} values={asPercentValues(groups, resolveWeights(nodes, old.local))} canEdit={false}
        history={history} viewing={{ version: asked, source: old.set.source, at: old.set.created_at }} hasMustHaves={nodes.some((n) => n.kind === 'must-have')} />);
    }
    return html(c, <WeightsPage user={p.user} nav={p.nav} groups={groups} values={asPercentValues(groups, resolved)} canEdit={can(p.role, 'edit') && p.evaluation.status !== 'decided'}
      history={history} savedVersion={saved} hasMustHaves={nodes.some((n) => n.kind === 'must-have')} />);
  })
  .post('/', pageAccess('weights', 'edit'), weightsForm, async (c) => {
    const p = c.var.page;
    const fields = await formFields(c);
    let version = 0;
    const refused = await refusalOf(async () => { ({ version } = await setWeights(p.db, p, c.req.valid('form'), fields.reason)); }, [400]);
    if (refused) return renderInvalid(c, refused.errors, fields);
    return c.redirect(`/evaluations/${p.evaluation.id}/weights?saved=${version}`, 303);
  });
