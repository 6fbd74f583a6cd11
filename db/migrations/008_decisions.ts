import { type Kysely } from 'kysely';

// Frozen in time: the sign-off (issue 11, point 6). Deciding records what was chosen and why, and
// members flagged as approvers approve or object to it with a comment.
//
// 1. decisions: one row per decided evaluation. vendor_ids and acknowledged are JSON text: the
//    vendors chosen, and the provisional vendors (id and name as they were) the facilitator
//    acknowledged when deciding, or null when nothing was provisional. `via` says whether the
//    decision came with a choice and a reason (`decision`) or from a bare status move (`status`).
// 2. approvals: one verdict per approver and evaluation; a later verdict replaces the row (the
//    audit log keeps the earlier one).
// 3. evaluation_members.approver: 0/1, who is asked to sign off.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('evaluation_id', 'integer', (c) => c.primaryKey().references('evaluations.id').onDelete('cascade'))
    .addColumn('vendor_ids', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('acknowledged', 'text')
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('approvals')
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('approvals_pk', ['evaluation_id', 'user_id'])
    .execute();

  await db.schema.alterTable('evaluation_members').addColumn('approver', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evaluation_members').dropColumn('approver').execute();
  await db.schema.dropTable('approvals').execute();
  await db.schema.dropTable('decisions').execute();
}
