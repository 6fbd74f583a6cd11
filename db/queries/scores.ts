import { sql } from 'kysely';
import type { Db } from '../client.js';
import { aggregateCell } from '../../server/domain/score-values.js';
import { cellAggregateQuery, COUNTED_SCORES } from './score-cell-aggregate.js';
import { engineOf } from '../dialect.js';

/**
 * Moves the evaluation's `cells_version` up by one (and `scores_version` when scores changed) and
 * returns the cells version, in the caller's transaction. The row lock also orders concurrent
 * writers of one evaluation, so versions follow commit order.
 */
async function nextCellsVersion(db: Db, evaluationId: number, scores: boolean): Promise<number> {
  const row = await db.updateTable('evaluations')
    .set((eb) => ({ cells_version: eb(eb.ref('cells_version'), '+', 1), ...(scores ? { scores_version: eb(eb.ref('scores_version'), '+', 1) } : {}) }))
    .where('id', '=', evaluationId).returning('cells_version').executeTakeFirst();
  return row?.cells_version ?? 0;
}

/** Versions of the change log kept per evaluation; a cache further behind reloads in full. */
export const CHANGE_LOG_VERSIONS = 100;
/** A change of more cells than this is logged as one "everything" row (vendor and criterion 0). */
export const CHANGE_LOG_CELLS = 2000;

/**
 * Every write that changes an evaluation's `score_cells` calls this once, in its transaction: it
 * takes the next `cells_version` and appends the cells it changes to `score_cell_changes`, so a
 * cached copy of the cells knows it is stale and reloads only those (ADR 008, ADR 009). Returns
 * the version. `scores: false` when only consensus changed, not any evaluator's score; `locked`
 * when the caller has already locked these cells (`lockCells`), so they are not upserted twice.
 */
export async function stampCells(db: Db, evaluationId: number, cells: readonly { vendorId: number; criterionId: number }[], opts: { scores?: boolean; locked?: boolean } = {}): Promise<number> {
  // The lock order of every cell writer (ADR 047): the cells' rows before the evaluation's.
  if (!opts.locked) await lockCells(db, evaluationId, cells);
  const seq = await nextCellsVersion(db, evaluationId, opts.scores ?? true);
  const rows = cells.length > CHANGE_LOG_CELLS
    ? [{ evaluation_id: evaluationId, seq, vendor_id: 0, criterion_id: 0 }]
    : cells.map((c) => ({ evaluation_id: evaluationId, seq, vendor_id: c.vendorId, criterion_id: c.criterionId }));
  // 4 bound values a row: 1,000 rows stay under both databases' parameter limits.
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insertInto('score_cell_changes').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.doNothing()).execute();
  }
  await db.deleteFrom('score_cell_changes').where('evaluation_id', '=', evaluationId).where('seq', '<=', seq - CHANGE_LOG_VERSIONS).execute();
  return seq;
}

// Cells locked per statement: 10 bound values a row stay under PostgreSQL's 65,535 parameters.
const LOCK_CHUNK = 1000;

/**
 * Locks the aggregate rows (`score_cells`) of `cells` on PostgreSQL, in (vendor, criterion) order,
 * creating an empty row where a cell has none yet (the caller's refresh then writes its figures).
 * Every writer of score cells takes these locks before the evaluation's row (`cells_version`) and
 * before writing scores, as the single write does (ADR 047): one order everywhere, so a batch, a
 * clear, a consensus or an exclusion never deadlocks with single writes. Calling it again for a
 * cell this transaction holds never waits. SQLite has one writer: nothing to do.
 */
export async function lockCells(db: Db, evaluationId: number, cells: readonly { vendorId: number; criterionId: number }[]): Promise<void> {
  if (cells.length === 0 || engineOf(db) === 'sqlite') return;
  const seen = new Set<string>();
  const sorted = cells.filter((c) => !seen.has(`${c.vendorId}:${c.criterionId}`) && seen.add(`${c.vendorId}:${c.criterionId}`))
    .sort((a, b) => a.vendorId - b.vendorId || a.criterionId - b.criterionId);
  const empty = aggregateCell([]);
  for (let i = 0; i < sorted.length; i += LOCK_CHUNK) {
    // A multi-row insert handles its rows in the order given, so the locks are taken in sorted order;
    // the no-op update locks a row even when another transaction created it after this snapshot.
    await db.insertInto('score_cells')
      .values(sorted.slice(i, i + LOCK_CHUNK).map((c) => ({ evaluation_id: evaluationId, vendor_id: c.vendorId, criterion_id: c.criterionId, ...empty })))
      .onConflict((oc) => oc.columns(['vendor_id', 'criterion_id']).doUpdateSet((eb) => ({ n: eb.ref('score_cells.n') })))
      .execute();
  }
}

