import type { Db } from '../../db/client.js';
import { vendorIn } from '../../db/queries/vendors.js';
import { workingScores } from '../../db/queries/vendor-working.js';
import type { Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { vendorWorking, type Working, type WorkingLine } from '../domain/working.js';
import { resolveWeights } from '../domain/weights.js';
import { loadRankingInputs, type RankingBasis, type RankingInputs } from './ranking.js';
import { m } from '../../views/messages/index.js';
import { failedMustHaveText } from '../../views/must-have-reasons.js';

export interface WorkingScore { evaluatorId: string; name: string; value: number | null }

/** A line of the working with the scores behind it, as the reader may see them. */
export interface WorkingLineView extends WorkingLine {
  /** Each counted evaluator's score (null: N/A); the reader's own alone while they score blind. */
  scores: WorkingScore[];
  /** The mean of the scores given (N/A left out); what was ranked unless a consensus overrides it. */
  mean: number | null;
  /** The facilitator's consensus and why, when one replaced the mean. */
  consensusOf: { value: number; rationale: string } | null;
}

export interface WorkingView {
  vendorId: string; name: string; total: number; coverage: number; lowestPrice: number | null;
  /** The cost formula and the prices besides the lowest it reads (ADR 030). */
  cost: Working['cost'];
  scale: { min: number; max: number }; view: RankingBasis; pricesHidden: boolean;
  lines: WorkingLineView[];
}

/** 404 for a vendor that the ranking the reader sees does not rank, saying why. */
const notRanked = (message: string) => new AppError(404, 'not_ranked', message);

/**
 * One vendor's working as member `a` may see it: computed from the very inputs the ranking is
 * (loadRankingInputs applies the visibility rule, 403 for a member who may see no scores), so the
 * total is the ranking's. A vendor the ranking does not rank (withdrawn, screened out, failed a
 * must-have, not yet scored in the figures the reader sees) answers 404 `not_ranked` with why.
 */
export async function loadWorking(db: Db, a: Actor, vendorId: number): Promise<WorkingView> {
  return workingFrom(db, a, await loadRankingInputs(db, a), vendorId);
}

/**
 * `loadWorking` over inputs already loaded as `a` may see them (loadRankingInputs or
 * visibleRankingInputs): the comparison page and the board report call it for several vendors.
 * Another evaluation's vendor is not found (404).
 */
export async function workingFrom(db: Db, a: Actor, inputs: RankingInputs, vendorId: number): Promise<WorkingView> {
  const { nodes, scale, vendors, matrix } = inputs;
  const id = String(vendorId);
  const vendor = await vendorIn(db, a.evaluation.id, vendorId);
  if (!vendor) throw notFound('vendor');
  const name = vendor.name;
  const w = vendorWorking({ criteria: nodes, leafWeights: resolveWeights(nodes, inputs.local).leaves, scale, vendors, matrix, costFormula: inputs.costFormula }, id);
  if ('status' in w) {
    if (w.status === 'excluded') throw notRanked(m.working.notRanked(name, 'excluded', failedMustHaveText(w.why)));
    if (w.status === 'unscored') throw notRanked(m.working.notRanked(name, inputs.view === 'own' ? 'own' : 'unscored'));
    throw notRanked(m.working.notRanked(name, 'gone'));
  }
  const scores = await workingScores(db, a.evaluation.id, vendorId, inputs.view === 'own' ? a.userId : null);
  const lines = w.lines.map((line): WorkingLineView => {
    const mine = scores.filter((s) => String(s.criterion_id) === line.criterionId).map((s) => ({ evaluatorId: String(s.evaluator_id), name: s.name, value: s.value }));
    const given = mine.flatMap((s) => (s.value === null ? [] : [s.value]));
    const rationale = inputs.rationales.get(`${id}:${line.criterionId}`) ?? '';
    return {
      ...line, scores: mine, mean: given.length > 0 ? given.reduce((x, y) => x + y, 0) / given.length : null,
      consensusOf: line.consensus && line.value !== null ? { value: line.value, rationale } : null,
    };
  });
  return { vendorId: id, name: w.name, total: w.total, coverage: w.coverage, lowestPrice: w.lowestPrice, cost: w.cost, scale, view: inputs.view, pricesHidden: inputs.pricesHidden, lines };
}
