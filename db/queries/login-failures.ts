import type { Db } from '../client.js';

// Failed sign-ins, counted per key (account or client address) for the sign-in rate limits.

export async function insertLoginFailures(db: Db, keys: string[], at: string): Promise<void> {
  if (keys.length === 0) return;
  await db.insertInto('login_failures').values(keys.map((key) => ({ key, at }))).execute();
}

/** How many failures each key has since `since`, and the oldest of them (which decides when a slot frees). */
export async function failuresSince(db: Db, keys: string[], since: string): Promise<{ key: string; count: number; oldest: string }[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('login_failures')
    .select((eb) => ['key', eb.fn.countAll<number | string>().as('count'), eb.fn.min<string>('at').as('oldest')])
    .where('key', 'in', keys)
    .where('at', '>', since)
    .groupBy('key')
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count), oldest: r.oldest }));
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

/** Drops failures older than every window, so the table stays the size of the last quarter hour. */
export async function pruneLoginFailures(db: Db, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<=', before).execute();
}
