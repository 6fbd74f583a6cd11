import type { Db } from '../client.js';

/** The group of that name in the evaluation, if any. */
export async function groupNamed(db: Db, evaluationId: number, name: string) {
  return db.selectFrom('stakeholder_groups').select('id').where('evaluation_id', '=', evaluationId).where('name', '=', name).executeTakeFirst();
}

/** The group if it belongs to the evaluation. */
export async function groupIn(db: Db, evaluationId: number, groupId: number) {
  return db.selectFrom('stakeholder_groups').select('id').where('id', '=', groupId).where('evaluation_id', '=', evaluationId).executeTakeFirst();
}

/** Adds a group after the evaluation's last one; returns its id. */
export async function insertGroup(db: Db, evaluationId: number, name: string, weight?: number): Promise<number> {
  const last = await db.selectFrom('stakeholder_groups').select((eb) => eb.fn.max('position').as('p')).where('evaluation_id', '=', evaluationId).executeTakeFirst();
  const row = await db.insertInto('stakeholder_groups')
    .values({ evaluation_id: evaluationId, name, ...(weight !== undefined ? { weight } : {}), position: Number(last?.p ?? -1) + 1 })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A new evaluation's groups, in the order given, each with weight 1. */
export async function insertGroups(db: Db, evaluationId: number, names: readonly string[]): Promise<void> {
  await db.insertInto('stakeholder_groups').values(names.map((name, position) => ({ evaluation_id: evaluationId, name, weight: 1, position }))).execute();
}

export async function setGroupWeight(db: Db, groupId: number, weight: number): Promise<void> {
  await db.updateTable('stakeholder_groups').set({ weight }).where('id', '=', groupId).execute();
}

/** Each group's name and weight, in the order the database keeps them (the audit entry of a weight change lists them so). */
export async function groupWeightsOf(db: Db, evaluationId: number) {
  return db.selectFrom('stakeholder_groups').select(['id', 'name', 'weight']).where('evaluation_id', '=', evaluationId).execute();
}
