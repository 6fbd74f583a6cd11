import type { Kysely } from 'kysely';

// Frozen in time: the structure freezes when scoring opens (issue 11, point 5).
//
// 1. A vendor is withdrawn instead of deleted once scoring has opened: its scores stay, it leaves
//    the ranking, and the record says who withdrew it, when and why.
// 2. A weight set made after scoring began carries the facilitator's reason; null before scoring,
//    so "changed after scoring began" is a stored fact, not something recomputed from the log.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('vendors').addColumn('withdrawn_reason', 'text').execute();
  await db.schema.alterTable('vendors').addColumn('withdrawn_at', 'text').execute();
  await db.schema.alterTable('vendors').addColumn('withdrawn_by', 'integer').execute();
  await db.schema.alterTable('weight_sets').addColumn('reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('weight_sets').dropColumn('reason').execute();
  for (const column of ['withdrawn_by', 'withdrawn_at', 'withdrawn_reason']) await db.schema.alterTable('vendors').dropColumn(column).execute();
}
