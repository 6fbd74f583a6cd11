import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { evaluationPage, type EvaluationPage as Page } from './page-access.js';
import { submitScores } from '../services/panel.js';
import { formFields, refusalOf } from '../forms.js';
import { gridColumns } from './scoring-grid.js';
import { countGridVendors, myScoredCount } from '../../db/queries/scoring-grid.js';
import { scopeOf } from '../read-models/panel-progress.js';
import { SubmissionConfirmPage } from '../../views/pages/submission-confirm.js';
import { html } from '../../views/render.js';
import { m } from '../../views/messages/index.js';

/** The caller's cells scored and cells in their scope (their assignments), counted now. */
async function myCoverage(p: Page): Promise<{ done: number; total: number }> {
  const [scope, all] = await Promise.all([scopeOf(p.db, p.evaluation.id, p.userId), gridColumns(p.db, p.evaluation.id)]);
  const ids = all.columns.map((col) => col.id).filter((id) => !scope.leaves || scope.leaves.has(id));
  const vendors = await countGridVendors(p.db, p.evaluation.id, scope.vendors ? [...scope.vendors] : null);
  return { done: await myScoredCount(p.db, p.evaluation.id, p.userId, ids), total: vendors * ids.length };
}

async function confirmPage(c: Context, p: Page, errors?: Record<string, string>, status: 200 | 409 | 422 = 200) {
  const { done, total } = await myCoverage(p);
  return html(c, <SubmissionConfirmPage user={p.user} nav={p.nav} done={done} total={total} errors={errors} />, status);
}

/**
 * /evaluations/:id/submission — GET: the confirmation step (what will happen, how many cells stay
 * empty); POST: the caller hands in their scores, only with the box ticked (else the step again,
 * 422). The API submits at any coverage (API.md).
 */
export const submissionPages = new Hono<AppEnv>()
  .get('/', async (c) => confirmPage(c, await evaluationPage(c, 'scoring', 'score')))
  .post('/', async (c) => {
    const p = await evaluationPage(c, 'scoring', 'score');
    if ((await formFields(c)).confirm !== 'yes') return confirmPage(c, p, { _: m.guards.needsCheck }, 422);
    const refused = await refusalOf(() => submitScores(p.db, p), [409]);
    if (refused) return confirmPage(c, p, { _: refused.message }, 409);
    return c.redirect(`/evaluations/${p.evaluation.id}/scoring`, 303);
  });
