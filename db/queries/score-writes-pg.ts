import type pg from 'pg';
import { cellAggregateOverSql, COUNTED_SCORES } from './score-cell-aggregate.js';
import { CHANGE_LOG_VERSIONS } from './scores.js';
import { SCORE_WRITE_SQL, type ExistingScore, type WriteFacts } from './score-writes.js';

/**
 * The single-score write path's statements on PostgreSQL (issue 13, ADR 047): the SQLite prepared
 * statements' text (score-writes.ts) with placeholders numbered as PostgreSQL wants them (`?` →
 * `$1…`, `@name` → one `$n` per name), folded so that a write takes five round trips: BEGIN with the
 * cell's lock, three named prepared statements (parsed and planned once per pooled connection), and a closing
 * simple-protocol message of several statements (ids only, spliced in as checked integers).
 *
 * Lock order, the same for every writer of score cells (ADR 047): the cells' `score_cells` rows
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

/** A whole number as SQL text; anything else is refused (it is spliced into the closing message). */
function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new TypeError(`not an integer id: ${n}`);
  return String(n);
}

/** `@name` placeholders replaced by checked integers (the simple protocol takes no parameters). */
const spliced = (text: string, ids: Record<string, number>): string =>
  text.replace(/@([a-z_]+)/g, (_, name: string) => int(ids[name] ?? Number.NaN));

/**
 * The cell's aggregate row, locked before the write reads anything: created empty when the cell
 * has none yet (only for a vendor and a criterion of this evaluation: an unknown one is the facts'
 * 404, not a foreign-key error), and "updated" to itself when it exists, which takes the row lock
 * even when another transaction created the row after this statement's snapshot (the ON CONFLICT
 * rule; a `select … for update` would not see that row). A rolled-back write leaves no row behind;
 * a committed one overwrites the figures. It goes with BEGIN as one simple-protocol message (ids
 * spliced in as checked integers), so the lock costs no round trip of its own.
 *
 * The facts are read in the next statement, not in this one: a statement reads the data as it
 * was when it started, so facts read alongside a lock that had to wait would predate whatever
 * the lock's holder committed (an exclusion of this evaluator, found in review of ADR 047).
 */
const LOCK_CELL = `insert into score_cells (evaluation_id, vendor_id, criterion_id, n, sum, min, max, pass, fail, na)
    select @evaluation::integer, @vendor::integer, @criterion::integer, 0, 0, null, null, 0, 0, 0
    where exists (select 1 from vendors where id = @vendor and evaluation_id = @evaluation)
      and exists (select 1 from criteria where id = @criterion and evaluation_id = @evaluation)
    on conflict (vendor_id, criterion_id) do update set n = score_cells.n`;
const FACTS = numbered(SCORE_WRITE_SQL.facts);
// Its own statement, so its snapshot is taken after the cell lock: a writer of the same cell that
// committed meanwhile is seen (no insert that would hit its row).
const EXISTING = `${numbered(SCORE_WRITE_SQL.existing).text} for update`;

// The score's row as the write leaves it, for the aggregate (below).
const RETURNING = 'returning evaluation_id, vendor_id, criterion_id, value';
const UPDATE = `update scores set value = @value, comment = @comment, abstain_reason = @abstain, version = @version, updated_at = @at
    where vendor_id = @vendor and criterion_id = @criterion and evaluator_id = @user ${RETURNING}`;
const INSERT = `insert into scores (evaluation_id, vendor_id, criterion_id, evaluator_id, value, comment, abstain_reason, version, updated_at)
    values (@evaluation, @vendor, @criterion, @user, @value, @comment, @abstain, @version, @at) ${RETURNING}`;
const AUDIT = `insert into audit_entries (team_id, evaluation_id, actor_id, at, action, entity, entity_id, before, after, summary, names)
    values (@team, @evaluation, @user, @at, @action, @entity, @entity_id, @before, @after, @summary, @names)`;
/** The audit row's values in `auditValues`' order, by name. */
const AUDIT_NAMES = ['team', 'evaluation', 'user', 'at', 'action', 'entity', 'entity_id', 'before', 'after', 'summary', 'names'] as const;

/**
 * The writing round trip, one statement: the score written, the cell's aggregate recounted from
 * the cell's other scores (this snapshot, taken under the cell lock) plus the row just written
 * (its RETURNING), and the audit entry. `counted`: the vendor has exclusions, so each other score is
 * checked against them (the writer's own is not excluded: the may-score rules said so).
 */
function writeStatement(write: string, counted: boolean) {
  const others = `select evaluation_id, vendor_id, criterion_id, value from scores
      where vendor_id = @vendor and criterion_id = @criterion and evaluator_id <> @user${counted ? ` and ${COUNTED_SCORES}` : ''}`;
  return numbered(`with written as (${write}),
    cell as (${cellAggregateOverSql(`${others} union all select evaluation_id, vendor_id, criterion_id, value from written`)})
    ${AUDIT}`);
}

