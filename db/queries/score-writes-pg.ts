import { CompiledQuery } from 'kysely';
import type { Db } from '../client.js';
import { SCORE_WRITE_SQL, type ExistingScore, type WriteFacts } from './score-writes.js';

/**
 * The single-score write path's statements on PostgreSQL (issue 13): the same SQL text as the
 * SQLite prepared statements (score-writes.ts), with its placeholders numbered as PostgreSQL wants
 * them (`?` → `$1…`, `@name` → one `$n` per name). The SQLite-only statements (begin immediate,
 * savepoints) have no counterpart: here each write is its own Kysely transaction.
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

const SQL = Object.fromEntries(Object.entries(SCORE_WRITE_SQL).map(([k, v]) => [k, numbered(v)])) as Record<keyof typeof SCORE_WRITE_SQL, { text: string; names: string[] }>;
// The row the write will change is locked first, so a concurrent write of the cell waits for this one.
const EXISTING_FOR_UPDATE = `${SQL.existing.text} for update`;

const rows = async <R>(db: Db, text: string, values: readonly unknown[]): Promise<R[]> => (await db.executeQuery<R>(CompiledQuery.raw(text, [...values]))).rows;

/** The statements bound to `trx` (a transaction). */
export function pgScoreWrites(trx: Db) {
  const run = (text: string, ...values: unknown[]) => rows(trx, text, values);
  return {
    facts: async (p: { evaluation: number; user: number; vendor: number; criterion: number }): Promise<WriteFacts | undefined> =>
      (await run(SQL.facts.text, ...SQL.facts.names.map((n) => p[n as keyof typeof p])))[0] as WriteFacts | undefined,
    existing: async (vendorId: number, criterionId: number, userId: number): Promise<ExistingScore | undefined> =>
      (await run(EXISTING_FOR_UPDATE, vendorId, criterionId, userId))[0] as ExistingScore | undefined,
    update: (...v: unknown[]) => run(SQL.update.text, ...v),
    insert: (...v: unknown[]) => run(SQL.insert.text, ...v),
    /** Bumps and returns the evaluation's cells_version; the row lock it takes orders the evaluation's score writes. */
    bumpVersion: async (evaluationId: number): Promise<number | undefined> =>
      ((await run(SQL.bumpVersion.text, evaluationId))[0] as { cells_version: number } | undefined)?.cells_version,
    logChange: (...v: unknown[]) => run(SQL.logChange.text, ...v),
    pruneChanges: (...v: unknown[]) => run(SQL.pruneChanges.text, ...v),
    refreshCell: (...v: unknown[]) => run(SQL.refreshCell.text, ...v),
    refreshCellCounted: (...v: unknown[]) => run(SQL.refreshCellCounted.text, ...v),
    audit: (...v: unknown[]) => run(SQL.audit.text, ...v),
  };
}
