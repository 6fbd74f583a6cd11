import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { WeightsPage, type WeightGroup } from '../../views/pages/weights.js';
import { html } from '../../views/render.js';
import { evaluationPage } from './page-access.js';
import { setWeights } from '../services/weights.js';
import { loadWeights } from '../read-models/weights.js';
import { weightCarriers, type ResolvedWeights } from '../domain/weights.js';
import type { CriterionNode } from '../domain/types.js';
import { weightHistory } from '../../db/queries/weight-history.js';
import { weightSetByVersion } from '../../db/queries/weights.js';
import { resolveWeights } from '../domain/weights.js';
import { notFound } from '../errors.js';
import { formFields, parseDecimal } from '../forms.js';
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
      if (!old) throw notFound('That weight-set version');
      return html(c, <WeightsPage user={p.user} nav={p.nav} groups={groups} values={asPercentValues(groups, resolveWeights(nodes, old.local))} canEdit={false}
        history={history} viewing={{ version: asked, source: old.set.source, at: old.set.created_at }} hasMustHaves={nodes.some((n) => n.kind === 'must-have')} />);
    }
    return html(c, <WeightsPage user={p.user} nav={p.nav} groups={groups} values={asPercentValues(groups, resolved)} canEdit={can(p.role, 'edit') && p.evaluation.status !== 'decided'}
      history={history} savedVersion={saved} hasMustHaves={nodes.some((n) => n.kind === 'must-have')} />);
  })
  .post('/', async (c) => {
    const p = await evaluationPage(c, 'weights', 'edit');
    const { nodes } = await loadWeights(p.db, p.evaluation.id);
    const groups = weightGroups(nodes);
    const fields = await formFields(c);
    const errors: Record<string, string> = {};
    const update: Record<string, number> = {};
    for (const g of groups) {
      let sum = 0;
      for (const member of g.members) {
        const n = parseDecimal(fields[`w.${member.id}`]);
        if (!Number.isFinite(n) || n < 0) errors[`w.${member.id}`] = m.weights.notNumber;
        else { update[member.id] = n; sum += n; }
      }
      if (sum === 0 && !g.members.some((x) => errors[`w.${x.id}`])) errors[`group.${g.key}`] = m.weights.allZero;
    }
    if (Object.keys(errors).length > 0) {
      return html(c, <WeightsPage user={p.user} nav={p.nav} groups={groups} values={fields} canEdit errors={errors}
        history={await weightHistory(p.db, p.evaluation.id)} hasMustHaves={nodes.some((n) => n.kind === 'must-have')} />, 422);
    }
    const { version } = await setWeights(p.db, p, update);
    return c.redirect(`/evaluations/${p.evaluation.id}/weights?saved=${version}`, 303);
  });
