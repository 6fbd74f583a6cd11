import SQLite from 'better-sqlite3';
import { aggregateCell } from '../../server/domain/score-values.js';

export interface StoredScore { value: number | null; comment: string }

export interface DatabaseState {
  integrity: string;
  /** Every score of the evaluation, keyed `vendor:criterion:evaluator`. */
  scores: Map<string, StoredScore>;
  /** Cells whose stored aggregate differs from a recomputation from the scores, with what differs. */
  aggregateProblems: string[];
  cells: number;
}

/**
 * Reads the database file directly (a read-only connection beside the running server): SQLite's
 * own `integrity_check`, every score, and every `score_cells` aggregate against `aggregateCell`
 * over the cell's scores (the recomputation the score-aggregates property test uses).
 */
export function readDatabaseState(path: string, evaluationId: string): DatabaseState {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const rows = db.prepare('select vendor_id, criterion_id, evaluator_id, value, comment from scores where evaluation_id = ?').all(Number(evaluationId)) as { vendor_id: number; criterion_id: number; evaluator_id: number; value: number | null; comment: string }[];
    const cells = db.prepare('select vendor_id, criterion_id, n, sum, min, max, pass, fail, na from score_cells where evaluation_id = ?').all(Number(evaluationId)) as { vendor_id: number; criterion_id: number; n: number; sum: number; min: number | null; max: number | null; pass: number; fail: number; na: number }[];
    const scores = new Map<string, StoredScore>();
    const byCell = new Map<string, (number | null)[]>();
    for (const r of rows) {
      scores.set(`${r.vendor_id}:${r.criterion_id}:${r.evaluator_id}`, { value: r.value, comment: r.comment });
      byCell.set(`${r.vendor_id}:${r.criterion_id}`, [...(byCell.get(`${r.vendor_id}:${r.criterion_id}`) ?? []), r.value]);
    }
    const aggregateProblems: string[] = [];
    const seen = new Set<string>();
    for (const c of cells) {
      const key = `${c.vendor_id}:${c.criterion_id}`;
      seen.add(key);
      const want = aggregateCell(byCell.get(key) ?? []);
      const same = c.n === want.n && c.min === want.min && c.max === want.max && c.pass === want.pass && c.fail === want.fail && c.na === want.na && Math.abs(c.sum - want.sum) < 1e-9;
      if (!same) aggregateProblems.push(`${key}: stored ${JSON.stringify(c)}, recomputed ${JSON.stringify(want)}`);
    }
    for (const key of byCell.keys()) if (!seen.has(key)) aggregateProblems.push(`${key}: scores but no aggregate row`);
    return { integrity, scores, aggregateProblems, cells: cells.length };
  } finally {
    db.close();
  }
}