// Named statements: parsed and planned once per pooled connection.
const STATEMENTS = {
  facts: { name: 'cx_score_facts', text: FACTS.text },
  existing: { name: 'cx_score_existing', text: EXISTING },
};
const WRITES = {
  update: { name: 'cx_score_update', ...writeStatement(UPDATE, false) },
  updateCounted: { name: 'cx_score_update_counted', ...writeStatement(UPDATE, true) },
  insert: { name: 'cx_score_insert', ...writeStatement(INSERT, false) },
  insertCounted: { name: 'cx_score_insert_counted', ...writeStatement(INSERT, true) },
};

/** What the writing round trip writes: the score, and the audit entry's values (`auditValues`). */
export interface ScoreRowWrite {
  evaluation: number; user: number; vendor: number; criterion: number;
  value: number | null; comment: string; abstain: string | null; version: number; at: string;
  audit: readonly unknown[];
}

/**
 * The closing round trip: the evaluation's `cells_version` step (its row lock orders the
 * evaluation's commits, so the change log's seq order is commit order, ADR 008), the change-log
 * row, the prune, and COMMIT — one simple-protocol message, so the evaluation's lock is held for
 * no network round trip at all.
 */
const closeText = (ids: { evaluation: number; vendor: number; criterion: number }, status: string): string =>
  spliced(`with stamp as (
      update evaluations set cells_version = cells_version + 1, scores_version = scores_version + 1
      where id = @evaluation and status = ${statusLiteral(status)} returning cells_version),
    logged as (
      insert into score_cell_changes (evaluation_id, seq, vendor_id, criterion_id)
      select @evaluation, cells_version, @vendor, @criterion from stamp on conflict do nothing),
    guard as (select 1 / (select count(*)::int from stamp) as ok)
    delete from score_cell_changes where evaluation_id = @evaluation and seq <= (select cells_version from stamp) - ${CHANGE_LOG_VERSIONS}
      and (select ok from guard) = 1;
    commit`, ids);

/** A status as an SQL literal; statuses are lower-case words, anything else is refused (it is spliced in). */
function statusLiteral(status: string): string {
  if (!/^[a-z_]+$/.test(status)) throw new TypeError(`not a status: ${status}`);
  return `'${status}'`;
}

/**
 * The closing message's answer when the evaluation's status is no longer the one the facts saw:
 * a status change (it locks the evaluation's row, not the cells) committed while this write ran.
 * The guard's division by zero aborts the transaction; the caller runs the write again, whose
 * fresh facts then refuse it (scoring closed) or let it through.
 */
export const STATUS_MOVED = '22012';

/** The round trips of one write, on `client`, a pooled connection the caller holds. */
export function pgScoreWrites(client: pg.PoolClient) {
  return {
    /** Opens the transaction and locks the cell's aggregate row (one message). */
    beginAndLockCell: (ids: { evaluation: number; vendor: number; criterion: number }) => client.query(spliced(`begin; ${LOCK_CELL}`, ids)),
    /** What the write checks, read after the cell lock (undefined when the evaluation is gone). */
    facts: async (ids: { evaluation: number; user: number; vendor: number; criterion: number }): Promise<WriteFacts | undefined> =>
      (await client.query<WriteFacts>({ ...STATEMENTS.facts, values: FACTS.names.map((n) => ids[n as keyof typeof ids]) })).rows[0],
    /** The caller's score of the cell, locked (undefined when there is none). */
    existing: async (ids: { user: number; vendor: number; criterion: number }): Promise<ExistingScore | undefined> =>
      (await client.query<ExistingScore>({ ...STATEMENTS.existing, values: [ids.vendor, ids.criterion, ids.user] })).rows[0],
    /** Writes the score (an update when it exists), its cell's aggregate and the audit entry. */
    write: async (exists: boolean, counted: boolean, w: ScoreRowWrite): Promise<void> => {
      const s = exists ? (counted ? WRITES.updateCounted : WRITES.update) : (counted ? WRITES.insertCounted : WRITES.insert);
      const byName: Record<string, unknown> = { ...w, ...Object.fromEntries(AUDIT_NAMES.map((n, i) => [n, w.audit[i]])) };
      await client.query({ name: s.name, text: s.text, values: s.names.map((n) => byName[n]) });
    },
    /** Stamps the evaluation's cells_version (if its status is still `status`), logs the cell, prunes the log and commits. */
    stampAndCommit: (ids: { evaluation: number; vendor: number; criterion: number }, status: string) => client.query(closeText(ids, status)),
    rollback: () => client.query('rollback'),
  };
}
