import { type Kysely } from 'kysely';

// Frozen in time: read-only links to the board report (issue 14, point 8).
//
// report_links: a link a facilitator hands to someone without an account (a board member). Only
// the hash of the token is kept; the link expires (expires_at) and may be revoked (revoked_at).
// uses / last_used_at count the openings; each opening is also an audit entry.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_links')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('report_links_eval').on('report_links').columns(['evaluation_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_links').execute();
}
