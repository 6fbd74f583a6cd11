import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { scoreCountOf } from '../../db/queries/scores.js';
import { OverviewPage } from '../../views/pages/overview.js';
import { html } from '../../views/render.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { visibleRanking } from '../read-models/ranking.js';
import { changeStatus } from '../services/status.js';
import { formFields, formValidator, numberOrBlank, refusalOf } from '../forms.js';
import { NewEvaluationSchema } from '../schemas/evaluations.js';
import { createEvaluation } from '../services/evaluations.js';
import { requirePageUser } from '../middleware/auth.js';
import { HomePage } from '../../views/pages/home.js';
import { evaluationsForUser } from '../../db/queries/evaluations.js';
import { StatusSchema } from '../schemas/votes.js';
import { can } from '../domain/permissions.js';
import { forbidden } from '../errors.js';
import { m } from '../../views/messages/index.js';
import { vendorCountOf } from '../../db/queries/vendors.js';
import { leavesOf } from '../domain/criteria-tree.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { overviewDecision } from '../read-models/decision.js';
import { currentWeightSet } from '../../db/queries/weights.js';
import { guardedMove, postGuardedStatus, renderStatusConfirm } from './status-confirm.js';


async function render(c: Context, p: Page, errors?: Record<string, string>, status: 200 | 409 | 422 = 200) {
  // The ranking as this member may see it (two envelopes, blind scoring; none for a stakeholder
  // before review); the counts describe the whole tree.
  const [ranking, tree, vendors, mine] = await Promise.all([
    visibleRanking(p.db, p, { limit: 1 }), criteriaOf(p.db, p.evaluation.id), vendorCountOf(p.db, p.evaluation.id), scoreCountOf(p.db, p.evaluation.id, p.userId),
  ]);
  const leaves = leavesOf(tree).filter((n) => n.kind !== 'cost').length;
  const top = ranking?.result.rows[0];
  const leader = top && top.total > 0 ? top.name : null;
  const weightVersion = ranking ? ranking.weightVersion : ((await currentWeightSet(p.db, p.evaluation.id)).set?.version ?? null);
  return html(c, <OverviewPage user={p.user} nav={p.nav} evaluation={p.evaluation} canManage={can(p.role, 'edit') && p.evaluation.status !== 'decided'} errors={errors}
    facts={{ criteria: tree.length, leaves, vendors, weightVersion, myCells: mine, leader, leaderFromOwn: ranking?.view === 'own', ranking: ranking ? { ranked: ranking.ranked, unscored: ranking.result.unscored.length } : undefined }} decision={await overviewDecision(p.db, p)} />, status);
}

/** Creating an evaluation is for members of a team; checked before the form is. */
const inTeam: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('user')!.teamId === null) throw forbidden(m.errors.teamOnly);
  await next();
};

const newEvaluationForm = formValidator(NewEvaluationSchema, async (c, errors, values) => {
  const user = c.get('user')!;
  return html(c, <HomePage user={user} evaluations={await evaluationsForUser(c.get('db'), user.id)} errors={errors} values={values} />, 422);
}, (fields) => ({
  name: fields.name,
  template: fields.template || undefined,
  scale: { min: numberOrBlank(fields.scaleMin) ?? 0, max: numberOrBlank(fields.scaleMax) ?? 5 },
}));

// Any zod message about the stage reads as one line above the form.
const statusForm = formValidator(StatusSchema, (c: Context<PageEnv>) => render(c, c.var.page, { _: 'Unknown stage.' }, 422), (f) => ({ status: f.status }));

/**
 * /evaluations — POST creates one from the home page's form; GET /:id shows where it stands and
 * POST /:id/status moves it to its next stage.
 */
export const evaluationsPages = new Hono<AppEnv>()
  .post('/', requirePageUser, inTeam, newEvaluationForm, async (c) => {
    const user = c.get('user')!;
    const e = await createEvaluation(c.get('db'), { id: user.id, teamId: user.teamId! }, c.req.valid('form'));
    return c.redirect(`/evaluations/${e.id}`, 303);
  })
  .get('/:id', async (c) => render(c, await evaluationPage(c, 'overview')))
  .get('/:id/status', async (c) => {
    const p = await evaluationPage(c, 'overview', 'edit');
    const to = StatusSchema.shape.status.safeParse(c.req.query('to'));
    return renderStatusConfirm(c, p, to.success ? to.data : p.evaluation.status);
  })
  .post('/:id/status', pageAccess('overview', 'edit'), statusForm, async (c) => {
    const p = c.var.page;
    const { status } = c.req.valid('form');
    if (guardedMove(p.evaluation.status, status)) return postGuardedStatus(c, p, status);
    if (status === 'decided' && (await formFields(c)).confirm !== 'yes') return render(c, p, { _: m.overview.decideNeedsCheck }, 422);
    const refused = await refusalOf(() => changeStatus(p.db, p, status), [409]);
    if (refused) return render(c, p, { _: refused.message }, 409);
    return c.redirect(`/evaluations/${p.evaluation.id}`, 303);
  });
