import type { Db } from '../client.js';
import type { Insertable, Updateable } from 'kysely';
import type { CriteriaTable, Criterion } from '../schema.js';
import type { CriterionNode } from '../../server/domain/types.js';

export async function criteriaOf(db: Db, evaluationId: number): Promise<Criterion[]> {
  return db.selectFrom('criteria').selectAll().where('evaluation_id', '=', evaluationId).orderBy('position').orderBy('id').execute();
}

export async function criterionIn(db: Db, evaluationId: number, criterionId: number): Promise<Criterion | undefined> {
  return db.selectFrom('criteria').selectAll().where('evaluation_id', '=', evaluationId).where('id', '=', criterionId).executeTakeFirst();
}

/** Each criterion's id and parent, in id order: the shape of the tree without its contents. */
export async function criterionParentsOf(db: Db, evaluationId: number): Promise<{ id: number; parent_id: number | null }[]> {
  return db.selectFrom('criteria').select(['id', 'parent_id']).where('evaluation_id', '=', evaluationId).orderBy('id').execute();
}

/** The sub-criteria of one criterion. */
export async function childrenOf(db: Db, evaluationId: number, criterionId: number): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('criteria').select(['id', 'name']).where('parent_id', '=', criterionId).where('evaluation_id', '=', evaluationId).execute();
}

/** The position after the evaluation's last criterion. */
export async function nextCriterionPosition(db: Db, evaluationId: number): Promise<number> {
  const last = await db.selectFrom('criteria').select((eb) => eb.fn.max('position').as('p')).where('evaluation_id', '=', evaluationId).executeTakeFirst();
  return Number(last?.p ?? -1) + 1;
}

export async function insertCriterion(db: Db, row: Insertable<CriteriaTable>): Promise<Criterion> {
  return db.insertInto('criteria').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCriterion(db: Db, criterionId: number, set: Updateable<CriteriaTable>): Promise<Criterion> {
  return db.updateTable('criteria').set(set).where('id', '=', criterionId).returningAll().executeTakeFirstOrThrow();
}

/** How many scores were given on these criteria. */
export async function scoreCountOn(db: Db, criterionIds: readonly number[]): Promise<number> {
  const row = await db.selectFrom('scores').select((eb) => eb.fn.countAll<number>().as('n')).where('criterion_id', 'in', criterionIds).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deletes a criterion with its sub-criteria (`childIds`) and their scores and cells. */
export async function deleteCriterionTree(db: Db, criterionId: number, childIds: readonly number[]): Promise<void> {
  const ids = [criterionId, ...childIds];
  await db.deleteFrom('score_cells').where('criterion_id', 'in', ids).execute();
  await db.deleteFrom('scores').where('criterion_id', 'in', ids).execute();
  await db.deleteFrom('criteria').where('parent_id', '=', criterionId).execute();
  await db.deleteFrom('criteria').where('id', '=', criterionId).execute();
}

/** Rows → the domain's tree nodes (ids as strings, as the domain and the API speak them). */
export function toNodes(rows: readonly Criterion[]): CriterionNode[] {
  return rows.map((r) => ({ id: String(r.id), parentId: r.parent_id === null ? null : String(r.parent_id), name: r.name, kind: r.kind, position: r.position }));
}

/** The rubric column as a list of one-line anchors; a damaged value reads as no rubric. */
export function rubricOf(row: Pick<Criterion, 'rubric'>): string[] {
  try {
    const parsed: unknown = JSON.parse(row.rubric);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
