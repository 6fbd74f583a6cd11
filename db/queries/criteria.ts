import type { Db } from '../client.js';
import type { Criterion } from '../schema.js';
import type { CriterionNode } from '../../server/domain/types.js';

export async function criteriaOf(db: Db, evaluationId: number): Promise<Criterion[]> {
  return db.selectFrom('criteria').selectAll().where('evaluation_id', '=', evaluationId).orderBy('position').orderBy('id').execute();
}

export async function criterionIn(db: Db, evaluationId: number, criterionId: number): Promise<Criterion | undefined> {
  return db.selectFrom('criteria').selectAll().where('evaluation_id', '=', evaluationId).where('id', '=', criterionId).executeTakeFirst();
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
