import type { Kysely } from 'kysely';

// Frozen in time: an audit entry keeps its sentence and the names it mentions as they were when
// it was written (issue 11), so renaming a vendor later does not rewrite the record. Entries
// written before this migration keep null in both; readers reconstruct them from current names.

export async function up(db: Kysely<any>): Promise<void> {
  // One sentence, e.g. "Eve Evaluator scored Medallia on Data: – → 4".
  await db.schema.alterTable('audit_entries').addColumn('summary', 'text').execute();
  // JSON: {actor?, vendor?, criterion?, member?, weightSet?}, the names at that moment.
  await db.schema.alterTable('audit_entries').addColumn('names', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_entries').dropColumn('names').execute();
  await db.schema.alterTable('audit_entries').dropColumn('summary').execute();
}
