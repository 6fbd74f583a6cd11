import type { Db } from '../client.js';

/** The cheapest read that proves the database answers. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.selectFrom('teams').select('id').limit(1).execute();
}
