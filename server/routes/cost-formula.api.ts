import { z } from '@hono/zod-openapi';
import { CostFormulaBody, CostFormulaName } from '../schemas/cost-formula.js';
import { setCostFormula } from '../services/cost-formula.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { writeRoute } from '../openapi/specs.js';

const write = writeRoute({
  access: 'edit', method: 'put', summary: 'Choose how a price becomes a cost score (facilitator); from scoring on `reason` is required (400 with `fields.reason`)', body: CostFormulaBody,
  success: ok('The formula in force, and whether it changed.', z.object({ formula: CostFormulaName, changed: z.boolean() })),
});

/** PUT /api/v1/evaluations/:id/cost-formula — the formula the ranking, the working, TOPSIS's weighted side and the XLSX use (ADR 030). */
export const costFormulaApi = apiRouter('Ranking').openapi(write, async (c) => {
  const body = c.req.valid('json');
  return c.json(await setCostFormula(c.get('db'), c.var.actor, body.formula, body.reason));
});
