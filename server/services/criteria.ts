import type { Db } from '../../db/client.js';
import type { Criterion, CriterionKindColumn } from '../../db/schema.js';
import {
  childrenOf, criteriaOf, criterionIn, deleteCriterionTree, insertCriterion, nextCriterionPosition, updateCriterion as writeCriterion,
} from '../../db/queries/criteria.js';
import { auditAs, createAudited } from './audit-as.js';
import { impactOf } from '../read-models/criterion-impact.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';
import { assertStructureOpen } from './structure-guard.js';
import { m } from '../../views/messages/index.js';

export interface CriterionInput { name: string; parentId?: number | null; kind?: CriterionKindColumn; description?: string; rubric?: string[] }

const audit = (db: Db, a: Actor, action: string, id: number, before?: unknown, after?: unknown) => auditAs(db, a, action, 'criterion', id, before, after);

const snapshot = (c: Criterion) => ({ name: c.name, parentId: c.parent_id, kind: c.kind, description: c.description });

/**
 * The tree is two levels deep: a parent must be top-level, and a criterion that has children cannot
 * become a child itself. Names are unique among siblings so a ranking column is never ambiguous.
 */
async function checkPlacement(db: Db, evaluationId: number, name: string, parentId: number | null, selfId: number | null): Promise<void> {
  const all = await criteriaOf(db, evaluationId);
  if (parentId !== null) {
    const parent = all.find((c) => c.id === parentId);
    if (!parent) throw badRequest(m.errors.unknownParent, { parentId: m.errors.unknownCriterionField });
    if (parent.parent_id !== null) throw badRequest(m.errors.oneLevelDeep, { parentId: m.errors.notTopLevelField });
    if (parent.id === selfId) throw badRequest(m.errors.ownParent, { parentId: m.errors.ownParentField });
    if (selfId !== null && all.some((c) => c.parent_id === selfId)) {
      throw badRequest(m.errors.hasChildren, { parentId: m.errors.hasChildrenField });
    }
    if (parent.kind !== 'scored') throw badRequest(m.errors.scoredParentOnly, { parentId: m.errors.scoredParentOnlyField });
  }
  const key = name.trim().toLowerCase();
  if (all.some((c) => c.id !== selfId && c.parent_id === parentId && c.name.trim().toLowerCase() === key)) {
    throw conflict('duplicate_name', m.errors.duplicateCriterion(name.trim()));
  }
}

export async function addCriterion(db: Db, a: Actor, input: CriterionInput): Promise<number> {
  assertStructureOpen(a, 'add-criterion');
  return createAudited(db, a, 'criterion', async (trx) => {
    const parentId = input.parentId ?? null;
    await checkPlacement(trx, a.evaluation.id, input.name, parentId, null);
    return insertCriterion(trx, {
      evaluation_id: a.evaluation.id, parent_id: parentId, name: input.name.trim(), description: input.description?.trim() ?? '',
      kind: input.kind ?? 'scored', rubric: JSON.stringify(input.rubric ?? []), position: await nextCriterionPosition(trx, a.evaluation.id), created_at: nowIso(),
    });
  }, snapshot);
}

export async function updateCriterion(db: Db, a: Actor, id: number, input: Partial<CriterionInput>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await criterionIn(trx, a.evaluation.id, id);
    if (!before) throw notFound('criterion');
    const name = input.name ?? before.name;
    const parentId = input.parentId === undefined ? before.parent_id : input.parentId;
    // From scoring on the tree holds still: a rename or a new description passes, a move or a new kind does not.
    if (parentId !== before.parent_id) assertStructureOpen(a, 'move-criterion');
    if (input.kind !== undefined && input.kind !== before.kind) assertStructureOpen(a, 'change-kind');
    await checkPlacement(trx, a.evaluation.id, name, parentId, id);
    if (input.kind && input.kind !== 'scored' && (await childrenOf(trx, a.evaluation.id, id)).length > 0) {
      throw badRequest(m.errors.parentStaysScored, { kind: m.errors.parentStaysScoredField });
    }
    const after = await writeCriterion(trx, id, {
      name: name.trim(), parent_id: parentId, kind: input.kind ?? before.kind,
      description: input.description?.trim() ?? before.description,
      ...(input.rubric ? { rubric: JSON.stringify(input.rubric) } : {}),
    });
    await audit(trx, a, 'update', id, snapshot(before), snapshot(after));
  });
}

/** Deletes a criterion with its sub-criteria and their scores; the audit entry keeps what was there. */
export async function deleteCriterion(db: Db, a: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await criterionIn(trx, a.evaluation.id, id);
    if (!before) throw notFound('criterion');
    assertStructureOpen(a, 'delete-criterion');
    const { children, scores } = await impactOf(trx, a.evaluation.id, id);
    await deleteCriterionTree(trx, id, children.map((c) => c.id));
    await audit(trx, a, 'delete', id, { ...snapshot(before), children: children.map((c) => c.name), scores });
  });
}
