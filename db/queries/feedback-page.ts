import type { Db } from '../client.js';

/** How many of the evaluation's vendors sort before this one (by name_key, then id); undefined if it does not exist. */
export async function vendorsBefore(db: Db, evaluationId: number, vendorId: number): Promise<number | undefined> {
  const v = await db.selectFrom('vendors').select(['name_key']).where('id', '=', vendorId).executeTakeFirst();
  if (!v) return undefined;
  const before = await db.selectFrom('vendors').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', evaluationId)
    .where((eb) => eb.or([eb('name_key', '<', v.name_key), eb.and([eb('name_key', '=', v.name_key), eb('id', '<', vendorId)])])).executeTakeFirst();
  return Number(before?.n ?? 0);
}

/** One page of the evaluation's vendors, by name_key then id. */
export function vendorsByName(db: Db, evaluationId: number, limit: number, offset: number) {
  return db.selectFrom('vendors').selectAll().where('evaluation_id', '=', evaluationId).orderBy('name_key').orderBy('id').limit(limit).offset(offset).execute();
}
