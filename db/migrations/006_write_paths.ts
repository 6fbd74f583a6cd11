import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: what makes a single score write touch few pages (issue 6, ADR 009).
//
// 1. scores is keyed by its cell, (vendor_id, criterion_id, evaluator_id), instead of a rowid
//    with a unique index beside it, and score_cells by (vendor_id, criterion_id). On SQLite both are
//    WITHOUT ROWID tables, so a cell's scores sit together on one page: reading the old score,
//    writing the new one and recounting the cell touch that page and no other (with a rowid they
//    were an index page plus one page per score), and its aggregate is one more page, not two.
//    scores_criterion becomes (criterion_id, evaluator_id): on a WITHOUT ROWID table an index
//    carries the key after its own columns, and (criterion_id, vendor_id) looked to the planner as
//    good as the key itself for a cell's scores, at the price of a second lookup per row.
// 2. The ranking cache learns what changed from an append-only log, score_cell_changes, instead
//    of an index on score_cells.seq. Moving a cell's entry in that index on every write dirtied a
//    page at a random place in it; appending to the log writes where the last write did.
//    Only the newest versions are kept; a cache older than the log reloads in full.
// 3. evaluations.scores_version moves with every write of scores (not of consensus), so what is
//    computed from all the scores (Kendall's W) can be kept until a score changes.

const counts = {
  bump: sql`insert into score_counts (evaluation_id, evaluator_id, criterion_id, n) values (new.evaluation_id, new.evaluator_id, new.criterion_id, 1)
    on conflict (evaluation_id, evaluator_id, criterion_id) do update set n = score_counts.n + 1`,
  drop: sql`update score_counts set n = n - 1 where evaluation_id = old.evaluation_id and evaluator_id = old.evaluator_id and criterion_id = old.criterion_id`,
};

// A score's columns, the same before and after the rebuild (only the key changes).
const SCORE_COLUMNS = sql.raw(`evaluation_id integer not null references evaluations (id) on delete cascade,
  vendor_id integer not null references vendors (id) on delete cascade,
  criterion_id integer not null references criteria (id) on delete cascade,
  evaluator_id integer not null references users (id),
  value double precision,
  comment text not null default '',
  abstain_reason text,
  version integer not null default 1,
  updated_at text not null`);
const SCORE_COLUMN_NAMES = sql.raw('evaluation_id, vendor_id, criterion_id, evaluator_id, value, comment, abstain_reason, version, updated_at');

// Kysely runs SQLite migrations outside a transaction (its adapter reports no transactional DDL).
// SQLite's DDL is transactional, and this one moves every score: stopped halfway, it must leave
// the database as it was, not without a scores table. PostgreSQL migrations already run in one.
const atomically = (db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> =>
  db.getExecutor().adapter instanceof PostgresAdapter ? work(db) : db.transaction().execute(work);

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, upIn);
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, downIn);
}

