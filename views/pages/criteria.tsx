import type { FieldErrors } from '../../server/errors.js';
import type { CurrentUser } from '../../server/context.js';
import type { Evaluation } from '../../db/schema.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { isStructureFrozen } from '../../server/domain/rules/structure.js';
import { CriteriaTable, type CriterionBranch } from '../partials/criteria-tree.js';
import { CriterionForm, type CriterionFormValues } from '../partials/criteria-form.js';
import { EditPageFrame } from '../partials/record-pages.js';


/** Why the page is read-only, when it is: the evaluation is locked, or the role only reads. */
export function ReadOnlyNote({ canEdit, locked, text }: { canEdit: boolean; locked: boolean; text: string }) {
  if (canEdit) return null;
  return <p class="alert alert-info">{locked ? m.locked : text}</p>;
}

interface CriteriaPageProps {
  user: CurrentUser;
  nav: EvaluationNav;
  evaluation: Evaluation;
  tree: readonly CriterionBranch[];
  parents: readonly { id: number; name: string }[];
  canEdit: boolean;
  errors?: FieldErrors;
  values?: CriterionFormValues;
}

/** GET /evaluations/:id/criteria — the tree with weights and rubrics, and the add form for the facilitator. */
export function CriteriaPage({ user, nav, evaluation, tree, parents, canEdit, errors, values }: CriteriaPageProps) {
  const base = `/evaluations/${evaluation.id}/criteria`;
  const standardScale = evaluation.scale_min === 0 && evaluation.scale_max === 5;
  const frozen = isStructureFrozen(evaluation.status);
  return (
    <Layout title={m.criteria.title} user={user} evaluation={nav} wide>
      <div class="page-head">
        <h1>{m.criteria.title}</h1>
        <p class="muted">{m.criteria.intro}</p>
        {tree.length > 0 && !standardScale ? <p class="muted small">{m.criteria.rubricScale(evaluation.scale_min, evaluation.scale_max)}</p> : null}
      </div>
      <ReadOnlyNote canEdit={canEdit} locked={evaluation.status === 'decided'} text={m.criteria.readOnly} />
      {canEdit && frozen ? <p class="alert alert-info">{m.guards.frozen}</p> : null}
      {tree.length === 0 ? (
        <div class="empty">
          <p>{canEdit ? m.criteria.empty : m.criteria.emptyReadOnly}</p>
          {canEdit ? <p class="muted small">{m.criteria.emptyHint}</p> : null}
        </div>
      ) : (
        <CriteriaTable tree={tree} base={base} canEdit={canEdit} frozen={frozen} />
      )}
      {canEdit && !frozen ? (
        <section class="card" id="add-criterion">
          <h2>{m.criteria.addTitle}</h2>
          <CriterionForm action={base} submitLabel={m.criteria.addButton} parents={parents} values={values} errors={errors} />
        </section>
      ) : null}
    </Layout>
  );
}

interface CriterionEditPageProps {
  user: CurrentUser;
  nav: EvaluationNav;
  criterion: { id: number; name: string };
  parents: readonly { id: number; name: string }[];
  parentLocked: boolean;
  frozen?: boolean;
  rubricLevels: number;
  values: CriterionFormValues;
  errors?: FieldErrors;
}

/** GET /evaluations/:id/criteria/:cid/edit — name, place in the tree, kind, description and rubric. */
export function CriterionEditPage({ user, nav, criterion, parents, parentLocked, frozen, rubricLevels, values, errors }: CriterionEditPageProps) {
  const base = `/evaluations/${nav.id}/criteria`;
  return (
    <EditPageFrame
      user={user} nav={nav} name={criterion.name}
      back={{ href: base, label: m.criteria.backToList }} deleteLink={{ href: `${base}/${criterion.id}/delete`, label: m.criteria.deleteLink }}
      frozen={frozen ? <p class="muted small">{m.guards.frozen}</p> : undefined}
    >
      <CriterionForm
        action={`${base}/${criterion.id}`}
        submitLabel={m.criteria.saveButton}
        parents={parents}
        parentLocked={parentLocked}
        frozen={frozen}
        rubricLevels={rubricLevels}
        values={values}
        errors={errors}
        cancelHref={base}
      />
    </EditPageFrame>
  );
}
