import { z } from 'zod';
import { COST_FORMULAS } from '../../domain/cost-formula.js';
import { m } from '../../../views/messages/index.js';
import { FormText } from './fields.js';

/**
 * The ranking page's price-formula form (PUT /cost-formula's twin): one of the formulas, and why
 * (blank is no reason; the service asks for one from scoring on, as the API does).
 */
export const CostFormulaFormSchema = z.object({
  formula: z.enum(COST_FORMULAS, { error: () => m.whatIf.costForm.choose }),
  reason: FormText(500),
});
