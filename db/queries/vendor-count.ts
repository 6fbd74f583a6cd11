import type { Db } from '../client.js';

/** How many vendors the evaluation has. */
export async function countVendors(db: Db, evaluationId: number): Promise<number> {
  const row = await db.selectFrom('vendors').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', evaluationId).executeTakeFirst();
  return Number(row?.n ?? 0);
}