async function upIn(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  if (pg) {
    await sql`alter table scores drop constraint scores_cell_evaluator`.execute(db);
    await sql`alter table scores drop column id`.execute(db);
    await sql`alter table scores add constraint scores_pk primary key (vendor_id, criterion_id, evaluator_id)`.execute(db);
  } else {
    await sql`create table scores_by_cell (
      ${SCORE_COLUMNS},
      primary key (vendor_id, criterion_id, evaluator_id)
    ) without rowid`.execute(db);
    await sql`insert into scores_by_cell (${SCORE_COLUMN_NAMES}) select ${SCORE_COLUMN_NAMES} from scores
      order by vendor_id, criterion_id, evaluator_id`.execute(db);
    // The count triggers go first: the old table's rows are not being deleted, only moved.
    await sql`drop trigger score_counts_insert`.execute(db);
    await sql`drop trigger score_counts_delete`.execute(db);
    await sql`drop table scores`.execute(db);
    await sql`alter table scores_by_cell rename to scores`.execute(db);
    await db.schema.createIndex('scores_evaluation_evaluator').on('scores').columns(['evaluation_id', 'evaluator_id']).execute();
    await db.schema.createIndex('scores_criterion').on('scores').columns(['criterion_id', 'evaluator_id']).execute();
    await sql`create trigger score_counts_insert after insert on scores begin ${counts.bump}; end`.execute(db);
    await sql`create trigger score_counts_delete after delete on scores begin ${counts.drop}; end`.execute(db);

    await sql`create table score_cells_by_cell (
      evaluation_id integer not null references evaluations (id) on delete cascade,
      vendor_id integer not null references vendors (id) on delete cascade,
      criterion_id integer not null references criteria (id) on delete cascade,
      n integer not null default 0,
      sum double precision not null default 0,
      min double precision,
      max double precision,
      pass integer not null default 0,
      fail integer not null default 0,
      na integer not null default 0,
      consensus double precision,
      consensus_rationale text,
      consensus_by integer references users (id),
      consensus_at text,
      primary key (vendor_id, criterion_id)
    ) without rowid`.execute(db);
    await sql`insert into score_cells_by_cell (evaluation_id, vendor_id, criterion_id, n, sum, min, max, pass, fail, na, consensus, consensus_rationale, consensus_by, consensus_at)
      select evaluation_id, vendor_id, criterion_id, n, sum, min, max, pass, fail, na, consensus, consensus_rationale, consensus_by, consensus_at from score_cells
      order by vendor_id, criterion_id`.execute(db);
    await sql`drop table score_cells`.execute(db);
    await sql`alter table score_cells_by_cell rename to score_cells`.execute(db);
    await db.schema.createIndex('score_cells_evaluation').on('score_cells').column('evaluation_id').execute();
    await db.schema.createIndex('score_cells_criterion').on('score_cells').column('criterion_id').execute();
  }

  await db.schema.alterTable('evaluations').addColumn('scores_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('score_cell_changes')
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('vendor_id', 'integer', (c) => c.notNull())
    .addColumn('criterion_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_cell_changes_pk', ['evaluation_id', 'seq', 'vendor_id', 'criterion_id'])
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  if (pg) {
    await db.schema.dropIndex('score_cells_evaluation_seq').execute();
    await db.schema.alterTable('score_cells').dropColumn('seq').execute();
  }
}

async function downIn(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('score_cells').addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('score_cells_evaluation_seq').on('score_cells').columns(['evaluation_id', 'seq']).execute();
  await db.schema.dropTable('score_cell_changes').execute();
  await db.schema.alterTable('evaluations').dropColumn('scores_version').execute();
  if (pg) {
    await sql`alter table scores drop constraint scores_pk`.execute(db);
    await sql`alter table scores add column id serial primary key`.execute(db);
    await sql`alter table scores add constraint scores_cell_evaluator unique (vendor_id, criterion_id, evaluator_id)`.execute(db);
    return;
  }
  await sql`create table scores_by_rowid (
    id integer primary key autoincrement,
    ${SCORE_COLUMNS},
    constraint scores_cell_evaluator unique (vendor_id, criterion_id, evaluator_id)
  )`.execute(db);
  await sql`insert into scores_by_rowid (${SCORE_COLUMN_NAMES}) select ${SCORE_COLUMN_NAMES} from scores`.execute(db);
  await sql`drop table scores`.execute(db);
  await sql`alter table scores_by_rowid rename to scores`.execute(db);
  await db.schema.createIndex('scores_evaluation_evaluator').on('scores').columns(['evaluation_id', 'evaluator_id']).execute();
  await db.schema.createIndex('scores_criterion').on('scores').column('criterion_id').execute();
  await sql`create trigger score_counts_insert after insert on scores begin ${counts.bump}; end`.execute(db);
  await sql`create trigger score_counts_delete after delete on scores begin ${counts.drop}; end`.execute(db);
}
