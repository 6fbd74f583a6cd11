import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: score_counts (migration 005) kept per statement on PostgreSQL (issue 13, point 5).
// Migration 005's PostgreSQL triggers run a PL/pgSQL upsert for every score row: two thirds of the
// time of a bulk insert (25,000 rows: 5.9 s with them, 2.0 s without). A statement-level trigger
// reads the statement's rows as a transition table and writes one grouped upsert instead, the same
// counts. For `insert … on conflict do update` the insert trigger's table holds only the rows
// actually inserted, as the row trigger fired only for those. Cascaded deletes (a vendor, a
// criterion, an evaluation) run as statements of their own and fire it too. SQLite keeps its row
// triggers: there they cost next to nothing.

const up_insert = sql`insert into score_counts (evaluation_id, evaluator_id, criterion_id, n)
  select evaluation_id, evaluator_id, criterion_id, count(*) from inserted_scores group by evaluation_id, evaluator_id, criterion_id
  on conflict (evaluation_id, evaluator_id, criterion_id) do update set n = score_counts.n + excluded.n`;
const up_delete = sql`update score_counts c set n = c.n - d.n
  from (select evaluation_id, evaluator_id, criterion_id, count(*) as n from deleted_scores group by evaluation_id, evaluator_id, criterion_id) d
  where c.evaluation_id = d.evaluation_id and c.evaluator_id = d.evaluator_id and c.criterion_id = d.criterion_id`;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger score_counts_insert on scores`.execute(db);
  await sql`drop trigger score_counts_delete on scores`.execute(db);
  await sql`create function score_counts_insert_rows() returns trigger language plpgsql as $$ begin ${up_insert}; return null; end $$`.execute(db);
  await sql`create function score_counts_delete_rows() returns trigger language plpgsql as $$ begin ${up_delete}; return null; end $$`.execute(db);
  await sql`create trigger score_counts_insert after insert on scores referencing new table as inserted_scores
    for each statement execute function score_counts_insert_rows()`.execute(db);
  await sql`create trigger score_counts_delete after delete on scores referencing old table as deleted_scores
    for each statement execute function score_counts_delete_rows()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger score_counts_insert on scores`.execute(db);
  await sql`drop trigger score_counts_delete on scores`.execute(db);
  await sql`drop function score_counts_insert_rows()`.execute(db);
  await sql`drop function score_counts_delete_rows()`.execute(db);
  await sql`create trigger score_counts_insert after insert on scores for each row execute function score_counts_insert()`.execute(db);
  await sql`create trigger score_counts_delete after delete on scores for each row execute function score_counts_delete()`.execute(db);
}
