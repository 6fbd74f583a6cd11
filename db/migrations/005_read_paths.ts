import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: what keeps the big evaluation's read paths from rescanning (issue 6, ADR 008).
//
// 1. A stamp for the per-process ranking cache. Every write that changes an evaluation's
//    score_cells bumps evaluations.cells_version in the same transaction and stamps the cells it
//    wrote with the new value in score_cells.seq, so a process holding a cached copy can ask "what
//    changed since version N?" through the (evaluation_id, seq) index.
// 2. score_counts: how many score rows each evaluator has per criterion, kept by triggers on
//    scores (every path that inserts or deletes scores, cascades included), so the scoring grid's
//    progress ("n of m cells scored") reads 25 rows instead of counting 350,000.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema.alterTable('evaluations').addColumn('cells_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('score_cells').addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('score_cells_evaluation_seq').on('score_cells').columns(['evaluation_id', 'seq']).execute();

  await db.schema
    .createTable('score_counts')
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('evaluator_id', 'integer', (c) => c.notNull())
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('criteria.id').onDelete('cascade'))
    .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('score_counts_pk', ['evaluation_id', 'evaluator_id', 'criterion_id'])
    .execute();
  await sql`insert into score_counts (evaluation_id, evaluator_id, criterion_id, n)
    select evaluation_id, evaluator_id, criterion_id, count(*) from scores group by evaluation_id, evaluator_id, criterion_id`.execute(db);

  // Scores never move to another evaluation, evaluator or criterion, so inserts and deletes are all there is to count.
  const bump = sql`insert into score_counts (evaluation_id, evaluator_id, criterion_id, n) values (new.evaluation_id, new.evaluator_id, new.criterion_id, 1)
    on conflict (evaluation_id, evaluator_id, criterion_id) do update set n = score_counts.n + 1`;
  const drop = sql`update score_counts set n = n - 1 where evaluation_id = old.evaluation_id and evaluator_id = old.evaluator_id and criterion_id = old.criterion_id`;
  if (pg) {
    await sql`create function score_counts_insert() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`.execute(db);
    await sql`create function score_counts_delete() returns trigger language plpgsql as $$ begin ${drop}; return null; end $$`.execute(db);
    await sql`create trigger score_counts_insert after insert on scores for each row execute function score_counts_insert()`.execute(db);
    await sql`create trigger score_counts_delete after delete on scores for each row execute function score_counts_delete()`.execute(db);
  } else {
    await sql`create trigger score_counts_insert after insert on scores begin ${bump}; end`.execute(db);
    await sql`create trigger score_counts_delete after delete on scores begin ${drop}; end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`drop trigger score_counts_insert${pg ? sql` on scores` : sql``}`.execute(db);
  await sql`drop trigger score_counts_delete${pg ? sql` on scores` : sql``}`.execute(db);
  if (pg) {
    await sql`drop function score_counts_insert()`.execute(db);
    await sql`drop function score_counts_delete()`.execute(db);
  }
  await db.schema.dropTable('score_counts').execute();
  await db.schema.dropIndex('score_cells_evaluation_seq').execute();
  await db.schema.alterTable('score_cells').dropColumn('seq').execute();
  await db.schema.alterTable('evaluations').dropColumn('cells_version').execute();
}
