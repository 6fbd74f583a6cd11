import type { CriterionKindColumn } from '../../db/schema.js';
import { m } from '../messages/index.js';
import { percent } from '../format.js';
import { DataTable, type Column } from './data-table.js';

/** One criterion as the page shows it; `weight` is its share of the whole (0–1). */
export interface CriterionView {
  id: number;
  parentId: number | null;
  name: string;
  kind: CriterionKindColumn;
  description: string;
  rubric: string[];
  weight: number;
}

/** A top-level criterion with its sub-criteria, in position order. */
export interface CriterionBranch { criterion: CriterionView; children: CriterionView[] }

export function KindBadge({ kind }: { kind: CriterionKindColumn }) {
  return <span class={`badge badge-kind-${kind}`}>{m.kinds[kind]}</span>;
}

function Weight({ c }: { c: CriterionView }) {
  if (c.kind === 'must-have') return <span class="muted" title={m.criteria.gateTitle}>{m.criteria.gate}</span>;
  return <span title={m.criteria.weightTitle}>{percent(c.weight)}</span>;
}

/** The anchors with the level each stands for; folded away so the tree stays scannable. */
export function Rubric({ anchors }: { anchors: readonly string[] }) {
  if (anchors.length === 0) return <p class="muted small">{m.criteria.noRubric}</p>;
  return (
    <details class="rubric-details">
      <summary>{m.criteria.rubric(anchors.length)}</summary>
      <ol class="rubric">
        {anchors.map((a, level) => (
          <li>
            <span class="rubric-level"><span class="visually-hidden">{m.criteria.levelWord} </span>{String(level)}</span>
            <span>{a}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

function Row({ c, parent, base, canEdit, frozen }: { c: CriterionView; parent: CriterionView | null; base: string; canEdit: boolean; frozen: boolean }) {
  return (
    <tr id={`criterion-${c.id}`} class={parent ? 'criterion-sub' : 'criterion-top'}>
      <th scope="row">
        {parent ? <span class="tree-mark" aria-hidden="true">↳</span> : null}
        <span>{c.name}</span>
        {parent ? <span class="visually-hidden">{` (${m.criteria.subOf(parent.name)})`}</span> : null}
      </th>
      <td><KindBadge kind={c.kind} /></td>
      <td class="num"><Weight c={c} /></td>
      <td>
        {c.description ? <p class="small">{c.description}</p> : <p class="muted small">{m.criteria.noDescription}</p>}
        {c.kind === 'scored' || c.rubric.length > 0 ? <Rubric anchors={c.rubric} /> : null}
      </td>
      {canEdit ? (
        <td class="actions">
          <a href={`${base}/${c.id}/edit`} class="button button-small" aria-label={m.editLabel(c.name)}>{m.edit}</a>
          {frozen ? null : <a href={`${base}/${c.id}/delete`} class="button button-small button-danger" aria-label={m.criteria.deleteLabel(c.name)}>{m.delete}</a>}
        </td>
      ) : null}
    </tr>
  );
}

const columns = (canEdit: boolean): (Column | false)[] => {
  const c = m.criteria.columns;
  return [{ label: c.name }, { label: c.kind }, { label: c.weight, class: 'num' }, { label: c.details }, canEdit && { label: c.actions, hidden: true }];
};

/** The two-level tree as one table: each top-level criterion followed by its sub-criteria. */
export function CriteriaTable({ tree, base, canEdit, frozen = false }: { tree: readonly CriterionBranch[]; base: string; canEdit: boolean; frozen?: boolean }) {
  return (
    <DataTable class="criteria-table" columns={columns(canEdit)}>
      {tree.map((b) => (
        <>
          <Row c={b.criterion} parent={null} base={base} canEdit={canEdit} frozen={frozen} />
          {b.children.map((child) => <Row c={child} parent={b.criterion} base={base} canEdit={canEdit} frozen={frozen} />)}
        </>
      ))}
    </DataTable>
  );
}
