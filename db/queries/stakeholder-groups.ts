import type { Db } from '../client.js';

/** The id of the evaluation's stakeholder group called `name`, if there is one. */
export async function groupIdByName(db: Db, evaluationId: number, name: string): Promise<number | undefined> {
  const g = await db.selectFrom('stakeholder_groups').select('id').where('evaluation_id', '=', evaluationId).where('name', '=', name).executeTakeFirst();
  return g?.id;
}
