import type pg from 'pg';
import { cellAggregateSql, COUNTED_SCORES } from './score-cell-aggregate.js';
import { CHANGE_LOG_VERSIONS } from './scores.js';
import { SCORE_WRITE_SQL, type ExistingScore, type WriteFacts } from './score-writes.js';

/**
 * The single-score write path's statements on PostgreSQL (issue 13, ADR 045): the SQLite prepared
 * statements' text (score-writes.ts) with placeholders numbered as PostgreSQL wants them (`?` →
 * `$1…`, `@name` → one `$n` per name), folded so that a write takes five round trips, and sent as
 * named prepared statements (parsed and planned once per pooled connection).
 *
 * Lock order, the same for every writer of score cells (ADR 045): the cells' `score_cells` rows
 * first, the evaluation's row (`cells_version`) last, right before COMMIT.
 */

/** `?` placeholders numbered in order, or `@name` ones numbered by first appearance (with their order). */
export function numbered(text: string): { text: string; names: string[] } {
  const names: string[] = [];
  let n = 0;
  const out = text.replace(/@([a-z_]+)|\?/g, (_, name: string | undefined) => {
    if (name === undefined) return `$${++n}`;
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text: out, names };
}

/**
 * The cell's aggregate row, locked before anything else the write reads: created empty when the
 * cell has none yet (only for a vendor and a criterion of this evaluation: an unknown one is the
 * facts' 404, not a foreign-key error), and "updated" to itself when it exists, which takes the
 * row lock even when another transaction created the row after this statement's snapshot (the
 * ON CONFLICT rule; a `select … for update` would not see that row). A rolled-back write leaves no
 * row behind; a committed one overwrites the figures in `refreshAndAudit`.
 */
const LOCK_CELL = `with cell_lock as (
    insert into score_cells (evaluation_id, vendor_id, criterion_id, n, sum, min, max, pass, fail, na)
    select @evaluation::integer, @vendor::integer, @criterion::integer, 0, 0, null, null, 0, 0, 0
    where exists (select 1 from vendors where id = @vendor and evaluation_id = @evaluation)
      and exists (select 1 from criteria where id = @criterion and evaluation_id = @evaluation)
    on conflict (vendor_id, criterion_id) do update set n = score_cells.n)
  `;
const FACTS = numbered(LOCK_CELL + SCORE_WRITE_SQL.facts);

// One statement per named text; the names are per connection, so any pooled client can run them.
const named = (name: string, text: string) => ({ name: `cx_score_${name}`, text });
const STATEMENTS = {
  facts: named('facts', FACTS.text),
  // Read after the cell lock (its own statement, so its snapshot sees the previous writer's commit).
  existing: named('existing', `${numbered(SCORE_WRITE_SQL.existing).text} for update`),
  update: named('update', numbered(SCORE_WRITE_SQL.update).text),
  insert: named('insert', numbered(SCORE_WRITE_SQL.insert).text),
  // The aggregate and the audit entry in one statement: the aggregate reads the score the previous
  // statement wrote (same transaction), and neither depends on the other.
  refreshAudit: named('refresh_audit', numbered(`with cell as (${cellAggregateSql('vendor_id = ? and criterion_id = ?')}) ${SCORE_WRITE_SQL.audit}`).text),
  refreshCountedAudit: named('refresh_counted_audit', numbered(`with cell as (${cellAggregateSql(`vendor_id = ? and criterion_id = ? and ${COUNTED_SCORES}`)}) ${SCORE_WRITE_SQL.audit}`).text),
};

/** A whole number as SQL text; anything else is refused (it is spliced into the closing statement). */
function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new TypeError(`not an integer id: ${n}`);
  return String(n);
}

/**
 * The closing round trip: the evaluation's `cells_version` step (its row lock orders the
 * evaluation's commits, so the change log's seq order is commit order, ADR 008), the change-log
 * row, the prune, and COMMIT — one simple-protocol message, so the evaluation's lock is held for
 * no network round trip at all. The simple protocol takes no parameters: the three ids, checked
 * integers, are spliced in.
 */
function finishText(evaluationId: number, vendorId: number, criterionId: number): string {
  const e = int(evaluationId);
  return `with stamp as (
      update evaluations set cells_version = cells_version + 1, scores_version = scores_version + 1 where id = ${e} returning cells_version),
    logged as (
      insert into score_cell_changes (evaluation_id, seq, vendor_id, criterion_id)
      select ${e}, cells_version, ${int(vendorId)}, ${int(criterionId)} from stamp on conflict do nothing)
    delete from score_cell_changes where evaluation_id = ${e} and seq <= (select cells_version from stamp) - ${CHANGE_LOG_VERSIONS};
    commit`;
}

/** The statements run on `client`, a pooled connection the caller holds. */
export function pgScoreWrites(client: pg.PoolClient) {
  const run = async <R extends pg.QueryResultRow>(s: { name: string; text: string }, values: unknown[]): Promise<R[]> => (await client.query<R>({ ...s, values })).rows;
  return {
    begin: () => client.query('begin'),
    rollback: () => client.query('rollback'),
    /** Locks the cell's aggregate row, then reads what the write checks (undefined when the evaluation is gone). */
    lockCellAndFacts: async (p: { evaluation: number; user: number; vendor: number; criterion: number }): Promise<WriteFacts | undefined> =>
      (await run<WriteFacts>(STATEMENTS.facts, FACTS.names.map((n) => p[n as keyof typeof p])))[0],
    existing: async (vendorId: number, criterionId: number, userId: number): Promise<ExistingScore | undefined> =>
      (await run<ExistingScore>(STATEMENTS.existing, [vendorId, criterionId, userId]))[0],
    update: (...v: unknown[]) => run(STATEMENTS.update, v),
    insert: (...v: unknown[]) => run(STATEMENTS.insert, v),
    /** The cell's aggregate recounted and the audit entry written; `counted` when the vendor has exclusions. */
    refreshAndAudit: (counted: boolean, vendorId: number, criterionId: number, audit: readonly unknown[]) =>
      run(counted ? STATEMENTS.refreshCountedAudit : STATEMENTS.refreshAudit, [vendorId, criterionId, ...audit]),
    /** Stamps the evaluation's cells_version, logs the cell, prunes the log and commits, in one round trip. */
    stampAndCommit: (evaluationId: number, vendorId: number, criterionId: number) => client.query(finishText(evaluationId, vendorId, criterionId)),
  };
}
