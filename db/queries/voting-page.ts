import type { Db } from '../client.js';

/** The version of the last weight set the votes made, or null before the first. */
export async function lastVoteVersion(db: Db, evaluationId: number): Promise<number | null> {
  const row = await db.selectFrom('weight_sets').select('version').where('evaluation_id', '=', evaluationId).where('source', '=', 'vote').orderBy('version', 'desc').executeTakeFirst();
  return row?.version ?? null;
}
