import type { Db } from '../client.js';

/** Whether anyone has scored any cell of the evaluation yet. */
export async function anyScoredCell(db: Db, evaluationId: number): Promise<boolean> {
  return !!(await db.selectFrom('score_cells').select('vendor_id').where('evaluation_id', '=', evaluationId).where('n', '>', 0).limit(1).executeTakeFirst());
}
