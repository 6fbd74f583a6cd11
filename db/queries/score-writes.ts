import type SQLite from 'better-sqlite3';
import type { CriterionKindColumn } from '../schema.js';
import { cellAggregateSql, COUNTED_SCORES } from './score-cell-aggregate.js';

/**
 * The prepared statements of the single-score write path (ADR 009). Hand-written SQL rather than
 * Kysely: this path runs once per grid keystroke under a whole panel, and building and compiling
 * eight queries per write cost more than running them. Everything else stays on Kysely.
 */

type Flag = 0 | 1 | boolean;

/** What one write checks, read in one statement (undefined when the evaluation is gone). */
export interface WriteFacts {
  status: string;
  team_id: number;
  scale_min: number;
  scale_max: number;
  // Flags: 0/1 on SQLite, booleans on PostgreSQL (`exists` is boolean there).
  declared: Flag;
  submitted: Flag;
  excluded: Flag;
  /** The criterion's kind if it is a leaf of this evaluation, null otherwise. */
  kind: CriterionKindColumn | null;
  /** The criterion belongs to this evaluation (a leaf or a parent). */
  criterion: Flag;
  vendor: Flag;
  /** The vendor was withdrawn (issue 11): its scores stay as they were. */
  withdrawn: Flag;
  /** Whether anyone in the evaluation is excluded from this vendor. */
  vendor_exclusions: Flag;
  /** The names the audit entry keeps (issue 11), read in the same statement. */
  actor_name: string | null;
  vendor_name: string | null;
  criterion_name: string | null;
}

export interface ExistingScore { value: number | null; comment: string; version: number }

export const SCORE_WRITE_SQL = {
  facts: `select e.status, e.team_id, e.scale_min, e.scale_max,
      exists (select 1 from declarations where evaluation_id = e.id and user_id = @user) as declared,
      exists (select 1 from submissions where evaluation_id = e.id and user_id = @user) as submitted,
      exists (select 1 from evaluator_exclusions where evaluation_id = e.id and user_id = @user and vendor_id = @vendor) as excluded,
      (select c.kind from criteria c where c.id = @criterion and c.evaluation_id = e.id
         and not exists (select 1 from criteria d where d.parent_id = c.id)) as kind,
      exists (select 1 from criteria where id = @criterion and evaluation_id = e.id) as criterion,
      exists (select 1 from vendors where id = @vendor and evaluation_id = e.id) as vendor,
      exists (select 1 from vendors where id = @vendor and evaluation_id = e.id and withdrawn_at is not null) as withdrawn,
      exists (select 1 from evaluator_exclusions where evaluation_id = e.id and vendor_id = @vendor) as vendor_exclusions,
      (select coalesce(nullif(name, ''), email) from users where id = @user) as actor_name,
      (select name from vendors where id = @vendor and evaluation_id = e.id) as vendor_name,
      (select name from criteria where id = @criterion and evaluation_id = e.id) as criterion_name
    from evaluations e where e.id = @evaluation`,
  // scores is keyed by (vendor, criterion, evaluator) (migration 006): these and refreshCell read one page.
  existing: 'select value, comment, version from scores where vendor_id = ? and criterion_id = ? and evaluator_id = ?',
  update: 'update scores set value = ?, comment = ?, abstain_reason = ?, version = ?, updated_at = ? where vendor_id = ? and criterion_id = ? and evaluator_id = ?',
  insert: `insert into scores (evaluation_id, vendor_id, criterion_id, evaluator_id, value, comment, abstain_reason, version, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  // The cell's aggregates recounted from its scores in one statement (score-cell-aggregate.ts). Most
  // vendors have no exclusions, and for them the probe per score (COUNTED_SCORES) is skipped.
  refreshCell: cellAggregateSql('vendor_id = ? and criterion_id = ?'),
  refreshCellCounted: cellAggregateSql(`vendor_id = ? and criterion_id = ? and ${COUNTED_SCORES}`),
  bumpVersion: 'update evaluations set cells_version = cells_version + 1, scores_version = scores_version + 1 where id = ? returning cells_version',
  // As stampCells: the batch's cells go to the change log under the batch's version.
  logChange: 'insert into score_cell_changes (evaluation_id, seq, vendor_id, criterion_id) values (?, ?, ?, ?) on conflict do nothing',
  pruneChanges: 'delete from score_cell_changes where evaluation_id = ? and seq <= ?',
  begin: 'begin immediate',
  savepoint: 'savepoint score_write',
  release: 'release score_write',
  rollbackTo: 'rollback to score_write',
  commit: 'commit',
  rollback: 'rollback',
  audit: `insert into audit_entries (team_id, evaluation_id, actor_id, at, action, entity, entity_id, before, after, summary, names)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

export type ScoreWriteStatements = { [K in keyof typeof SCORE_WRITE_SQL]: SQLite.Statement };

const prepared = new WeakMap<SQLite.Database, ScoreWriteStatements>();

/** The statements, prepared once per connection. */
export function scoreWriteStatements(sqlite: SQLite.Database): ScoreWriteStatements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = Object.fromEntries(Object.entries(SCORE_WRITE_SQL).map(([k, source]) => [k, sqlite.prepare(source)])) as ScoreWriteStatements;
    prepared.set(sqlite, s);
  }
  return s;
}
