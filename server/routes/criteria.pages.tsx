import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import { isStructureFrozen } from '../domain/rules/structure.js';
import type { Criterion } from '../../db/schema.js';
import { CriteriaPage, CriterionEditPage } from '../../views/pages/criteria.js';
import { CriterionDeletePage } from '../../views/pages/criterion-delete.js';
import type { CriterionBranch, CriterionView } from '../../views/partials/criteria-tree.js';
import type { CriterionFormValues } from '../../views/partials/criteria-form.js';
import { m } from '../../views/messages/index.js';
import { html } from '../../views/render.js';
import { criteriaOf, criterionIn, rubricOf } from '../../db/queries/criteria.js';
import { formValidator, saveNamed, type FormValues } from '../forms.js';
import { CriterionPatchSchema, NewCriterionSchema } from '../schemas/criteria.js';
import { addCriterion, deleteCriterion, updateCriterion } from '../services/criteria.js';
import { deletionImpact } from '../read-models/criterion-impact.js';
import { loadWeights } from '../read-models/weights.js';
import { can } from '../domain/permissions.js';
import { notFound, type FieldErrors } from '../errors.js';
import { parseId } from '../ids.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { childrenOf, topLevelOf } from '../domain/criteria-tree.js';


/** The schema allows 11 anchors (a 0–10 scale); the form shows at least the template's six. */
const MAX_RUBRIC = 11;
const MIN_RUBRIC_LINES = 6;

/** The tree for the page: top-level criteria in order, each with its sub-criteria and global weight share. */
async function loadTree(p: Page): Promise<{ rows: Criterion[]; tree: CriterionBranch[] }> {
  const [rows, { resolved }] = await Promise.all([criteriaOf(p.db, p.evaluation.id), loadWeights(p.db, p.evaluation.id)]);
  const view = (r: Criterion): CriterionView => ({
    id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, description: r.description, rubric: rubricOf(r), weight: resolved.global.get(String(r.id)) ?? 0,
  });
  const tree = topLevelOf(rows).map((r) => ({ criterion: view(r), children: childrenOf(rows, r.id).map(view) }));
  return { rows, tree };
}

/** Top-level scored criteria: the only valid parents (the service enforces it; the select just offers them). */
const parentOptions = (rows: readonly Criterion[], selfId: number | null) =>
  topLevelOf(rows).filter((r) => r.kind === 'scored' && r.id !== selfId).map((r) => ({ id: r.id, name: r.name }));

const canEdit = (p: Page) => can(p.role, 'edit') && p.evaluation.status !== 'decided';

/** Form strings → the service's input shape; blank parent means top level. */
function formInput(fields: Record<string, string>, withRubric: boolean) {
  const rubric = Array.from({ length: MAX_RUBRIC }, (_, i) => fields[`rubric${i}`] ?? '');
  while (rubric.length > 0 && rubric[rubric.length - 1]!.trim() === '') rubric.pop();
  return {
    name: fields.name ?? '',
    parentId: fields.parentId ? fields.parentId : null,
    kind: fields.kind || undefined,
    description: fields.description ?? '',
    ...(withRubric ? { rubric } : {}),
  };
}


async function criterionOr404(p: Page, raw: string | undefined): Promise<Criterion> {
  const id = parseId(raw);
  const row = id === null ? undefined : await criterionIn(p.db, p.evaluation.id, id);
  if (!row) throw notFound('criterion');
  return row;
}

/** The values an edit form starts from: the criterion as stored. */
function storedValues(row: Criterion): CriterionFormValues {
  const values: CriterionFormValues = { name: row.name, parentId: row.parent_id === null ? '' : String(row.parent_id), kind: row.kind, description: row.description };
  rubricOf(row).forEach((a, i) => { values[`rubric${i}`] = a; });
  return values;
}

const rubricLines = (values: CriterionFormValues) => {
  let n = MIN_RUBRIC_LINES;
  for (let i = 0; i < MAX_RUBRIC; i++) if ((values[`rubric${i}`] ?? '') !== '') n = Math.max(n, i + 1);
  return n;
};

