import type { Db } from '../client.js';

/** The evaluation's assignments with the names the panel page shows. */
export function assignmentList(db: Db, evaluationId: number) {
  return db.selectFrom('assignments as a').innerJoin('users as u', 'u.id', 'a.user_id').leftJoin('vendors as v', 'v.id', 'a.vendor_id').leftJoin('criteria as c', 'c.id', 'a.criterion_id')
    .select(['a.id', 'u.name as user_name', 'v.name as vendor_name', 'c.name as criterion_name']).where('a.evaluation_id', '=', evaluationId).orderBy('a.id').execute();
}

/** The first `limit` vendors by name, for a select list. */
export function vendorChoiceList(db: Db, evaluationId: number, limit: number) {
  return db.selectFrom('vendors').select(['id', 'name']).where('evaluation_id', '=', evaluationId).orderBy('name_key').limit(limit).execute();
}

/** The id of the vendor whose normalised name is `key`. */
export async function vendorIdByNameKey(db: Db, evaluationId: number, key: string): Promise<number | undefined> {
  return (await db.selectFrom('vendors').select('id').where('evaluation_id', '=', evaluationId).where('name_key', '=', key).executeTakeFirst())?.id;
}
