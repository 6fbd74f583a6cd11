import type { Db } from '../../db/client.js';
import type { Criterion, CriterionKindColumn } from '../../db/schema.js';
import type { EvaluationAccess } from '../../db/queries/evaluations.js';
import { criteriaOf, criterionIn } from '../../db/queries/criteria.js';
import { recordAudit } from '../../db/queries/audit.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { nowIso } from '../time.js';

type Actor = EvaluationAccess & { userId: number };
export interface CriterionInput { name: string; parentId?: number | null; kind?: CriterionKindColumn; description?: string; rubric?: string[] }

const audit = (db: Db, a: Actor, action: string, id: number, before?: unknown, after?: unknown) =>
  recordAudit(db, { teamId: a.evaluation.team_id, evaluationId: a.evaluation.id, actorId: a.userId, action, entity: 'criterion', entityId: id, before, after });

const snapshot = (c: Criterion) => ({ name: c.name, parentId: c.parent_id, kind: c.kind, description: c.description });

/**
 * The tree is two levels deep: a parent must be top-level, and a criterion that has children cannot
 * become a child itself. Names are unique among siblings so a ranking column is never ambiguous.
 */
async function checkPlacement(db: Db, evaluationId: number, name: string, parentId: number | null, selfId: number | null): Promise<void> {
  const all = await criteriaOf(db, evaluationId);
  if (parentId !== null) {
    const parent = all.find((c) => c.id === parentId);
    if (!parent) throw badRequest('The parent criterion is not part of this evaluation.', { parentId: 'Unknown criterion.' });
    if (parent.parent_id !== null) throw badRequest('Sub-criteria go one level deep: choose a top-level parent.', { parentId: 'Not a top-level criterion.' });
    if (parent.id === selfId) throw badRequest('A criterion cannot be its own parent.', { parentId: 'Choose another parent.' });
    if (selfId !== null && all.some((c) => c.parent_id === selfId)) {
      throw badRequest('This criterion has sub-criteria, so it must stay top-level.', { parentId: 'Move or delete its sub-criteria first.' });
    }
    if (parent.kind !== 'scored') throw badRequest('Only a scored criterion can hold sub-criteria.', { parentId: 'Choose a scored criterion.' });
  }
  const key = name.trim().toLowerCase();
  if (all.some((c) => c.id !== selfId && c.parent_id === parentId && c.name.trim().toLowerCase() === key)) {
    throw conflict('duplicate_name', `A criterion named "${name.trim()}" already exists at that level.`);
  }
}

export async function addCriterion(db: Db, a: Actor, input: CriterionInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const parentId = input.parentId ?? null;
    await checkPlacement(trx, a.evaluation.id, input.name, parentId, null);
    const last = await trx.selectFrom('criteria').select((eb) => eb.fn.max('position').as('p')).where('evaluation_id', '=', a.evaluation.id).executeTakeFirst();
    const row = await trx
      .insertInto('criteria')
      .values({
        evaluation_id: a.evaluation.id, parent_id: parentId, name: input.name.trim(), description: input.description?.trim() ?? '',
        kind: input.kind ?? 'scored', rubric: JSON.stringify(input.rubric ?? []), position: Number(last?.p ?? -1) + 1, created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, a, 'create', row.id, undefined, snapshot(row));
    return row.id;
  });
}

export async function updateCriterion(db: Db, a: Actor, id: number, input: Partial<CriterionInput>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await criterionIn(trx, a.evaluation.id, id);
    if (!before) throw notFound('The criterion');
    const name = input.name ?? before.name;
    const parentId = input.parentId === undefined ? before.parent_id : input.parentId;
    await checkPlacement(trx, a.evaluation.id, name, parentId, id);
    if (input.kind && input.kind !== 'scored' && (await trx.selectFrom('criteria').select('id').where('parent_id', '=', id).executeTakeFirst())) {
      throw badRequest('A criterion with sub-criteria must stay scored.', { kind: 'Only leaves can be must-have or cost.' });
    }
    const after = await trx
      .updateTable('criteria')
      .set({
        name: name.trim(), parent_id: parentId, kind: input.kind ?? before.kind,
        description: input.description?.trim() ?? before.description,
        ...(input.rubric ? { rubric: JSON.stringify(input.rubric) } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, a, 'update', id, snapshot(before), snapshot(after));
  });
}

/** Deletes a criterion with its sub-criteria and their scores; the audit entry keeps what was there. */
export async function deleteCriterion(db: Db, a: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await criterionIn(trx, a.evaluation.id, id);
    if (!before) throw notFound('The criterion');
    const children = await trx.selectFrom('criteria').select(['id', 'name']).where('parent_id', '=', id).execute();
    const ids = [id, ...children.map((c) => c.id)];
    const scores = await trx.selectFrom('scores').select((eb) => eb.fn.countAll<number>().as('n')).where('criterion_id', 'in', ids).executeTakeFirst();
    await trx.deleteFrom('score_cells').where('criterion_id', 'in', ids).execute();
    await trx.deleteFrom('scores').where('criterion_id', 'in', ids).execute();
    await trx.deleteFrom('criteria').where('parent_id', '=', id).execute();
    await trx.deleteFrom('criteria').where('id', '=', id).execute();
    await audit(trx, a, 'delete', id, { ...snapshot(before), children: children.map((c) => c.name), scores: Number(scores?.n ?? 0) });
  });
}

/** What deleting would take with it, for the confirmation the page asks for. */
export async function deletionImpact(db: Db, evaluationId: number, id: number) {
  const children = await db.selectFrom('criteria').select('name').where('parent_id', '=', id).where('evaluation_id', '=', evaluationId).execute();
  const ids = [id, ...(await db.selectFrom('criteria').select('id').where('parent_id', '=', id).execute()).map((c) => c.id)];
  const scores = await db.selectFrom('scores').select((eb) => eb.fn.countAll<number>().as('n')).where('criterion_id', 'in', ids).executeTakeFirst();
  return { children: children.map((c) => c.name), scores: Number(scores?.n ?? 0) };
}
