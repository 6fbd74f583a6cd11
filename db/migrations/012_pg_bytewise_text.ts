import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: names users typed sort and compare the same on both engines (issue 13, ADR 028).
// SQLite compares text bytewise (BINARY); a PostgreSQL database created with a language locale
// (en_US.UTF-8, the usual managed default) would sort "alpha" next to "Alpha" and ignore spaces
// and punctuation. The columns the app orders or deduplicates by get the bytewise "C" collation.
// On SQLite there is nothing to do.

const COLUMNS: [table: string, column: string][] = [
  ['users', 'name'], ['users', 'email'], ['teams', 'name'], ['evaluations', 'name'],
  ['vendors', 'name'], ['vendors', 'name_key'], ['criteria', 'name'], ['stakeholder_groups', 'name'],
  ['member_invitations', 'email'],
];

const collate = async (db: Kysely<any>, collation: string): Promise<void> => {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of COLUMNS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text collate ${sql.raw(collation)}`.execute(db);
  }
};

export async function up(db: Kysely<any>): Promise<void> {
  await collate(db, '"C"');
}

export async function down(db: Kysely<any>): Promise<void> {
  await collate(db, '"default"');
}