/**
 * Recomputes one cell's aggregate from its (at most a few dozen) scores, in the caller's
 * transaction. Scores of an evaluator excluded from the vendor (a conflict of interest) are kept
 * but do not count. Pass `stamped` when the caller has already stamped the cell (`stampCells`).
 */
export async function refreshCell(db: Db, evaluationId: number, vendorId: number, criterionId: number, stamped = false): Promise<void> {
  if (!stamped) await stampCells(db, evaluationId, [{ vendorId, criterionId }]);
  const written = await cellAggregateQuery(sql`vendor_id = ${vendorId} and criterion_id = ${criterionId} and ${sql.raw(COUNTED_SCORES)}`).execute(db);
  if (Number(written.numAffectedRows ?? 0) > 0) return;
  // No score counts any more: the aggregate query has no group to write, so the cell is zeroed here.
  const empty = aggregateCell([]);
  await db
    .insertInto('score_cells')
    .values({ evaluation_id: evaluationId, vendor_id: vendorId, criterion_id: criterionId, ...empty })
    .onConflict((oc) => oc.columns(['vendor_id', 'criterion_id']).doUpdateSet(empty))
    .execute();
}

export async function scoreOf(db: Db, vendorId: number, criterionId: number, evaluatorId: number) {
  return db.selectFrom('scores').selectAll().where('vendor_id', '=', vendorId).where('criterion_id', '=', criterionId).where('evaluator_id', '=', evaluatorId).executeTakeFirst();
}

/**
 * Deletes one evaluator's score of a cell and returns what it held, or undefined when no row was
 * deleted. With `version`, only a row still at that version goes (a versioned delete: on
 * PostgreSQL a concurrent update is waited for and the condition checked again on its result).
 */
export async function deleteScore(db: Db, vendorId: number, criterionId: number, evaluatorId: number, version?: number) {
  return db.deleteFrom('scores').where('vendor_id', '=', vendorId).where('criterion_id', '=', criterionId).where('evaluator_id', '=', evaluatorId)
    .$if(version !== undefined, (q) => q.where('version', '=', version!))
    .returning(['value', 'comment', 'version']).executeTakeFirst();
}

/** Scores visible to one evaluator (their own), optionally narrowed to a vendor, a few vendors or a criterion. */
export async function scoresBy(db: Db, evaluationId: number, evaluatorId: number | null, filter: { vendorId?: number; vendorIds?: readonly number[]; criterionId?: number } = {}) {
  let q = db.selectFrom('scores').selectAll().where('evaluation_id', '=', evaluationId);
  if (evaluatorId !== null) q = q.where('evaluator_id', '=', evaluatorId);
  if (filter.vendorId !== undefined) q = q.where('vendor_id', '=', filter.vendorId);
  if (filter.vendorIds !== undefined) q = q.where('vendor_id', 'in', filter.vendorIds);
  if (filter.criterionId !== undefined) q = q.where('criterion_id', '=', filter.criterionId);
  return q.orderBy('vendor_id').orderBy('criterion_id').orderBy('evaluator_id').execute();
}

/** Every cell aggregate of an evaluation: one row per scored vendor × criterion. */
export async function cellsOf(db: Db, evaluationId: number) {
  return db.selectFrom('score_cells').select(['vendor_id', 'criterion_id', 'n', 'sum', 'pass', 'fail', 'consensus']).where('evaluation_id', '=', evaluationId).execute();
}

/** One evaluator's latest value for a cell in a batch, and how many of the batch's items wrote it. */
export interface ScoreWrite { vendorId: number; criterionId: number; value: number | null; writes: number }

// 8 bound values per row; 1,000 rows stay well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const UPSERT_CHUNK = 1000;
// Cells per aggregate refresh: each costs ~1 parameter and a scan of that cell's few score rows.
const REFRESH_CHUNK = 4000;

/**
 * Upserts many of one evaluator's scores with multi-row `INSERT … ON CONFLICT DO UPDATE`, in the
 * caller's transaction. A new row starts at version `writes`; an existing one moves up by `writes`
 * and keeps its comment, exactly as `writes` single saves would leave it.
 */
