import { z } from '@hono/zod-openapi';
import { COST_FORMULAS } from '../domain/cost-formula.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;


/** A cost formula's name, in a body or a query (ADR 030). */
export const CostFormulaName = z.enum(COST_FORMULAS, { error: () => v.costFormula });

/** PUT /cost-formula: the formula, and why when scoring has begun (the same rule as a weight change). */
export const CostFormulaBody = z.object({
  formula: CostFormulaName.openapi({ description: '`lowest-over-price` (lowest ÷ price, the default), `linear` (1 − (price − lowest) ÷ (highest − lowest)) or `relative-to-average` (clamp(1 − price ÷ (2 × average), 0, 1)); prices of the ranked vendors.' }),
  reason: z.string({ error: () => v.reasonText }).trim().max(500, { error: () => v.atMostChars(500) }).optional()
    .openapi({ description: 'Why the formula changes; required from scoring on (400 with `fields.reason`).' }),
});
