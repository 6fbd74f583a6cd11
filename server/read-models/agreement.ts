import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { forbidden } from '../errors.js';
import { visibilityOf } from './visibility.js';
import { vendorIdsOf } from '../../db/queries/vendors.js';
import { cellSpreadSteps } from '../../db/queries/score-cells.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { scoresStampOf } from '../../db/queries/scores.js';
import { forEachScoreValue } from '../../db/queries/score-stream.js';
import { byWidest, disagreeing, type CellSpread, type Disagreement } from '../domain/agreement.js';
import { mergeInSteps } from '../merge-in-steps.js';
import { heavyKeyed } from '../heavy/jobs.js';
import { flagColumns, float64Columns } from '../heavy/shared-columns.js';
import { leavesOf } from '../domain/criteria-tree.js';
import { m } from '../../views/messages/index.js';

// Kendall's W reads every score of the evaluation: 5 million for the landscape, seconds of work.
// Issue 15, promise 1: the scores are read in steps that yield to the event loop
// (forEachScoreValue), and W itself is computed in the heavy pool when big (a `kendall` task,
// ADR 017). It depends on the scores alone, so it is kept per database handle until scores_version
// or the number of scores (a deleted vendor or criterion) or the set of leaves says otherwise.
let kendallCache = new WeakMap<Db, Map<number, { key: string; w: Record<string, number | null> }>>();

/** Forgets every kept W (tests that time the whole read). */
export const clearKendallCache = (): void => { kendallCache = new WeakMap(); };

/** Kendall's W per leaf, over the vendors every evaluator of that leaf gave a value. */
async function kendallByLeaf(db: Db, a: Actor, leafIds: readonly number[], vendors: readonly number[]): Promise<Record<string, number | null>> {
  const evaluationId = a.evaluation.id;
  const stamp = await scoresStampOf(db, evaluationId);
  const key = `${stamp}:${leafIds.join(',')}`;
  let cache = kendallCache.get(db);
  if (!cache) kendallCache.set(db, (cache = new Map()));
  const hit = cache.get(evaluationId);
  if (hit?.key === key) return hit.w;

  // Each leaf's values as one column per evaluator with a flag column saying which vendors have a
  // value, filled in one pass over raw rows: made into row objects, the landscape's scores took
  // seconds and gigabytes. The columns are views of shared slabs (heavy/shared-columns.ts), so
  // neither making them nor posting them to the pool holds the event loop.
  const vendorIndex = new Map(vendors.map((id, i) => [id, i]));
  const leafIndex = new Map(leafIds.map((id, i) => [id, i]));
  const evaluatorIndex = new Map<number, number>();
  const values = float64Columns(vendors.length);
  const flags = flagColumns(vendors.length);
  const grid: { value: Float64Array; has: Uint8Array }[][] = leafIds.map(() => []);
  await forEachScoreValue(db, evaluationId, (vendorId, criterionId, evaluatorId, value) => {
    const l = leafIndex.get(criterionId);
    const v = vendorIndex.get(vendorId);
    if (l === undefined || v === undefined) return;
    let e = evaluatorIndex.get(evaluatorId);
    if (e === undefined) evaluatorIndex.set(evaluatorId, (e = evaluatorIndex.size));
    const column = (grid[l]![e] ??= { value: values.next(), has: flags.next() });
    column.value[v] = value;
    column.has[v] = 1;
  }, vendors);
  const kept = grid.map((byEvaluator) => byEvaluator.filter((r) => r !== undefined));
  const rows = kept.map((byEvaluator) => byEvaluator.map((c) => c.value));
  const has = kept.map((byEvaluator) => byEvaluator.map((c) => c.has));
  const w = await heavyKeyed(a, { kind: 'kendall', grid: { leafIds: leafIds.map(String), vendors: vendors.length, rows, has } }, `kendall|${evaluationId}|${key}`);
  // The read went in steps: a score written between them may be half in it, so only a read the
  // stamp did not move under is kept.
  if ((await scoresStampOf(db, evaluationId)) === stamp) cache.set(evaluationId, { key, w });
  return w;
}

export interface AgreementReport { kendallW: Record<string, number | null>; disagreements: Disagreement[] }

/**
 * Why a member may not see the agreement (it is the team's scores, domain/rules/visibility.ts):
 * `own` while they score blind, `none` for a stakeholder before review; null when they may.
 */
export async function agreementHiddenFor(db: Db, a: Actor): Promise<'own' | 'none' | null> {
  const seen = (await visibilityOf(db, a)).scores;
  return seen === 'all' ? null : seen;
}

/**
 * Evaluator agreement: Kendall's W per leaf criterion over the vendors every evaluator of that
 * criterion scored, and the cells whose spread reaches the evaluation's threshold. It is others'
 * scores, so member `a` gets it only when they may see the team's (else a 403 saying why).
 */
export async function agreementReport(db: Db, a: Actor): Promise<AgreementReport> {
  const hidden = await agreementHiddenFor(db, a);
  if (hidden) throw forbidden(m.errors.agreementHidden[hidden]);
  const { evaluation } = a;
  const leafMap = new Map(leavesOf(await criteriaOf(db, evaluation.id)).map((r) => [r.id, r]));
  const scored = [...leafMap.values()].filter((l) => l.kind !== 'cost');
  const vendors = await vendorIdsOf(db, evaluation.id);
  const kindOf = (id: number) => leafMap.get(id)?.kind;
  const scale = { min: evaluation.scale_min, max: evaluation.scale_max };
  const found: Disagreement[][] = [];
  // Judged a step of vendors at a time, as the cells are read: only the disagreeing ones are kept.
  for await (const step of cellSpreadSteps(db, evaluation.id, vendors)) {
    const cells: CellSpread[] = [];
    for (const c of step) {
      const kind = kindOf(c.criterion_id);
      if (kind === 'scored' || kind === 'must-have') cells.push({ vendorId: String(c.vendor_id), criterionId: String(c.criterion_id), min: c.min, max: c.max, pass: c.pass, fail: c.fail, kind });
    }
    found.push(disagreeing(cells, scale, evaluation.disagreement_threshold).sort(byWidest));
  }
  const w = await kendallByLeaf(db, a, scored.map((l) => l.id), vendors);
  // Each step's part sorted as it was judged, then merged in steps: one sort of the landscape's
  // 300,000 disagreeing cells held the event loop for 80 ms.
  return { kendallW: w, disagreements: await mergeInSteps(found, byWidest) };
}
