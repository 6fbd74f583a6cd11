import type { Db } from '../../db/client.js';
import { updateEvaluation } from '../../db/queries/evaluations.js';
import type { CostFormula } from '../domain/cost-formula.js';
import { weightChangeNeedsReason } from '../domain/rules/structure.js';
import { badRequest } from '../errors.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';
import { auditAs } from './audit-as.js';
import { m } from '../../views/messages/index.js';

/**
 * Records how a price becomes a cost score (facilitator, ADR 030). It moves every total as a weight
 * change does, so the same rule holds: from scoring on it needs a reason, kept in the audit entry.
 * Setting the formula already in force changes nothing and writes no entry.
 */
export async function setCostFormula(db: Db, a: Actor, formula: CostFormula, reason?: string): Promise<{ formula: CostFormula; changed: boolean }> {
  const why = reason?.trim() ?? '';
  if (weightChangeNeedsReason(a.evaluation.status) && !why) {
    throw badRequest(m.errors.reasonForPriceFormula, { reason: m.errors.reasonForPriceFormulaField });
  }
  const before = a.evaluation.cost_formula;
  if (before === formula) return { formula, changed: false };
  await db.transaction().execute(async (trx) => {
    await updateEvaluation(trx, a.evaluation.id, { cost_formula: formula }, nowIso());
    await auditAs(trx, a, 'set', 'cost-formula', a.evaluation.id, { formula: before }, { formula, ...(why ? { reason: why } : {}) });
  });
  return { formula, changed: true };
}
