import { nextTurn, vendorSteps } from './score-stream.js';
import type { Db } from '../client.js';

// Reads and consensus writes of `score_cells` beside the aggregate (score-cell-aggregate.ts) and
// the ranking cache's reads (scores.ts).

/** The cells of the evaluation's must-have criteria, with their consensus rationale. */
export async function mustHaveCells(db: Db, evaluationId: number) {
  return db.selectFrom('score_cells').innerJoin('criteria', 'criteria.id', 'score_cells.criterion_id')
    .select(['score_cells.vendor_id', 'score_cells.criterion_id', 'score_cells.n', 'score_cells.sum', 'score_cells.pass', 'score_cells.fail', 'score_cells.consensus', 'score_cells.consensus_rationale'])
    .where('score_cells.evaluation_id', '=', evaluationId).where('criteria.kind', '=', 'must-have')
    .execute();
}

/**
 * Every cell's spread (min/max, pass/fail): what disagreement is judged on. With the vendors' ids
 * the cells are read in steps of vendors, yielding to the event loop between them (issue 15,
 * promise 1: the 60,000 cells of a 2,000-vendor evaluation read as objects at once held it for
 * hundreds of ms).
 */
export async function cellSpreadsOf(db: Db, evaluationId: number, vendorIds?: readonly number[]) {
  const out = [];
  for await (const step of cellSpreadSteps(db, evaluationId, vendorIds)) out.push(...step);
  return out;
}

/**
 * `cellSpreadsOf` one step of vendors at a time, so a caller can judge each step and keep only
 * what it needs: the landscape's 350,000 cells kept as objects, then filtered in one go, held the
 * event loop for over 250 ms (issue 15, promise 1).
 */
export async function* cellSpreadSteps(db: Db, evaluationId: number, vendorIds?: readonly number[]) {
  const steps = vendorSteps(vendorIds);
  for (const [from, to] of steps) {
    yield await db.selectFrom('score_cells').select(['vendor_id', 'criterion_id', 'min', 'max', 'pass', 'fail'])
      .where('evaluation_id', '=', evaluationId).where('vendor_id', '>=', from).where('vendor_id', '<=', to).execute();
    if (steps.length > 1) await nextTurn();
  }
}

/** A cell's consensus score and rationale, if the cell exists. */
export async function consensusOf(db: Db, vendorId: number, criterionId: number) {
  return db.selectFrom('score_cells').select(['consensus', 'consensus_rationale']).where('vendor_id', '=', vendorId).where('criterion_id', '=', criterionId).executeTakeFirst();
}

/** Sets (value null: clears) a cell's consensus, creating the cell if nobody has scored it; the aggregate is untouched. */
export async function writeConsensus(
  db: Db, evaluationId: number, cell: { vendorId: number; criterionId: number },
  c: { value: number | null; rationale: string; by: number; at: string },
): Promise<void> {
  const set = { consensus: c.value, consensus_rationale: c.rationale, consensus_by: c.by, consensus_at: c.at };
  await db
    .insertInto('score_cells')
    .values({ evaluation_id: evaluationId, vendor_id: cell.vendorId, criterion_id: cell.criterionId, min: null, max: null, ...set })
    .onConflict((oc) => oc.columns(['vendor_id', 'criterion_id']).doUpdateSet(set))
    .execute();
}

/** The score cells of these vendors with their consensus and who set it. */
export async function cellsWithConsensus(db: Db, evaluationId: number, vendorIds: number[]) {
  if (vendorIds.length === 0) return [];
  return db.selectFrom('score_cells').leftJoin('users', 'users.id', 'score_cells.consensus_by')
    .select(['score_cells.vendor_id', 'score_cells.criterion_id', 'score_cells.n', 'score_cells.sum', 'score_cells.consensus', 'score_cells.consensus_rationale', 'score_cells.consensus_at', 'users.name'])
    .where('score_cells.evaluation_id', '=', evaluationId).where('score_cells.vendor_id', 'in', vendorIds).execute();
}

/** Whether anyone has scored any cell of the evaluation yet. */
export async function anyScoredCell(db: Db, evaluationId: number): Promise<boolean> {
  return !!(await db.selectFrom('score_cells').select('vendor_id').where('evaluation_id', '=', evaluationId).where('n', '>', 0).limit(1).executeTakeFirst());
}

/** The cells of an evaluation that carry a consensus, as `vendorId:criterionId` keys: the review's "resolved". */
export async function consensusCellKeys(db: Db, evaluationId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('score_cells').select(['vendor_id', 'criterion_id'])
    .where('evaluation_id', '=', evaluationId).where('consensus_rationale', 'is not', null).execute();
  return new Set(rows.map((r) => `${r.vendor_id}:${r.criterion_id}`));
}
