import type { Kysely } from 'kysely';

// Frozen in time: each person's chosen language (issue 16), so mail written when they are not
// there (stage opening, reminders) reaches them in it. NULL: never chosen; mail then goes in the
// language of whoever's action sent it, or English.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('locale', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('locale').execute();
}
