import { z } from '@hono/zod-openapi';
import { agreementReport } from '../read-models/agreement.js';
import { forbidden } from '../errors.js';
import { visibilityOf } from '../read-models/visibility.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute } from '../openapi/specs.js';

const Agreement = z.object({
  kendallW: z.record(z.string(), z.number().nullable()).openapi({ description: 'Criterion id → Kendall’s W (0 = no agreement, 1 = full).' }),
  disagreements: z.array(z.object({ vendorId: z.string(), criterionId: z.string(), spread: z.number() })),
});

const read = readRoute({
  access: 'read', summary: 'How far the evaluators agree (facilitator; everyone from review on)',
  success: ok('Kendall’s W per criterion and the cells where scores spread most.', Agreement),
});

/** GET /api/v1/evaluations/:id/agreement — how far the evaluators agree (Kendall's W, spread per cell). */
export const agreementApi = apiRouter('Agreement').openapi(read, async (c) => {
  const a = c.var.actor;
  // Disagreement shown early makes panels converge out of politeness: it is others' scores (domain/rules/visibility.ts).
  if (!(await visibilityOf(c.get('db'), a)).othersScores) {
    throw forbidden('Evaluator agreement is shown to everyone once the evaluation is in review.');
  }
  return c.json(await agreementReport(c.get('db'), a.evaluation));
});
