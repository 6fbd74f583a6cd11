import { type Kysely } from 'kysely';

// Frozen in time: invitations that arrive (issue 12, point 1).
//
// 1. member_invitations: a pending membership for an e-mail with no account yet. Only the hash of
//    the personal join link is kept; the link is single-use (accepted_at) and expires.
// 2. mail_outbox: every e-mail is written here inside the transaction of the write that causes
//    it, and sent after the commit (ADR 020). sent_at / failed_at / last_error make a failure
//    visible; claimed_at lets one process at a time own a message.
// 3. evaluations.voting_deadline / scoring_deadline: ISO-8601 UTC, or null.
// 4. deadline_reminders: one row per mailing to a stage's members: kind `reminder` (per deadline
//    and lead time, 48 h and 4 h) or `opened` (the stage opened at `deadline`, hours_before 0).
//    A sender claims a row by a conditional update, so it goes out once even with several processes.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_invitations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer', (c) => c.references('stakeholder_groups.id').onDelete('set null'))
    .addColumn('approver', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('member_invitations_eval').on('member_invitations').columns(['evaluation_id', 'email']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('evaluation_id', 'integer', (c) => c.references('evaluations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_pending').on('mail_outbox').columns(['sent_at', 'id']).execute();

  await db.schema.alterTable('evaluations').addColumn('voting_deadline', 'text').execute();
  await db.schema.alterTable('evaluations').addColumn('scoring_deadline', 'text').execute();

  await db.schema
    .createTable('deadline_reminders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('reminder'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('hours_before', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('recipients', 'integer')
    .addUniqueConstraint('deadline_reminders_once', ['evaluation_id', 'kind', 'stage', 'deadline', 'hours_before'])
    .execute();
  await db.schema.createIndex('deadline_reminders_due').on('deadline_reminders').columns(['claimed_at', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deadline_reminders').execute();
  await db.schema.alterTable('evaluations').dropColumn('scoring_deadline').execute();
  await db.schema.alterTable('evaluations').dropColumn('voting_deadline').execute();
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropTable('member_invitations').execute();
}