async function renderEdit(c: Context, p: Page, row: Criterion, values: CriterionFormValues, errors?: FieldErrors) {
  const rows = await criteriaOf(p.db, p.evaluation.id);
  const page = (
    <CriterionEditPage
      user={p.user} nav={p.nav} criterion={{ id: row.id, name: row.name }}
      parents={parentOptions(rows, row.id)} parentLocked={childrenOf(rows, row.id).length > 0} frozen={isStructureFrozen(p.evaluation.status)}
      rubricLevels={rubricLines(values)} values={values} errors={errors}
    />
  );
  return html(c, page, errors ? 422 : 200);
}

/** The tree page again with the add form's messages and what was typed (422). */
async function renderNew(c: Context<PageEnv>, errors: FieldErrors, values: FormValues) {
  const p = c.var.page;
  const { rows, tree } = await loadTree(p);
  return html(c, <CriteriaPage user={p.user} nav={p.nav} evaluation={p.evaluation} tree={tree} parents={parentOptions(rows, null)} canEdit errors={errors} values={values} />, 422);
}

const newForm = formValidator(NewCriterionSchema, renderNew, (fields) => formInput(fields, false));
// An unknown criterion is a 404 before any message about the form.
const editForm = formValidator(CriterionPatchSchema, async (c: Context<PageEnv>, errors, values) =>
  renderEdit(c, c.var.page, await criterionOr404(c.var.page, c.req.param('cid')), values, errors), (fields) => formInput(fields, true));

/** The criteria pages: the tree, add, edit and delete (with a confirmation), all plain forms with PRG. */
export const criteriaPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const p = await evaluationPage(c, 'criteria');
    const { rows, tree } = await loadTree(p);
    return html(c, <CriteriaPage user={p.user} nav={p.nav} evaluation={p.evaluation} tree={tree} parents={parentOptions(rows, null)} canEdit={canEdit(p)} />);
  })
  .post('/', pageAccess('criteria', 'edit'), newForm, async (c) => {
    const p = c.var.page;
    const form = c.req.valid('form');
    return saveNamed(c, async () => `/evaluations/${p.evaluation.id}/criteria#criterion-${await addCriterion(p.db, p, form)}`,
      m.criteria.duplicateName(form.name.trim()), (errors, values) => renderNew(c, errors, values));
  })
  .get('/:cid/edit', async (c) => {
    const p = await evaluationPage(c, 'criteria', 'edit');
    const row = await criterionOr404(p, c.req.param('cid'));
    return renderEdit(c, p, row, storedValues(row));
  })
  .post('/:cid', pageAccess('criteria', 'edit'), editForm, async (c) => {
    const p = c.var.page;
    const row = await criterionOr404(p, c.req.param('cid'));
    const form = c.req.valid('form');
    return saveNamed(c, async () => { await updateCriterion(p.db, p, row.id, form); return `/evaluations/${p.evaluation.id}/criteria#criterion-${row.id}`; },
      m.criteria.duplicateName((form.name ?? row.name).trim()), (errors, values) => renderEdit(c, p, row, values, errors));
  })
  .get('/:cid/delete', async (c) => {
    const p = await evaluationPage(c, 'criteria', 'edit');
    const row = await criterionOr404(p, c.req.param('cid'));
    const impact = await deletionImpact(p.db, p.evaluation.id, row.id);
    return html(c, <CriterionDeletePage user={p.user} nav={p.nav} criterion={{ id: row.id, name: row.name, kind: row.kind }} impact={impact} />);
  })
  .post('/:cid/delete', async (c) => {
    const p = await evaluationPage(c, 'criteria', 'edit');
    const row = await criterionOr404(p, c.req.param('cid'));
    await deleteCriterion(p.db, p, row.id);
    return c.redirect(`/evaluations/${p.evaluation.id}/criteria`, 303);
  });