export async function upsertScores(db: Db, evaluationId: number, evaluatorId: number, rows: readonly ScoreWrite[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    await db
      .insertInto('scores')
      .values(rows.slice(i, i + UPSERT_CHUNK).map((r) => ({
        evaluation_id: evaluationId, vendor_id: r.vendorId, criterion_id: r.criterionId, evaluator_id: evaluatorId,
        value: r.value, comment: '', abstain_reason: null, version: r.writes, updated_at: at,
      })))
      .onConflict((oc) =>
        oc.columns(['vendor_id', 'criterion_id', 'evaluator_id']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          version: eb(eb.ref('scores.version'), '+', eb.ref('excluded.version')),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * Recomputes the aggregates of many cells set-wise: one `INSERT … SELECT … GROUP BY … ON CONFLICT
 * DO UPDATE` per chunk, the same figures `refreshCell` computes, consensus columns untouched. Cells
 * are selected per criterion (`criterion_id = ? AND vendor_id IN (…)`), which both SQLite and
 * PostgreSQL answer from the (vendor, criterion, evaluator) index.
 *
 * Only cells that still have at least one score row are written; after deleting scores, use
 * `refreshCell`, which also zeroes a cell left empty. The caller has locked the cells
 * (`lockCells`) before writing their scores, as the lock order wants (ADR 047).
 */
export async function refreshCells(db: Db, evaluationId: number, cells: readonly { vendorId: number; criterionId: number }[]): Promise<void> {
  if (cells.length === 0) return;
  await stampCells(db, evaluationId, cells, { locked: true });
  for (let i = 0; i < cells.length; i += REFRESH_CHUNK) {
    const byCriterion = new Map<number, number[]>();
    for (const cell of cells.slice(i, i + REFRESH_CHUNK)) {
      const list = byCriterion.get(cell.criterionId);
      if (list) list.push(cell.vendorId);
      else byCriterion.set(cell.criterionId, [cell.vendorId]);
    }
    const cellsOfChunk = [...byCriterion].map(([criterionId, vendorIds]) => sql`(criterion_id = ${criterionId} and vendor_id in (${sql.join(vendorIds)}))`);
    // Unary plus keeps the scope but stops SQLite (without ANALYZE statistics) from choosing the
    // evaluation index and scanning every score of the evaluation; PostgreSQL reads it as the same number.
    await cellAggregateQuery(sql`+evaluation_id = ${evaluationId} and ${sql.raw(COUNTED_SCORES)} and (${sql.join(cellsOfChunk, sql` or `)})`).execute(db);
  }
}

/** Recomputes every cell of one vendor (after an exclusion changes whose scores count). */
export async function refreshVendorCells(db: Db, evaluationId: number, vendorId: number): Promise<void> {
  // PostgreSQL: every cell the vendor can have is locked before the cells are listed (ADR 047). A
  // score write that created a cell and has not committed yet is invisible to the list; with the
  // lock first, that write either commits before the list (and is recounted here) or waits for this
  // transaction and then reads the exclusion among its facts (and is refused).
  const locked = engineOf(db) === 'postgres';
  if (locked) {
    // Leaves that take scores (a cost criterion is computed from the price).
    const leaves = await db.selectFrom('criteria as c').select('c.id').where('c.evaluation_id', '=', evaluationId).where('c.kind', '!=', 'cost')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('criteria as k').select('k.id').whereRef('k.parent_id', '=', 'c.id')))).execute();
    await lockCells(db, evaluationId, leaves.map((c) => ({ vendorId, criterionId: c.id })));
  }
  // Only cells with something to recount: a score (counted or not), or figures left from one. The
  // lock above made an empty cell of every leaf, and recounting those changed nothing at a cost.
  const cells = await db.selectFrom('score_cells as c').select('c.criterion_id').where('c.vendor_id', '=', vendorId)
    .where(({ or, eb, exists, selectFrom }) => or([
      eb('c.n', '>', 0), eb('c.pass', '>', 0), eb('c.fail', '>', 0),
      exists(selectFrom('scores as s').select('s.evaluator_id').whereRef('s.vendor_id', '=', 'c.vendor_id').whereRef('s.criterion_id', '=', 'c.criterion_id')),
    ])).execute();
  if (cells.length === 0) return;
  await stampCells(db, evaluationId, cells.map((c) => ({ vendorId, criterionId: c.criterion_id })), { locked });
  for (const c of cells) await refreshCell(db, evaluationId, vendorId, c.criterion_id, true);
}

/** The evaluation's `cells_version` now (0 for an unknown evaluation). */
export async function cellsVersionOf(db: Db, evaluationId: number): Promise<number> {
  const row = await db.selectFrom('evaluations').select('cells_version').where('id', '=', evaluationId).executeTakeFirst();
  return row?.cells_version ?? 0;
}

/** The figures the ranking cache keeps of a cell. */
const CACHED_CELL = ['vendor_id', 'criterion_id', 'n', 'sum', 'pass', 'fail', 'consensus', 'consensus_rationale'] as const;

/** Every cell of one criterion (one column of the ranking cache), from the criterion index. */
export async function cellsOfCriterion(db: Db, criterionId: number) {
  return db.selectFrom('score_cells').select(CACHED_CELL).where('criterion_id', '=', criterionId).execute();
}

/**
 * The cells of an evaluation changed after version `seq`, from the change log (ADR 009), or null
 * when the log cannot say: it no longer reaches back to `seq`, a change was logged as
 * "everything", or more than `limit` cells changed. The caller then reloads in full.
 */
export async function cellsChangedSince(db: Db, evaluationId: number, seq: number, limit: number) {
  const rows = await db
    .selectFrom('score_cell_changes as ch')
    .leftJoin('score_cells as c', (j) => j.onRef('c.vendor_id', '=', 'ch.vendor_id').onRef('c.criterion_id', '=', 'ch.criterion_id'))
    .select(['ch.vendor_id as changed', ...CACHED_CELL.map((k) => `c.${k}` as const)])
    .where('ch.evaluation_id', '=', evaluationId)
    .where('ch.seq', '>', seq)
    .limit(limit)
    .execute();
  // Whether the log reaches back to seq is asked after the read, not before: pruning only ever
  // removes the oldest versions, so if seq + 1 is still there now, nothing after seq was gone
  // when the changes were read. (Asked before, a commit in between could prune what was read next.)
  const first = await db.selectFrom('score_cell_changes').select('seq').where('evaluation_id', '=', evaluationId).orderBy('seq').limit(1).executeTakeFirst();
  if (!first || first.seq > seq + 1) return null;
  if (rows.length >= limit || rows.some((r) => r.changed === 0)) return null;
  // A cell gone since (its vendor or criterion deleted) has no row left: nothing asks for it any more.
  return rows.filter((r): r is typeof r & CellRow => r.vendor_id !== null);
}

export type CellRow = Awaited<ReturnType<typeof cellsOfCriterion>>[number];

/** How many score rows each evaluator has in the evaluation: score_counts' few rows, not a count of the scores (migration 005). */
export async function scoreCountsByEvaluator(db: Db, evaluationId: number): Promise<Map<number, number>> {
  const rows = await db.selectFrom('score_counts').select(['evaluator_id', (eb) => eb.fn.sum<number>('n').as('n')]).where('evaluation_id', '=', evaluationId).groupBy('evaluator_id').execute();
  return new Map(rows.map((r) => [r.evaluator_id, Number(r.n)]));
}

/**
 * What an evaluation's scores are as of now, as text: scores_version and the number of score rows
 * (a deleted vendor or criterion removes scores without moving the version). Equal stamps, equal scores.
 */
export async function scoresStampOf(db: Db, evaluationId: number): Promise<string> {
  const [version, count] = await Promise.all([
    db.selectFrom('evaluations').select('scores_version').where('id', '=', evaluationId).executeTakeFirst(),
    db.selectFrom('score_counts').select((eb) => eb.fn.sum<number>('n').as('n')).where('evaluation_id', '=', evaluationId).executeTakeFirst(),
  ]);
  return `${version?.scores_version}:${count?.n}`;
}

/** How many scores the evaluation has, counted row by row. */
export async function scoreCountIn(db: Db, evaluationId: number): Promise<number> {
  const row = await db.selectFrom('scores').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', evaluationId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many score rows one evaluator has in the evaluation (see scoreCountsByEvaluator). */
export async function scoreCountOf(db: Db, evaluationId: number, evaluatorId: number): Promise<number> {
  const row = await db.selectFrom('score_counts').select((eb) => eb.fn.sum<number>('n').as('n')).where('evaluation_id', '=', evaluationId).where('evaluator_id', '=', evaluatorId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every evaluator's score on these vendors, with the evaluator's name, by name. */
export async function scoresWithEvaluators(db: Db, evaluationId: number, vendorIds: number[]) {
  if (vendorIds.length === 0) return [];
  return db.selectFrom('scores').innerJoin('users', 'users.id', 'scores.evaluator_id')
    .select(['scores.vendor_id', 'scores.criterion_id', 'scores.value', 'scores.comment', 'users.name'])
    .where('scores.evaluation_id', '=', evaluationId).where('scores.vendor_id', 'in', vendorIds).orderBy('users.name').execute();
}
