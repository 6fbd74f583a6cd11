import type { Kysely } from 'kysely';

// Frozen in time: sign-in rate limits that hold across processes (issue 15, promise 7).
// One row per failed sign-in, written under two keys: `account:<normalised email>` and
// `ip:<client address>`. A limit counts the rows of a key inside its window; a success clears the
// account's rows. No id column: rows are only counted and deleted by key and time, so the table
// needs neither autoincrement nor an identity, and the same builder serves SQLite and PostgreSQL.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failures').execute();
}
